/**
 * A file of frames, each a length and a v8-serialised value: a large value written a part at a time (so that the
 * writer never holds all of it), and read back in one go.
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { deserialize, serialize } from "node:v8";

/** Opens `file` for frames; `write` each value, then `close`. */
export function frameWriter(file: string): { write(value: unknown): void; close(): void } {
  const fd = openSync(file, "w");
  return {
    write(value) {
      const bytes = serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      writeSync(fd, length);
      writeSync(fd, bytes);
    },
    close: () => closeSync(fd),
  };
}

/** The values of a file `frameWriter` wrote, in order. */
export function readFrames(file: string): unknown[] {
  const bytes = readFileSync(file);
  const values: unknown[] = [];
  for (let at = 0; at < bytes.length;) {
    const length = bytes.readUInt32LE(at);
    values.push(deserialize(bytes.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  return values;
}
