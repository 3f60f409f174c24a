/**
 * Where a snapshot lives between runs: one small interface ({@link SnapshotStore}) and one implementation
 * per host. `fileStore` (Node, Deno) writes a temporary file and renames it over the old one, so a crash
 * mid-write leaves the previous snapshot whole; `indexedDbStore` and `opfsStore` are the browser's two
 * byte stores. Node modules are imported inside the functions that use them, so this file (bundled into
 * dist/index.js) still loads in a browser or a Worker. The bytes are never interpreted here: checking
 * them (magic, version, checksum) is core's job, in `Engram.load`.
 *
 * @module
 */

/**
 * A place that holds one snapshot: what {@link Engram.saveTo} writes and {@link Engram.loadFrom} reads.
 * Use {@link fileStore}, {@link indexedDbStore} or {@link opfsStore}, or implement it over any byte store
 * of your own (S3, a KV namespace, localStorage as base64, ...).
 *
 * ```ts
 * let held: Uint8Array | null = null;
 * const slot: SnapshotStore = {
 *   description: 'in-memory slot',
 *   read: async () => held,
 *   write: async (bytes) => { held = bytes.slice(); },
 * };
 * await memory.saveTo(slot);
 * ```
 */
export interface SnapshotStore {
  /** Where the snapshot lives, for error messages (`file /data/memory.engram`, `IndexedDB app/main`). */
  readonly description: string;
  /** The stored snapshot, or `null` when nothing has been saved there yet. */
  read(): Promise<Uint8Array | null>;
  /** Replaces the stored snapshot with `bytes`, whole or not at all where the host allows it. */
  write(bytes: Uint8Array): Promise<void>;
}

function checkName(what: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new Error(`${what} must be a string, got ${value === null ? 'null' : typeof value}`);
  }
  if (value.length === 0) throw new Error(`${what} must not be empty`);
  return value;
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? ((e as { code?: string }).code ?? undefined) : undefined;
}

/**
 * A snapshot in a file, for Node (22+) and Deno. `write` goes to a temporary file in the same directory,
 * flushed to disk, then renamed over `path`: readers see the old snapshot or the new one, never half of
 * one. `read` gives `null` when the file does not exist; any other failure (a directory, no permission)
 * throws an Error naming the file.
 *
 * ```ts
 * import { Engram, fileStore } from 'engram';
 * const store = fileStore('./memory.engram');
 * const memory = await Engram.forNode();
 * await memory.loadFrom(store);          // null on the first run
 * memory.observe('user:42', 'The deploy region is us-west-2.');
 * await memory.saveTo(store);
 * ```
 */
