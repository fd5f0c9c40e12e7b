// The demo's notice-board photo (公开栏照片): a small PNG drawn here (a red title band over a white
// board with lines of text), so that demo publications carry a photo without shipping an image file.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

const W = 240;
const H = 160;

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function pixel(x: number, y: number): [number, number, number] {
  if (x < 8 || x >= W - 8 || y < 8 || y >= H - 8) return [96, 74, 52]; // frame
  if (y < 36) return [196, 30, 36]; // title band
  const line = (y - 46) % 14;
  if (y >= 46 && line < 5 && x >= 22 && x < W - 22 - ((y * 7) % 60)) return [150, 150, 150]; // text
  return [250, 248, 240];
}

let cached: { bytes: Buffer; sha256: string } | undefined;

export function demoPhoto(): { bytes: Buffer; sha256: string } {
  if (cached) return cached;
  const raw = Buffer.alloc((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) {
    raw[y * (W * 3 + 1)] = 0;
    for (let x = 0; x < W; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (W * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(W, 0);
  header.writeUInt32BE(H, 4);
  header[8] = 8;
  header[9] = 2;
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  cached = { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  return cached;
}
