import { isMp3FrameStart, type MediaFormat } from './identifyBytes.ts';

// Cheap structural checks, no decoding: the headers a player or browser reads first are present, whole and
// consistent, and the boxes or chunks that follow fit inside the file. They catch truncated uploads and files that
// only borrow a format's first bytes; they do not prove the pixels or samples decode.

type Reader = {
  length: number;
  u8: (at: number) => number;
  u16be: (at: number) => number;
  u16le: (at: number) => number;
  u32be: (at: number) => number;
  u32le: (at: number) => number;
  text: (at: number, n: number) => string;
};

function reader(b: Uint8Array): Reader {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const fits = (at: number, n: number) => at >= 0 && at + n <= b.length;
  const get =
    <T>(n: number, read: (at: number) => T) =>
    (at: number) => {
      if (!fits(at, n)) throw new Truncated();
      return read(at);
    };
  return {
    length: b.length,
    u8: get(1, (at) => view.getUint8(at)),
    u16be: get(2, (at) => view.getUint16(at)),
    u16le: get(2, (at) => view.getUint16(at, true)),
    u32be: get(4, (at) => view.getUint32(at)),
    u32le: get(4, (at) => view.getUint32(at, true)),
    text: (at, n) => {
      if (!fits(at, n)) throw new Truncated();
      return String.fromCharCode(...b.subarray(at, at + n));
    },
  };
}

/** A read past the end of the file: the file is cut short. */
class Truncated extends Error {}

const TRUNCATED = 'it is truncated: the file ends inside its headers';

/** Why the bytes are not a well-formed file of this format, or null when its structure holds together. */
export function mediaProblem(format: MediaFormat, bytes: Uint8Array): string | null {
  const r = reader(bytes);
  try {
    return CHECKS[format](r, bytes);
  } catch (error) {
    if (error instanceof Truncated) return TRUNCATED;
    throw error;
  }
}

const CHECKS: Record<MediaFormat, (r: Reader, b: Uint8Array) => string | null> = {
  png: checkPng,
  jpeg: checkJpeg,
  gif: checkGif,
  webp: (r) => checkRiff(r, 'WEBP') ?? webpChunk(r),
  wav: (r) => checkRiff(r, 'WAVE') ?? wavChunks(r),
  mp3: checkMp3,
  ogg: checkOgg,
  flac: checkFlac,
  mp4: checkIsoBoxes,
  webm: checkEbml,
  pdf: checkPdf,
};

const PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function checkPng(r: Reader, b: Uint8Array): string | null {
  if (r.u32be(8) !== 13 || r.text(12, 4) !== 'IHDR') return 'its first chunk is not a 13-byte IHDR header';
  const [width, height] = [r.u32be(16), r.u32be(20)];
  if (!width || !height || width > 0x7fffffff || height > 0x7fffffff)
    return 'its IHDR gives an impossible size';
  const [depth, color] = [r.u8(24), r.u8(25)];
  if (!PNG_DEPTHS[color]?.includes(depth))
    return `its IHDR has an impossible colour type ${color} at depth ${depth}`;
  if (r.u8(26) !== 0 || r.u8(27) !== 0 || r.u8(28) > 1)
    return 'its IHDR names an unknown compression, filter or interlace';
  if (r.u32be(29) !== crc32(b.subarray(12, 29))) return 'its IHDR checksum is wrong';
  let sawData = false;
  for (let at = 33; ; ) {
    const length = r.u32be(at);
    const type = r.text(at + 4, 4);
    if (length > 0x7fffffff || at + 12 + length > r.length)
      return `it is truncated: its ${type} chunk runs past the end`;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? null : 'it has no image data (no IDAT chunk)';
    at += 12 + length;
  }
}

function checkJpeg(r: Reader): string | null {
  for (let at = 2; ; ) {
    if (r.u8(at) !== 0xff) return 'its marker segments are broken';
    let marker = r.u8(at + 1);
    while (marker === 0xff) marker = r.u8(++at + 1);
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9) return 'it ends before any frame header';
    if (marker === 0xda) return 'its scan data comes before any frame header';
    const length = r.u16be(at + 2);
    if (length < 2) return 'its marker segments are broken';
    if (at + 2 + length > r.length) return 'it is truncated: a header segment runs past the end';
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      const [precision, width, components] = [r.u8(at + 4), r.u16be(at + 7), r.u8(at + 9)];
      if (![8, 12, 16].includes(precision) || !width || components < 1 || components > 4)
        return 'its frame header gives an impossible size or component count';
      return length === 8 + 3 * components ? null : 'its frame header length does not match its components';
    }
    at += 2 + length;
  }
}

function checkGif(r: Reader): string | null {
  if (!r.u16le(6) || !r.u16le(8)) return 'its screen descriptor gives a zero width or height';
  const packed = r.u8(10);
  const next = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  if (![0x2c, 0x21, 0x3b].includes(r.u8(next))) return 'its colour table or first block is inconsistent';
  return r.u8(r.length - 1) === 0x3b ? null : 'it is truncated: it does not end with the GIF trailer';
}

/** The RIFF header (WAV, WebP): the declared size fits in the file. */
function checkRiff(r: Reader, form: string): string | null {
  if (r.text(8, 4) !== form) return 'its RIFF header is inconsistent';
  const size = r.u32le(4);
  return size === 0xffffffff || size + 8 <= r.length + 1
    ? null
    : 'it is truncated: its RIFF header claims more bytes';
}