export function fileStore(path: string | URL): SnapshotStore {
  if (!(path instanceof URL)) checkName('fileStore path', path);
  const shown = path instanceof URL ? path.href : path;
  return {
    description: `file ${shown}`,
    async read() {
      const { readFile } = await import('node:fs/promises');
      try {
        const buffer = await readFile(path);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (e) {
        if (errorCode(e) === 'ENOENT') return null;
        throw new Error(`engram: cannot read file ${shown}: ${(e as Error).message}`);
      }
    },
    async write(bytes) {
      const fs = await import('node:fs/promises');
      const { fileURLToPath } = await import('node:url');
      const target = path instanceof URL ? fileURLToPath(path) : path;
      // Same directory as the target, so the rename never crosses file systems (which would not be atomic).
      const temp = `${target}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
      let handle;
      try {
        handle = await fs.open(temp, 'wx');
        await handle.writeFile(bytes);
        await handle.sync();
        await handle.close();
        handle = undefined;
        await fs.rename(temp, target);
      } catch (e) {
        await handle?.close().catch(() => undefined);
        await fs.rm(temp, { force: true }).catch(() => undefined);
        throw new Error(`engram: cannot write file ${shown}: ${(e as Error).message}`);
      }
    },
  };
}

const IDB_STORE = 'snapshots';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens `name` with the object store engram uses, adding the store to a database that lacks it. */
async function openDb(name: string): Promise<IDBDatabase> {
  const open = (version?: number): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const req = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(IDB_STORE)) req.result.createObjectStore(IDB_STORE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
      req.onblocked = () => reject(new Error('another tab holds an older version of the database open'));
    });
  const db = await open();
  if (db.objectStoreNames.contains(IDB_STORE)) return db;
  // A database the app already had, without our store: one version up adds it.
  const next = db.version + 1;
  db.close();
  return open(next);
}

/**
 * A snapshot in the browser's IndexedDB (main thread and Workers): database `dbName`, object store
 * `snapshots`, entry `key`. Several memories can share a database under different keys. Throws at once
 * on a host without IndexedDB (Node, Deno, workerd). `read` gives `null` when there is no entry.
 *
 * ```ts
 * import { Engram, indexedDbStore } from '/engram/index.js';
 * const store = indexedDbStore('my-app', 'memory');
 * const memory = await Engram.forBrowser();
 * await memory.loadFrom(store);   // null on the first visit
 * await memory.saveTo(store);
 * ```
 */
export function indexedDbStore(dbName: string, key: string): SnapshotStore {
  checkName('indexedDbStore database name', dbName);
  checkName('indexedDbStore key', key);
  if (typeof indexedDB === 'undefined') {
    throw new Error('engram: indexedDbStore needs IndexedDB, which this host lacks (in Node or Deno use fileStore)');
  }
  const description = `IndexedDB ${dbName}/${key}`;
  return {
    description,
    async read() {
      let db: IDBDatabase | undefined;
      try {
        db = await openDb(dbName);
        const value: unknown = await request(db.transaction(IDB_STORE, 'readonly').objectStore(IDB_STORE).get(key));
        if (value === undefined) return null;
        if (value instanceof Uint8Array) return value;
        if (value instanceof ArrayBuffer) return new Uint8Array(value);
        throw new Error(`the entry is a ${typeof value}, not a snapshot`);
      } catch (e) {
        throw new Error(`engram: cannot read ${description}: ${(e as Error).message}`);
      } finally {
        db?.close();
      }
    },
    async write(bytes) {
      let db: IDBDatabase | undefined;
      try {
        db = await openDb(dbName);
        const tx = db.transaction(IDB_STORE, 'readwrite');
        // Structured clone copies a view's whole buffer, so a view into a larger one is cut to size first.
        const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
        // One put in one transaction: IndexedDB commits it whole or not at all.
        tx.objectStore(IDB_STORE).put(exact, key);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        });
      } catch (e) {
        throw new Error(`engram: cannot write ${description}: ${(e as Error).message}`);
      } finally {
        db?.close();
      }
    },
  };
}

/** The parts of the File System Access API this file uses (older DOM typings lack some of them). */
interface OpfsFile {
  getFile(): Promise<Blob>;
  createWritable?(): Promise<{ write(data: BufferSource): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
  createSyncAccessHandle?(): Promise<{
    truncate(size: number): void;
    write(data: BufferSource, options?: { at: number }): number;
    flush(): void;
    close(): void;
  }>;
}
interface OpfsDirectory {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<OpfsFile>;
}

const NO_OPFS =
  'engram: opfsStore needs the origin private file system (navigator.storage.getDirectory), which this host lacks ' +
  '(browsers offer it only in a secure context: https or localhost)';

function storageManager(): { getDirectory?: () => Promise<OpfsDirectory> } | undefined {
  return (globalThis as { navigator?: { storage?: { getDirectory?: () => Promise<OpfsDirectory> } } }).navigator?.storage;
}

function opfsRoot(): Promise<OpfsDirectory> {
  const storage = storageManager();
  if (typeof storage?.getDirectory !== 'function') throw new Error(NO_OPFS);
  return storage.getDirectory();
}

/**
 * A snapshot in the browser's origin private file system (OPFS), as the file `fileName` at its root.
 * `write` uses a writable stream where the host has one (it lands whole on close) and otherwise, in a
 * Worker, a sync access handle. Throws at once on a host without OPFS. `read` gives `null` when the
 * file does not exist.
 *
 * ```ts
 * import { Engram, opfsStore } from '/engram/index.js';
 * const store = opfsStore('memory.engram');
 * const memory = await Engram.forBrowser();
 * await memory.loadFrom(store);   // null on the first visit
 * await memory.saveTo(store);
 * ```
 */
export function opfsStore(fileName: string): SnapshotStore {
  checkName('opfsStore file name', fileName);
  if (fileName.includes('/') || fileName === '.' || fileName === '..') {
    throw new Error(`opfsStore file name must be a plain file name without '/', got '${fileName}'`);
  }
  // Checked now so a host without OPFS fails where the store is made, not at the first save.
  if (typeof storageManager()?.getDirectory !== 'function') throw new Error(NO_OPFS);
  const description = `OPFS ${fileName}`;
  return {
    description,
    async read() {
      try {
        const root = await opfsRoot();
        let handle: OpfsFile;
        try {
          handle = await root.getFileHandle(fileName);
        } catch (e) {
          if ((e as { name?: string }).name === 'NotFoundError') return null;
          throw e;
        }
        return new Uint8Array(await (await handle.getFile()).arrayBuffer());
      } catch (e) {
        throw new Error(`engram: cannot read ${description}: ${(e as Error).message}`);
      }
    },
    async write(bytes) {
      try {
        const root = await opfsRoot();
        const handle = await root.getFileHandle(fileName, { create: true });
        if (typeof handle.createWritable === 'function') {
          const stream = await handle.createWritable();
          try {
            await stream.write(bytes as Uint8Array<ArrayBuffer>);
            await stream.close();
          } catch (e) {
            await stream.abort().catch(() => undefined);
            throw e;
          }
        } else if (typeof handle.createSyncAccessHandle === 'function') {
          const access = await handle.createSyncAccessHandle();
          try {
            access.truncate(0);
            let at = 0;
            while (at < bytes.byteLength) at += access.write(bytes.subarray(at) as Uint8Array<ArrayBuffer>, { at });
            access.flush();
          } finally {
            access.close();
          }
        } else {
          throw new Error('this host offers neither createWritable nor createSyncAccessHandle');
        }
      } catch (e) {
        throw new Error(`engram: cannot write ${description}: ${(e as Error).message}`);
      }
    },
  };
}
