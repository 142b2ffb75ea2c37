import { DomainError } from '../errors.ts';
import { identifyBytes, type MediaFormat } from './identifyBytes.ts';
import { mediaProblem } from './mediaProblem.ts';

/** The media types an upload may be stored as, with the names clients also use for them. */
const ACCEPTED: { type: string; format: MediaFormat | 'text' | 'json'; aliases?: string[] }[] = [
  { type: 'image/png', format: 'png' },
  { type: 'image/jpeg', format: 'jpeg', aliases: ['image/jpg', 'image/pjpeg'] },
  { type: 'image/gif', format: 'gif' },
  { type: 'image/webp', format: 'webp' },
  { type: 'audio/wav', format: 'wav', aliases: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'] },
  { type: 'audio/mpeg', format: 'mp3', aliases: ['audio/mp3'] },
  { type: 'audio/ogg', format: 'ogg', aliases: ['video/ogg', 'application/ogg'] },
  { type: 'audio/flac', format: 'flac', aliases: ['audio/x-flac'] },
  { type: 'video/mp4', format: 'mp4' },
  { type: 'audio/mp4', format: 'mp4', aliases: ['audio/x-m4a', 'audio/m4a'] },
  { type: 'video/quicktime', format: 'mp4' },
  { type: 'video/webm', format: 'webm', aliases: ['audio/webm'] },
  { type: 'application/pdf', format: 'pdf' },
  { type: 'text/plain', format: 'text' },
  { type: 'application/json', format: 'json' },
];
const BY_NAME = new Map(
  ACCEPTED.flatMap((a) => [a.type, ...(a.aliases ?? [])].map((name) => [name, a] as const)),
);

/** Content types that say nothing about the bytes: the server tells the type from them. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const WHAT_TO_SEND =
  'send images (PNG, JPEG, GIF, WebP), audio (WAV, MP3, Ogg, FLAC, M4A), video (MP4, QuickTime, WebM), PDF, JSON ' +
  'or UTF-8 plain text';

const refuse = (message: string) => new DomainError('VALIDATION_FAILED', message);

/**
 * Decides what an uploaded file is from its bytes, and the content type it is stored and served as. The declared
 * type (a header) is checked against the bytes, never trusted: a file is refused when its bytes are another format,
 * an archive, a program or script, HTML or SVG (both run script when opened, so stored files could attack the
 * people who open them), or a truncated or inconsistent file of its format.
 */
export function acceptUpload(bytes: Uint8Array, declaredType: string | undefined): string {
  if (!bytes.byteLength) throw refuse('the file is empty');
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const found = identifyBytes(bytes);
  if (found && found.kind !== 'media') {
    if (found.kind === 'active')
      throw refuse(
        `this file is ${found.what}, which can carry script that would run on this site, so it is not accepted` +
          (found.what.includes('SVG') ? '; convert it to PNG' : `; ${WHAT_TO_SEND}`),
      );
    throw refuse(`archives and executables are not accepted: this file is ${found.what}; ${WHAT_TO_SEND}`);
  }
  const identified = found;

  const claimed = GENERIC.has(declared) ? undefined : BY_NAME.get(declared);
  if (!GENERIC.has(declared) && !claimed) throw refuse(`${declared} files are not accepted; ${WHAT_TO_SEND}`);
  if (!claimed) {
    const sniffed = identified && BY_NAME.get(identified.type);
    if (!identified || !sniffed)
      throw refuse(
        `${identified ? `${identified.what} is not accepted` : 'the type of this file cannot be told from its bytes'}; ` +
          `${WHAT_TO_SEND}, with its content type in X-Content-Type`,
      );
    return checked(identified.format, identified.what, bytes, sniffed.type);
  }

  if (claimed.format === 'text' || claimed.format === 'json') {
    if (identified) throw mismatch(identified.what, claimed.type);
    const text = utf8(bytes);
    if (text === null || text.includes('\u0000'))
      throw refuse(`the file is declared ${claimed.type} but is not UTF-8 text (it has bytes text does not)`);
    if (claimed.format === 'json') {
      try {
        JSON.parse(text);
      } catch (error) {
        throw refuse(
          `the file is declared application/json but is not valid JSON (${(error as Error).message})`,
        );
      }
    }
    return claimed.type;
  }
  if (!identified || identified.format !== claimed.format) throw mismatch(identified?.what, claimed.type);
  return checked(claimed.format, identified.what, bytes, claimed.type);
}

function checked(format: MediaFormat, what: string, bytes: Uint8Array, type: string): string {
  const problem = mediaProblem(format, bytes);
  if (problem) throw refuse(`this file looks like ${what} but is malformed: ${problem}`);
  return type;
}

const mismatch = (what: string | undefined, declared: string) =>
  refuse(
    `the file is declared ${declared} but its bytes are ${what ?? 'not that format'}; ` +
      'send the file with its real content type in X-Content-Type',
  );

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