function webpChunk(r: Reader): string | null {
  const type = r.text(12, 4);
  if (!['VP8 ', 'VP8L', 'VP8X'].includes(type)) return 'it has no VP8, VP8L or VP8X image chunk';
  return 20 + r.u32le(16) <= r.length + 1
    ? null
    : `it is truncated: its ${type.trim()} chunk runs past the end`;
}

function wavChunks(r: Reader): string | null {
  let sawFormat = false;
  for (let at = 12; ; ) {
    const [id, size] = [r.text(at, 4), r.u32le(at + 4)];
    if (id === 'fmt ') {
      if (size < 16) return 'its fmt chunk is too short';
      const [codec, channels, rate, align, bits] = [
        r.u16le(at + 8),
        r.u16le(at + 10),
        r.u32le(at + 12),
        r.u16le(at + 20),
        r.u16le(at + 22),
      ];
      if (!codec || !channels || !rate || !align || (codec === 1 && !bits))
        return 'its fmt chunk gives no channels, sample rate or sample size';
      sawFormat = true;
    }
    if (id === 'data') {
      if (!sawFormat) return 'its data comes before its fmt chunk';
      return size === 0xffffffff || at + 8 + size <= r.length
        ? null
        : `it is truncated: its data chunk claims ${size} bytes, ${r.length - at - 8} are there`;
    }
    at += 8 + size + (size % 2);
  }
}

function checkMp3(r: Reader, b: Uint8Array): string | null {
  let at = 0;
  if (r.text(0, 3) === 'ID3') {
    const [version, flags] = [r.u8(3), r.u8(5)];
    const sizeBytes = [6, 7, 8, 9].map(r.u8);
    if (version < 2 || version > 4 || sizeBytes.some((v) => v >= 0x80))
      return 'its ID3 tag header is inconsistent';
    at = 10 + sizeBytes.reduce((size, v) => size * 128 + v, 0) + (flags & 0x10 ? 10 : 0);
    if (at >= r.length) return 'it is truncated: it ends inside its ID3 tag';
    // Some encoders pad after the tag.
    while (at < r.length && at < 65_536 && b[at] === 0) at++;
  }
  return isMp3FrameStart(b, at) && at + 4 <= r.length ? null : 'it has no valid MPEG audio frame header';
}

function checkOgg(r: Reader): string | null {
  if (r.u8(4) !== 0 || !(r.u8(5) & 0x02)) return 'its first page is not a version-0 beginning-of-stream page';
  const segments = r.u8(26);
  let body = 0;
  for (let i = 0; i < segments; i++) body += r.u8(27 + i);
  return 27 + segments + body <= r.length ? null : 'it is truncated: its first page runs past the end';
}

function checkFlac(r: Reader): string | null {
  if ((r.u8(4) & 0x7f) !== 0 || r.u32be(4) % 0x1000000 !== 34)
    return 'it does not start with a STREAMINFO block';
  // Sample rate: the first 20 bits of byte 18 on.
  const rate = (r.u8(18) << 12) | (r.u8(19) << 4) | (r.u8(20) >> 4);
  return rate ? null : 'its STREAMINFO gives a zero sample rate';
}

/** MP4 and QuickTime: top-level boxes that tile the file, starting with ftyp, with a movie header (moov). */
function checkIsoBoxes(r: Reader): string | null {
  let sawMovie = false;
  for (let at = 0, n = 0; at < r.length; n++) {
    if (n > 10_000) return 'it has too many top-level boxes';
    let size = r.u32be(at);
    const type = r.text(at + 4, 4);
    let header = 8;
    if (size === 1) {
      size = r.u32be(at + 8) * 2 ** 32 + r.u32be(at + 12);
      header = 16;
    } else if (size === 0) size = r.length - at;
    if (!/^[\x20-\x7e]{4}$/.test(type) || size < header) return 'its boxes are inconsistent';
    if (n === 0 && (type !== 'ftyp' || size < 16)) return 'it does not start with a file type box';
    if (at + size > r.length) return `it is truncated: its ${type} box runs past the end`;
    if (type === 'moov') sawMovie = true;
    at += size;
  }
  return sawMovie ? null : 'it has no movie header (moov box)';
}

/** WebM: an EBML header that fits and names the webm document type, followed by a segment. */
function checkEbml(r: Reader, b: Uint8Array): string | null {
  const size = ebmlSize(b, 4);
  if (!size) return 'its EBML header is inconsistent';
  const end = 4 + size.width + size.value;
  if (end > r.length) return TRUNCATED;
  const header = String.fromCharCode(...b.subarray(4, end));
  if (!header.includes('\x42\x82\x84webm')) return 'its EBML header does not name the webm document type';
  return r.u32be(end) === 0x18538067 ? null : 'it has no segment after its header';
}

/** An EBML variable-length size: its length is the count of leading zero bits plus one. */
function ebmlSize(b: Uint8Array, at: number): { width: number; value: number } | null {
  const first = b[at] ?? 0;
  const width = Math.clz32(first) - 23;
  if (width < 1 || width > 8 || at + width > b.length) return null;
  let value = first & (0xff >> width);
  for (let i = 1; i < width; i++) value = value * 256 + b[at + i]!;
  return { width, value };
}

function checkPdf(r: Reader, b: Uint8Array): string | null {
  if (!/^%PDF-\d\.\d/.test(r.text(0, 8))) return 'its header does not name a PDF version';
  const tail = String.fromCharCode(...b.subarray(Math.max(0, b.length - 1024)));
  return tail.includes('%%EOF') ? null : 'it is truncated: it does not end with %%EOF';
}

let crcTable: Uint32Array | null = null;
/** CRC-32 as PNG chunks use it (ISO 3309). */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
