// Persistence in Node: saveTo/loadFrom through fileStore (round trip, atomic replace, missing, corrupt,
// foreign files), and the browser stores refusing clearly where the host lacks their API.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Engram, fileStore, indexedDbStore, opfsStore, type SnapshotStore } from '../dist/index.js';

const dir = mkdtempSync(join(tmpdir(), 'engram-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function filled(): Promise<Engram> {
  const m = await Engram.forNode();
  m.observeMany('user:42', ['The owner of Aurora is Kim Lee.', 'The deploy region is us-west-2.']);
  m.observe('team', 'The color of the logo is teal.');
  m.setVar('user:42', 'theme', 'dark');
  return m;
}

describe('fileStore', () => {
  it('round trip: saveTo then loadFrom in a fresh memory gives the same answers', async () => {
    const a = await filled();
    const path = join(dir, 'round.engram');
    const size = await a.saveTo(fileStore(path));
    expect(size).toBe(readFileSync(path).byteLength);
    expect(readFileSync(path)).toEqual(Buffer.from(a.dump()));
    const b = await Engram.forNode();
    expect((await b.loadFrom(fileStore(pathToFileURL(path))))?.sort()).toEqual(['team', 'user:42']);
    expect(b.get('user:42', 'who owns Aurora?')).toBe('Kim Lee');
    expect(b.recall('team', 'logo color', 5)).toEqual(a.recall('team', 'logo color', 5));
    expect(b.getVar('user:42', 'theme')).toBe('dark');
    expect(b.stats()).toEqual(a.stats());
  });

  it('saves one scope, replaces the old file whole and leaves no temporary file behind', async () => {
    const a = await filled();
    const sub = join(dir, 'replace');
    mkdirSync(sub);
    const path = join(sub, 'm.engram');
    await a.saveTo(fileStore(path));
    await a.saveTo(fileStore(path), 'team');
    expect(readdirSync(sub)).toEqual(['m.engram']);
    const b = await Engram.forNode();
    expect(await b.loadFrom(fileStore(path))).toEqual(['team']);
    expect(b.size('user:42')).toBe(0);
  });

  it('a missing file is null, not an error', async () => {
    const m = await Engram.forNode();
    expect(await m.loadFrom(fileStore(join(dir, 'never-written.engram')))).toBeNull();
    expect(m.scopes()).toEqual([]);
  });

  it('a corrupt, truncated or foreign file throws core message naming the file, and the memory is untouched', async () => {
    const a = await filled();
    const good = a.dump();
    const b = await Engram.forNode();
    b.observe('keep', 'The keeper of the keys is Ana.');

    const corrupt = join(dir, 'corrupt.engram');
    const flipped = good.slice();
    flipped[flipped.length >> 1] ^= 0x10;
    writeFileSync(corrupt, flipped);
    await expect(b.loadFrom(fileStore(corrupt))).rejects.toThrow(
      new RegExp(`^engram: file ${corrupt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a usable snapshot: .*checksum`),
    );

    const truncated = join(dir, 'truncated.engram');
    writeFileSync(truncated, good.subarray(0, 5));
    await expect(b.loadFrom(fileStore(truncated))).rejects.toThrow(/is not a usable snapshot: .*too short/);

    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ facts: ['not', 'a', 'snapshot'], padding: 'x'.repeat(64) }));
    await expect(b.loadFrom(fileStore(foreign))).rejects.toThrow(/is not a usable snapshot: .*magic/);

    expect(b.scopes()).toEqual(['keep']);
    expect(b.get('keep', 'who is the keeper of the keys?')).toBe('Ana');
  });

  it('a path that cannot be read or written throws an Error naming it', async () => {
    const m = await filled();
    await expect(m.loadFrom(fileStore(dir))).rejects.toThrow(`engram: cannot read file ${dir}:`);
    const nowhere = join(dir, 'no-such-dir', 'm.engram');
    await expect(m.saveTo(fileStore(nowhere))).rejects.toThrow(`engram: cannot write file ${nowhere}:`);
  });

  it('refuses bad arguments clearly', async () => {
    const m = await Engram.forNode();
    expect(() => fileStore('')).toThrow(new Error('fileStore path must not be empty'));
    expect(() => fileStore(42 as never)).toThrow(new Error('fileStore path must be a string, got number'));
    await expect(m.saveTo({} as never)).rejects.toThrow(/store must be a SnapshotStore/);
    await expect(m.loadFrom(null as never)).rejects.toThrow(/store must be a SnapshotStore/);
  });
});

describe('custom and browser stores', () => {
  it('any object with read and write is a store', async () => {
    let held: Uint8Array | null = null;
    const store: SnapshotStore = {
      description: 'test slot',
      read: async () => held,
      write: async (b) => {
        held = b.slice();
      },
    };
    const m = await Engram.forNode();
    expect(await m.loadFrom(store)).toBeNull();
    const a = await filled();
    await a.saveTo(store, 'user:42');
    expect(await m.loadFrom(store)).toEqual(['user:42']);
    held![held!.length - 1] ^= 1;
    await expect(m.loadFrom(store)).rejects.toThrow(/^engram: test slot is not a usable snapshot: .*checksum/);
  });

  it('IndexedDB and OPFS stores say that Node lacks them', () => {
    expect(() => indexedDbStore('app', 'memory')).toThrow(/indexedDbStore needs IndexedDB, which this host lacks/);
    expect(() => opfsStore('memory.engram')).toThrow(/opfsStore needs the origin private file system/);
    expect(() => opfsStore('a/b')).toThrow(/plain file name/);
  });
});
