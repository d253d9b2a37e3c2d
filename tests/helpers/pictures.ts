/** Pictures for tests, made on the spot: a valid JPEG, the same JPEG garbled, and a PNG past the pixel limit. */
import { deflateSync } from "node:zlib";
import sharp from "sharp";

export function validJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: "#b22" } })
    .composite([{ input: Buffer.from('<svg width="320" height="200"><circle cx="100" cy="100" r="80" fill="#fc0"/></svg>') }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A JPEG whose header is intact (its size reads fine) and whose coded data is garbage. */
export async function garbledJpeg(): Promise<Buffer> {
  const bytes = Buffer.from(await validJpeg());
  const start = bytes.indexOf(Buffer.from([0xff, 0xc4])); // the first Huffman table
  for (let i = start + 4; i < bytes.length - 2; i += 3) bytes[i] = (bytes[i]! * 13 + 7) & 0xff;
  return bytes;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A well-formed PNG header announcing `width` × `height` grey pixels, with one row of data. */
export function hugePng(width = 20_000, height = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(width + 1))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
