// A minimal reader for the zip archives vsce writes (stored or deflated
// entries, no zip64), enough to inspect a .vsix in tests.

import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** Unix permission bits when the archive recorded them, else undefined. */
  mode: number | undefined;
  size: number;
  read(): Buffer;
}

export function readZip(data: Buffer): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const madeBy = data.readUInt16LE(at + 4) >> 8;
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLen = data.readUInt16LE(at + 28);
    const extraLen = data.readUInt16LE(at + 30);
    const commentLen = data.readUInt16LE(at + 32);
    const external = data.readUInt32LE(at + 38);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString("utf8", at + 46, at + 46 + nameLen);
    const unixMode = external >>> 16;
    entries.set(name, {
      name,
      size,
      mode: madeBy === 3 && unixMode !== 0 ? unixMode & 0o7777 : undefined,
      read() {
        if (data.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
        const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
        const raw = data.subarray(start, start + compressed);
        if (method === 0) return Buffer.from(raw);
        if (method === 8) return inflateRawSync(raw);
        throw new Error(`${name}: unsupported compression method ${method}`);
      },
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEndOfCentralDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new Error("not a zip archive (no end of central directory)");
}
