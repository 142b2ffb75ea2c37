import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../usecases/ports.ts';

/** Content-addressed files on local disk: `<dir>/ab/cd/<sha256>`, written atomically, stored once. */
export function localBlobStore(dir: string): BlobStore {
  const pathOf = (sha: string) => path.join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);
  return {
    async put(bytes, contentType) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = pathOf(sha256);
      const exists = await fs.access(file).then(
        () => true,
        () => false,
      );
      if (!exists) {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
        await fs.writeFile(tmp, bytes);
        await fs.writeFile(`${file}.type`, contentType);
        await fs.rename(tmp, file);
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      try {
        const [bytes, contentType] = await Promise.all([
          fs.readFile(pathOf(sha256)),
          fs.readFile(`${pathOf(sha256)}.type`, 'utf8'),
        ]);
        return { bytes, contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
