// The lab's portable export: every scope's notes (kind + text, oldest first) and variables, as JSON. It is
// what the server back-end exports (the HTTP API has no snapshot endpoint) and what either back-end can
// import, by observing each note again. The tab back-end exports engram's own binary snapshot instead
// (Engram.dump), which keeps strengths and links; that file loads only in the tab.
import type { Backend } from './types.js';

export const EXPORT_FORMAT = 'engram-lab-export';
export const EXPORT_VERSION = 1;

export interface LabExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exported: string;
  scopes: Record<string, { notes: { kind: string; text: string }[]; vars: Record<string, string> }>;
}

/** Pages through every scope; `onProgress` gets the number of notes read so far. */
export async function buildExport(backend: Backend, onProgress?: (notes: number) => void): Promise<LabExport> {
  const out: LabExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: new Date().toISOString(), scopes: {} };
  let count = 0;
  for (const scope of await backend.scopes()) {
    const notes: { kind: string; text: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await backend.notes(scope, 500, cursor);
      for (const item of page.items) notes.push({ kind: item.kind, text: item.text });
      count += page.items.length;
      onProgress?.(count);
      cursor = page.next;
    } while (cursor);
    notes.reverse(); // listed newest first; re-observed oldest first so ids keep their order
    out.scopes[scope] = { notes, vars: await backend.vars(scope) };
  }
  return out;
}

export function isJson(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x7b; // '{'
  }
  return false;
}

/** Re-observes an export into `backend`; returns a summary in words. */
export async function applyExport(backend: Backend, bytes: Uint8Array): Promise<string> {
  let data: LabExport;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes)) as LabExport;
  } catch (e) {
    throw new Error(`the file is not valid JSON: ${(e as Error).message}`);
  }
  if (data?.format !== EXPORT_FORMAT) {
    throw new Error(`the file is not an engram lab export (format is ${JSON.stringify(data?.format)}, expected "${EXPORT_FORMAT}")`);
  }
  if (data.version > EXPORT_VERSION) throw new Error(`the export is too new (version ${data.version}; this lab reads up to ${EXPORT_VERSION})`);
  if (data.version < 1) throw new Error(`the export is too old (version ${data.version})`);
  let notes = 0;
  let vars = 0;
  const names = Object.keys(data.scopes ?? {});
  for (const scope of names) {
    const entry = data.scopes[scope];
    for (const note of entry.notes ?? []) {
      notes += await backend.note(scope, note.kind || 'fact', note.text);
    }
    for (const [name, value] of Object.entries(entry.vars ?? {})) {
      await backend.setVar(scope, name, value);
      vars++;
    }
  }
  return `imported ${notes} ${notes === 1 ? 'note' : 'notes'} and ${vars} ${vars === 1 ? 'variable' : 'variables'} into ${names.length} ${names.length === 1 ? 'scope' : 'scopes'}`;
}
