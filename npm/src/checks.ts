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
