// One entry of a zip, stored or deflated, read without an async library; anything else is null.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipEntry } from './zip.js';

/** A minimal zip archive of the given entries (method 0 stored, 8 deflated). */
function zip(entries: { name: string; data: Buffer; method: 0 | 8 }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('zipEntry', () => {
  it('reads a stored and a deflated entry by name', () => {
    const archive = zip([
      { name: 'a.txt', data: Buffer.from('stored'), method: 0 },
      { name: 'word/document.xml', data: Buffer.from('<w:t>总结</w:t>'.repeat(100)), method: 8 },
    ]);
    expect(zipEntry(archive, 'a.txt')?.toString()).toBe('stored');
    expect(zipEntry(archive, 'word/document.xml')?.toString()).toBe('<w:t>总结</w:t>'.repeat(100));
  });

  it('answers null for a missing entry, a file that is not a zip, and a truncated one', () => {
    const archive = zip([{ name: 'a.txt', data: Buffer.from('x'), method: 0 }]);
    expect(zipEntry(archive, 'b.txt')).toBeNull();
    expect(zipEntry(Buffer.from('not a zip at all'), 'a.txt')).toBeNull();
    expect(zipEntry(archive.subarray(0, 20), 'a.txt')).toBeNull();
  });
});
