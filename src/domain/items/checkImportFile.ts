import { DomainError } from '../errors.ts';
import { identifyBytes } from '../media/identifyBytes.ts';

/** Content types an import file may declare: it is text (JSONL, CSV or Label Studio JSON), or says nothing. */
const IMPORT_TYPES =
  /^(|application\/octet-stream|text\/[\w.+-]+|application\/(json|x-ndjson|jsonl|x-jsonlines|csv|ld\+json))$/;

/**
 * Refuses an import file that is not text before it is parsed: one declared as media, and archives, programs or
 * media files sent by mistake, with what the file is and what to send instead.
 */
export function checkImportFile(bytes: Uint8Array, declaredType: string | undefined): void {
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!IMPORT_TYPES.test(declared))
    throw new DomainError(
      'IMPORT_INVALID',
      `an import file is JSONL, CSV or Label Studio JSON text, not ${declared}; upload media with POST /api/blobs`,
      { problems: [] },
    );
  const identified = identifyBytes(bytes);
  if (!identified || identified.kind === 'active') return;
  const hint =
    identified.what === 'a gzip archive'
      ? 'send it with the header Content-Encoding: gzip, or uncompressed'
      : identified.kind === 'media'
        ? 'upload media with POST /api/blobs and name it in an item as blob:<sha256>'
        : 'archives and executables are not accepted; send the JSONL, CSV or Label Studio JSON file itself';
  throw new DomainError('IMPORT_INVALID', `this file is ${identified.what}, not an import file: ${hint}`, {
    problems: [],
  });
}
