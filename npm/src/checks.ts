// Argument checks done in JS before a call crosses into wasm. Why both sides check: TeaVM's conversions
// do not check types (a number passed as a string traps the module with "illegal cast", a fractional k
// is truncated silently, a 1 MiB string would be copied only to be rejected). The limits themselves
// come from the wasm module (Limits in core), and every message below is worded exactly as core words
// it, so a caller sees the same error whichever side caught it; the golden vectors check that.

/** Input limits, read from the module at load (core's Limits is the source of truth). */
export interface Limits {
  scopeChars: number;
  textChars: number;
  batch: number;
  questionChars: number;
  k: number;
  /** Longest variable name, in chars. */
  varNameChars: number;
  /** Longest variable value, in chars. */
  varValueChars: number;
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function requireString(name: string, v: unknown): asserts v is string {
  if (v === null || v === undefined) throw new Error(`${name} is required`);
  if (typeof v !== 'string') throw new Error(`${name} must be a string, got ${typeName(v)}`);
}

export function checkScope(limits: Limits, scope: unknown): asserts scope is string {
  requireString('scope', scope);
  if (scope.length === 0) throw new Error('scope must not be empty');
  if (scope.length > limits.scopeChars) {
    throw new Error(`scope is ${scope.length} chars; the limit is ${limits.scopeChars}`);
  }
  // Control characters are left to core, which names the index.
}

function checkTextValue(limits: Limits, text: string): void {
  if (text.length > limits.textChars) {
    throw new Error(`text is ${text.length} chars; the limit is ${limits.textChars} per call (split it)`);
  }
}

export function checkText(limits: Limits, text: unknown): asserts text is string {
  requireString('text', text);
  checkTextValue(limits, text);
}

export function checkBatch(limits: Limits, texts: unknown): asserts texts is string[] {
  if (texts === null || texts === undefined) throw new Error('texts is required');
  if (!Array.isArray(texts)) throw new Error(`texts must be an array of strings, got ${typeName(texts)}`);
  if (texts.length > limits.batch) {
    throw new Error(`batch has ${texts.length} texts; the limit is ${limits.batch} per call`);
  }
  for (let i = 0; i < texts.length; i++) {
    const t: unknown = texts[i];
    if (t === null || t === undefined) throw new Error(`texts[${i}] is null`);
    if (typeof t !== 'string') throw new Error(`texts[${i}] must be a string, got ${typeName(t)}`);
    checkTextValue(limits, t);
  }
}

export function checkQuestion(limits: Limits, question: unknown): asserts question is string {
  requireString('question', question);
  if (question.length > limits.questionChars) {
    throw new Error(`question is ${question.length} chars; the limit is ${limits.questionChars}`);
  }
}

export function checkK(limits: Limits, k: unknown): asserts k is number {
  if (typeof k !== 'number' || !Number.isInteger(k)) {
    throw new Error(`k must be an integer, got ${typeof k === 'number' ? String(k) : typeName(k)}`);
  }
  if (k < 1 || k > limits.k) throw new Error(`k must be between 1 and ${limits.k}, got ${k}`);
}

/** A cursor from a previous page's `next`; `null`/`undefined` (the first page) becomes `null`. */
export function checkCursor(cursor: unknown): string | null {
  if (cursor === null || cursor === undefined) return null;
  if (typeof cursor !== 'string') throw new Error(`cursor must be a string, got ${typeName(cursor)}`);
  return cursor; // its form is checked by core, which names what is wrong with it
}

/** A note kind or `null`; the name itself is checked by core (its message lists the valid kinds). */
export function checkKind(kind: unknown): string | null {
  if (kind === null || kind === undefined) return null;
  if (typeof kind !== 'string') throw new Error(`kind must be a string, got ${typeName(kind)}`);
  return kind;
}

export function checkSubstring(limits: Limits, substring: unknown): asserts substring is string {
  if (substring === null || substring === undefined) {
    throw new Error('substring is required ("" forgets the whole scope)');
  }
  if (typeof substring !== 'string') throw new Error(`substring must be a string, got ${typeName(substring)}`);
  if (substring.length > limits.questionChars) {
    throw new Error(`substring is ${substring.length} chars; the limit is ${limits.questionChars}`);
  }
}

export function checkId(id: unknown): asserts id is number {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < -2147483648 || id > 2147483647) {
    throw new Error(`id must be a 32-bit integer, got ${typeof id === 'number' ? String(id) : typeName(id)}`);
  }
}

export function checkVarName(limits: Limits, name: unknown): asserts name is string {
  if (name === null || name === undefined || name === '') throw new Error('variable name must not be empty');
  if (typeof name !== 'string') throw new Error(`variable name must be a string, got ${typeName(name)}`);
  if (name.length > limits.varNameChars) {
    throw new Error(`variable name is ${name.length} chars; the limit is ${limits.varNameChars}`);
  }
}

export function checkVarValue(limits: Limits, value: unknown): asserts value is string {
  if (value === null || value === undefined) throw new Error('variable value is required');
  if (typeof value !== 'string') throw new Error(`variable value must be a string, got ${typeName(value)}`);
  if (value.length > limits.varValueChars) {
    throw new Error(`variable value is ${value.length} chars; the limit is ${limits.varValueChars}`);
  }
}

/** A shell line: required, a string; its content (and any limit) is core's business. */
export function checkLine(line: unknown): asserts line is string {
  requireString('line', line);
}

/** The shell's scope: `null` is passed on (core's shell answers "error: scope is required"), other non-strings refused. */
export function checkShellScope(scope: unknown): string | null {
  if (scope === null || scope === undefined) return null;
  if (typeof scope !== 'string') throw new Error(`scope must be a string, got ${typeName(scope)}`);
  return scope;
}

/** A pinned clock: a whole, non-negative number of ms (JS numbers are exact up to 2^53 - 1). */
export function checkClock(ms: unknown): asserts ms is number {
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
    throw new Error(`clock must be a whole number of ms in 0..2^53-1, got ${typeof ms === 'number' ? String(ms) : typeName(ms)}`);
  }
}
