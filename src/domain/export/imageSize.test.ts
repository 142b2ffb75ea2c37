import { describe, expect, it } from 'vitest';
import { imageSize } from './imageSize.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('imageSize', () => {
  it('reads PNG, GIF, JPEG and WebP headers', () => {
    const png = bytes(
      [0x89],
      'PNG\r\n\x1a\n',
      [0, 0, 0, 13],
      'IHDR',
      [0, 0, 2, 128, 0, 0, 1, 224],
      [8, 2, 0, 0, 0],
    );
    expect(imageSize(png)).toEqual({ width: 640, height: 480 });
    expect(imageSize(bytes('GIF89a', [0x20, 0x03, 0x58, 0x02], [0, 0]))).toEqual({ width: 800, height: 600 });
    const jpeg = bytes(
      [0xff, 0xd8, 0xff, 0xe0, 0, 16],
      'JFIF\0',
      [1, 1, 0, 0, 1, 0, 1, 0, 0],
      [0xff, 0xc0, 0, 17, 8, 0x01, 0xe0, 0x02, 0x80, 3],
      new Array(12).fill(0),
    );
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
    const webp = bytes(
      'RIFF',
      [0, 0, 0, 0],
      'WEBPVP8X',
      [10, 0, 0, 0, 0, 0, 0, 0],
      [0x7f, 0x02, 0, 0xdf, 0x01, 0],
      [0, 0],
    );
    expect(imageSize(webp)).toEqual({ width: 640, height: 480 });
  });

  it('answers null for other bytes and cut-off headers', () => {
    expect(imageSize(bytes('hello world, not an image at all'))).toBeNull();
    expect(imageSize(bytes([0x89], 'PNG'))).toBeNull();
  });
});
