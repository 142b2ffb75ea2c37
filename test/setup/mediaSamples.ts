import { crc32, deflateSync, gzipSync } from 'node:zlib';

// Small, well-formed files of every format uploads take, built byte by byte, and the archives and programs they
// refuse. Tests break them on purpose (truncate, drop a chunk, swap a header).

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))),
  );
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u32le = (n: number) => u32be(n).reverse();
const u16le = (n: number) => [n & 0xff, n >> 8];

/** A PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array = new Uint8Array(), crc?: number) {
  const body = bytes(type, data);
  return bytes(u32be(data.length), body, u32be(crc ?? crc32(body)));
}
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** IHDR of a 1×1 RGBA image. */
export const ihdr = bytes(u32be(1), u32be(1), [8, 6, 0, 0, 0]);

export const samples = {
  png: bytes(
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', new Uint8Array(deflateSync(Buffer.from([0, 0, 0, 0, 0])))),
    pngChunk('IEND'),
  ),
  jpeg: bytes(
    [0xff, 0xd8],
    [0xff, 0xe0, 0x00, 0x10],
    'JFIF\x00',
    [1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, 0xc0, 0x00, 0x11, 8, 0, 1, 0, 1, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    [0xff, 0xda, 0x00, 0x0c, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0],
    [0x00, 0xff, 0xd9],
  ),
  gif: bytes(
    'GIF89a',
    u16le(1),
    u16le(1),
    [0x80, 0, 0],
    [0, 0, 0, 255, 255, 255],
    [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0],
    [2, 2, 0x44, 0x01, 0],
    [0x3b],
  ),
  wav: bytes(
    'RIFF',
    u32le(40),
    'WAVE',
    'fmt ',
    u32le(16),
    u16le(1),
    u16le(1),
    u32le(8000),
    u32le(16000),
    u16le(2),
    u16le(16),
    'data',
    u32le(4),
    [0, 0, 0, 0],
  ),
  mp4: isoFile([
    // The movie header last, as many encoders write it: every cut-short copy then lacks it.
    ['ftyp', bytes('isom', u32be(0x200), 'isom', 'mp41')],
    ['mdat', new Uint8Array(16)],
    ['moov', isoBox('mvhd', new Uint8Array(100))],
  ]),
  mp3: bytes('ID3', [3, 0, 0], [0, 0, 0, 0], [0xff, 0xfb, 0x90, 0x64], new Uint8Array(413)),
  pdf: bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'),
  text: new TextEncoder().encode('plain words, ünïcödé and emoji 🎉\n'),
  json: bytes('{"labels":["cat","dog"]}'),
};

/** An ISO base media box: size, type, payload. */
export function isoBox(type: string, payload: Uint8Array) {
  return bytes(u32be(8 + payload.length), type, payload);
}
export function isoFile(boxes: [string, Uint8Array][]) {
  return bytes(...boxes.map(([type, payload]) => isoBox(type, payload)));
}

/** A 512-byte tar header block for one empty file. */
function tarHeader() {
  const block = new Uint8Array(512);
  block.set(Buffer.from('hello.txt'), 0);
  block.set(Buffer.from('ustar\x0000'), 257);
  return block;
}

/** A minimal PE: the DOS header pointing at `PE\0\0`. */
function windowsExecutable() {
  const file = new Uint8Array(128);
  file.set(Buffer.from('MZ'), 0);
  file.set(u32le(0x40), 0x3c);
  file.set(Buffer.from('PE\x00\x00'), 0x40);
  return file;
}

/** What uploads refuse outright, by what the refusal calls it. */
export const refusedFiles: [string, Uint8Array][] = [
  ['a ZIP archive', bytes('PK\x03\x04', [20, 0, 0, 0, 8, 0], new Uint8Array(40))],
  ['a gzip archive', new Uint8Array(gzipSync('{"text":"x"}\n'))],
  ['a tar archive', bytes(tarHeader(), new Uint8Array(512))],
  ['an ELF executable', bytes('\x7fELF', [2, 1, 1, 0], new Uint8Array(56))],
  ['a Windows (PE) executable', windowsExecutable()],
  ['a script (it starts with #!)', bytes('#!/bin/sh\nrm -rf ~\n')],
];
