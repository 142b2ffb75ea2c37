/** The media formats uploads may be, each checked structurally by `mediaProblem`. */
export type MediaFormat =
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'wav'
  | 'mp3'
  | 'ogg'
  | 'flac'
  | 'mp4'
  | 'webm'
  | 'pdf';

/** What a file's first bytes say it is. */
export type Identified =
  | { kind: 'media'; format: MediaFormat; type: string; what: string }
  /** Nothing we store: archives, programs and scripts, and documents that run script in a browser. */
  | { kind: 'archive' | 'executable' | 'active'; what: string };

type Signature = [offset: number, bytes: number[] | string];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const REFUSED: { kind: 'archive' | 'executable'; what: string; any: Signature[] }[] = [
  {
    kind: 'archive',
    what: 'a ZIP archive',
    any: [
      [0, 'PK\x03\x04'],
      [0, 'PK\x05\x06'],
      [0, 'PK\x07\x08'],
    ],
  },
  { kind: 'archive', what: 'a gzip archive', any: [[0, [0x1f, 0x8b]]] },
  { kind: 'archive', what: 'a tar archive', any: [[257, 'ustar']] },
  { kind: 'archive', what: 'a 7-Zip archive', any: [[0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]]] },
  { kind: 'archive', what: 'a RAR archive', any: [[0, 'Rar!\x1a\x07']] },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => ({
    kind: 'archive' as const,
    what: 'a bzip2 archive',
    any: [[0, `BZh${level}`] as Signature],
  })),
  { kind: 'archive', what: 'an xz archive', any: [[0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]]] },
  { kind: 'archive', what: 'a Zstandard archive', any: [[0, [0x28, 0xb5, 0x2f, 0xfd]]] },
  { kind: 'archive', what: 'a cabinet archive', any: [[0, 'MSCF']] },
  { kind: 'archive', what: 'an ar archive (e.g. a .deb package)', any: [[0, '!<arch>\n']] },
  { kind: 'executable', what: 'an ELF executable', any: [[0, '\x7fELF']] },
  {
    kind: 'executable',
    what: 'a Mach-O executable',
    any: [
      [0, [0xfe, 0xed, 0xfa, 0xce]],
      [0, [0xfe, 0xed, 0xfa, 0xcf]],
      [0, [0xce, 0xfa, 0xed, 0xfe]],
      [0, [0xcf, 0xfa, 0xed, 0xfe]],
      [0, [0xca, 0xfe, 0xba, 0xbe]],
    ],
  },
  { kind: 'executable', what: 'a WebAssembly module', any: [[0, '\x00asm']] },
  { kind: 'executable', what: 'a script (it starts with #!)', any: [[0, '#!']] },
];

const matches = (b: Uint8Array, [offset, sig]: Signature) =>
  (typeof sig === 'string' ? ascii(sig) : sig).every((v, i) => b[offset + i] === v);

const media = (format: MediaFormat, type: string, what: string): Identified => ({
  kind: 'media',
  format,
  type,
  what,
});

/** The ISO base media brands of still images, which share MP4's container but are not video. */
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * Recognizes a file by its first bytes: the media formats uploads may be, and what is refused outright (archives,
 * executables and scripts; HTML and SVG, which run script when opened). Null when the bytes say nothing (plain text,
 * or a format we do not know).
 */
export function identifyBytes(b: Uint8Array): Identified | null {
  for (const r of REFUSED) if (r.any.some((s) => matches(b, s))) return { kind: r.kind, what: r.what };
  if (isWindowsExecutable(b)) return { kind: 'executable', what: 'a Windows (PE) executable' };
  if (matches(b, [0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]))
    return media('png', 'image/png', 'a PNG image');
  if (matches(b, [0, [0xff, 0xd8, 0xff]])) return media('jpeg', 'image/jpeg', 'a JPEG image');
  if (matches(b, [0, 'GIF87a']) || matches(b, [0, 'GIF89a'])) return media('gif', 'image/gif', 'a GIF image');
  if (matches(b, [0, 'RIFF']) && matches(b, [8, 'WEBP'])) return media('webp', 'image/webp', 'a WebP image');
  if (matches(b, [0, 'RIFF']) && matches(b, [8, 'WAVE'])) return media('wav', 'audio/wav', 'a WAV recording');
  if (matches(b, [0, 'ID3']) || isMp3FrameStart(b, 0)) return media('mp3', 'audio/mpeg', 'an MP3 recording');
  if (matches(b, [0, 'OggS'])) return media('ogg', 'audio/ogg', 'an Ogg recording');
  if (matches(b, [0, 'fLaC'])) return media('flac', 'audio/flac', 'a FLAC recording');
  if (matches(b, [4, 'ftyp'])) {
    const brand = String.fromCharCode(...b.subarray(8, 12));
    return IMAGE_BRANDS.has(brand)
      ? {
          kind: 'media',
          format: 'mp4',
          type: `image/${brand.startsWith('av') ? 'avif' : 'heic'}`,
          what: 'an AVIF or HEIC image',
        }
      : media('mp4', 'video/mp4', 'an MP4 video');
  }
  if (matches(b, [0, [0x1a, 0x45, 0xdf, 0xa3]])) return media('webm', 'video/webm', 'a WebM video');
  if (matches(b, [0, '%PDF-'])) return media('pdf', 'application/pdf', 'a PDF document');
  return activeDocument(b);
}

/** `MZ`, then at the offset the DOS header names, `PE\0\0`: text that merely starts with MZ is not a program. */
function isWindowsExecutable(b: Uint8Array): boolean {
  if (!matches(b, [0, 'MZ']) || b.length < 64) return false;
  const peAt = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0x3c, true);
  return peAt + 4 <= b.length && matches(b, [peAt, 'PE\x00\x00']);
}

/** An MPEG audio frame header: the 11-bit sync, then a version, layer, bitrate and sample rate that exist. */
export function isMp3FrameStart(b: Uint8Array, at: number): boolean {
  const [b1, b2] = [b[at + 1] ?? 0, b[at + 2] ?? 0];
  return (
    b[at] === 0xff &&
    (b1 & 0xe0) === 0xe0 &&
    ((b1 >> 3) & 3) !== 1 &&
    ((b1 >> 1) & 3) !== 0 &&
    b2 >> 4 !== 15 &&
    ((b2 >> 2) & 3) !== 3
  );
}

/** HTML or SVG, which a browser would run script from, even with a BOM, blank lines or a comment first. */
function activeDocument(b: Uint8Array): Identified | null {
  // The decoder drops a leading byte order mark.
  const head = new TextDecoder().decode(b.subarray(0, 1024)).trimStart().toLowerCase();
  if (!head.startsWith('<')) return null;
  if (/<svg[\s>/]/.test(head)) return { kind: 'active', what: 'an SVG image' };
  if (
    /^<(!doctype html|html|head|body|script|iframe|object|embed|meta|style|a|img|div|form|base)[\s>/]/.test(
      head,
    )
  )
    return { kind: 'active', what: 'an HTML page' };
  if (/<(html|script|iframe|body)[\s>/]/.test(head)) return { kind: 'active', what: 'an HTML page' };
  return null;
}
