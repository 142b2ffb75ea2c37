import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ImportResult } from '../shared/api.ts';
import { ApiError } from '../shared/client.ts';
import { progressBar } from './progress.ts';

/** Uploads an import file with a byte progress bar, then follows the server's parse and insert progress. */
export async function importFile(input: {
  url: string;
  apiKey: string;
  projectId: string;
  file: string;
  format: string;
}): Promise<ImportResult> {
  const size = fs.statSync(input.file).size;
  const upload = progressBar('upload', size, 'bytes');
  let sent = 0;
  const source = fs.createReadStream(input.file);
  source.on('data', (chunk) => {
    sent += chunk.length;
    upload.update(sent);
  });
  const response = await fetch(`${input.url}/api/projects/${input.projectId}/items?format=${input.format}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${input.apiKey}`,
      'content-type': 'application/octet-stream',
      accept: 'application/x-ndjson',
    },
    body: Readable.toWeb(source) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  upload.stop();
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
    throw new ApiError(
      response.status,
      body.error?.code ?? 'HTTP_ERROR',
      body.error?.message ?? response.statusText,
    );
  }
  let stored: ReturnType<typeof progressBar> | null = null;
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as {
        progress?: { phase: string; done: number; total: number };
        result?: ImportResult;
        error?: { code: string; message: string; details?: unknown };
      };
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
      if (line.progress?.phase === 'insert') {
        stored ??= progressBar('store ', line.progress.total);
        stored.update(line.progress.done);
      }
      if (line.result) {
        stored?.stop();
        return line.result;
      }
      if (line.error) {
        stored?.stop();
        throw new ApiError(422, line.error.code, line.error.message, line.error.details);
      }
    }
  }
  throw new Error('the server closed the import without a result; check the server log');
}
