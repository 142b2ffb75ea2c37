import { once } from 'node:events';
import fs from 'node:fs';

/** A file written a piece at a time, waiting for the disk when its buffer is full, so memory stays flat. */
export function lineFile(file: string) {
  const out = fs.createWriteStream(file);
  return {
    async write(text: string | Uint8Array) {
      if (!out.write(text)) await once(out, 'drain');
    },
    async close() {
      await new Promise<void>((resolve, reject) =>
        out.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
    },
  };
}
