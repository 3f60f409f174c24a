/**
 * engram/onnx: encoders over ONNX models the user points engram at (MiniLM, CLIP, Whisper-encoder exports
 * and the like), run by onnxruntime-web (or any module with its API, such as onnxruntime-node). The model
 * description, the WordPiece tokenizer, image and audio pre-processing and the pooling are engram's core,
 * compiled to a second wasm module, `engram-onnx.wasm`, so the vectors match the JVM's `engram-onnx`
 * encoders (within 1e-4: two builds of ONNX Runtime) for the same files. That module is not part of
 * `engram.wasm`: it is loaded once, the first time an encoder is loaded, from beside this module (from disk
 * in Node and Deno, with `fetch` in browsers) or from where {@link OnnxOptions.wasm} says. Nothing else is
 * downloaded: every model file is one you pass or name.
 *
 * onnxruntime-web is an optional peer dependency: install it (`npm i onnxruntime-web`) to use this entry;
 * the main `engram` entry never loads it.
 *
 * ```ts
 * import { Engram } from 'engram';
 * import { OnnxEncoder } from 'engram/onnx';
 * const memory = await Engram.forNode();
 * const minilm = await OnnxEncoder.fromFile(memory, 'models/all-MiniLM-L6-v2/engram.model');
 * const v = await minilm.encodeText('The deploy region is us-west-2.'); // Float32Array(384), unit length
 * ```
 *
 * @module
 */
import { Engram } from './index.js';

/** The tensors engram hands to and reads from ONNX Runtime: the shape of onnxruntime-web's `Tensor`. */
export interface OrtTensor {
  readonly dims: readonly number[];
  readonly type: string;
  readonly data: unknown;
}

/** What a session declares about one input or output (onnxruntime-web >= 1.21 fills `inputMetadata`). */
export interface OrtValueMetadata {
  readonly name: string;
  readonly isTensor: boolean;
  readonly type?: string;
  readonly shape?: readonly (number | string)[];
}

/** The parts of onnxruntime's `InferenceSession` engram uses. */
export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata?: readonly OrtValueMetadata[];
  readonly outputMetadata?: readonly OrtValueMetadata[];
  run(feeds: Record<string, OrtTensor>, fetches?: string[]): Promise<Record<string, OrtTensor>>;
  release?(): Promise<void>;
}

/** An onnxruntime module: `onnxruntime-web` (the default) or `onnxruntime-node`, imported by you. */
export interface OrtModule {
  InferenceSession: { create(model: Uint8Array, options?: object): Promise<OrtSession> };
  Tensor: new (type: string, data: Float32Array | BigInt64Array | Int32Array, dims: readonly number[]) => OrtTensor;
}

/** The files of one model, as you hold them (see {@link OnnxEncoder.load}). */
export interface OnnxFiles {
  /** The model description (the `key = value` text of docs/ENCODERS.md). */
  description: string;
  /** The `.onnx` file's bytes. */
  model: Uint8Array | ArrayBuffer;
  /** The contents of `vocab.txt` (text models only). */
  vocab?: string;
}

/** How to run the model. */
export interface OnnxOptions {
  /** The onnxruntime module; default `await import('onnxruntime-web')`. Pass `onnxruntime-node` here in Node if you have it. */
  ort?: OrtModule;
  /** Passed to `InferenceSession.create` (execution providers, threads). */
  sessionOptions?: object;
  /**
   * Where `engram-onnx.wasm` (the tokenizer and pre-processing, about 140 KB) comes from: a
   * `WebAssembly.Module` (Cloudflare Workers, which cannot compile at run time: `import onnxWasm from
   * 'engram/engram-onnx.wasm'`), its bytes, or a URL (a string is resolved against this package's `dist/`).
   * Default: the copy beside this module. Each source is loaded once per process or page.
   */
  wasm?: WebAssembly.Module | ArrayBuffer | Uint8Array | string | URL;
}

/** A picture as RGBA bytes, row by row from the top left: a browser's `ImageData` fits. */
export interface OnnxImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Mono audio in -1..1. */
export interface OnnxAudio {
  samples: Float32Array;
  sampleRate: number;
}

interface OnnxBridge {
  onnxOpen(description: string): number;
  onnxDescribe(handle: number): string[];
  onnxVocab(handle: number, vocab: string): void;
  onnxTokens(handle: number, text: string): Int32Array;
  onnxImage(handle: number, width: number, height: number, rgba: Int8Array): Float32Array;
  onnxAudio(handle: number, samples: Float32Array, sampleRate: number): Float32Array;
  onnxPool(handle: number, output: Float32Array, shape: Int32Array, mask: Int32Array): Float32Array;
  onnxClose(handle: number): void;
}

const NAMES = ['onnxOpen', 'onnxDescribe', 'onnxVocab', 'onnxTokens', 'onnxImage', 'onnxAudio', 'onnxPool', 'onnxClose'] as const;

const WASM = 'engram-onnx.wasm';

/**
 * The instances of engram-onnx.wasm, one per place it came from (the default copy, a URL, a module or bytes
 * you passed): a second encoder reuses the first one's, since every call is a function of its arguments and
 * the handles it hands out. A failed load is not kept: the next encoder tries again.
 */
const bridges = new Map<unknown, Promise<OnnxBridge>>();

async function startBridge(source: OnnxOptions['wasm']): Promise<OnnxBridge> {
  const exports = await Engram.companion(source, WASM, 'import engram/engram-onnx.wasm and pass it as options.wasm');
  const out: Record<string, unknown> = {};
  for (const name of NAMES) {
    if (typeof exports[name] !== 'function') throw new Error(`${WASM} does not export '${name}': it does not match this version of engram/onnx`);
    out[name] = exports[name];
  }
  return out as unknown as OnnxBridge;
}

async function bridgeOf(engram: Engram, options: OnnxOptions): Promise<OnnxBridge> {
  if (!(engram instanceof Engram)) throw new Error('engram/onnx needs an Engram instance (from Engram.forNode() and the like)');
  if (options === null || typeof options !== 'object') throw new Error('options must be an object ({ ort?, sessionOptions?, wasm? })');
  const source = options.wasm;
  const key = typeof source === 'string' || source instanceof URL ? `url:${String(source)}` : source;
  let bridge = bridges.get(key);
  if (bridge === undefined) {
    bridge = startBridge(source);
    bridges.set(key, bridge);
    bridge.catch(() => bridges.delete(key));
  }
  return bridge;
}

/** Rethrows a bridge or runtime failure as a plain Error with its message. */
function fail(e: unknown, prefix = ''): never {
  const message = e instanceof Error ? e.message : String(e);
  throw new Error(prefix + (message || 'engram: internal error without a message'));
}

async function defaultOrt(): Promise<OrtModule> {
  const name = 'onnxruntime-web'; // a variable, so bundlers leave the optional peer alone until it is used
  try {
    return (await import(/* @vite-ignore */ name)) as OrtModule;
  } catch (e) {
    throw new Error(`engram/onnx needs the onnxruntime-web package (npm i onnxruntime-web), or an onnxruntime module as options.ort: ${(e as Error).message}`);
  }
}

function bytesOf(b: Uint8Array | ArrayBuffer, what: string): Uint8Array {
  if (b instanceof Uint8Array) return b;
  if (b instanceof ArrayBuffer) return new Uint8Array(b);
  throw new Error(`${what} must be a Uint8Array or an ArrayBuffer`);
}

function shapeText(shape: readonly (number | string)[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * One ONNX encoder: text, image or audio, as its description says. Every vector is unit length, the same
 * on every host for the same files and input. Load with {@link OnnxEncoder.load} (bytes you hold) or
 * {@link OnnxEncoder.fromFile} (Node, Deno: a description file and the files it names).
 */
export class OnnxEncoder {
  readonly #bridge: OnnxBridge;
  readonly #handle: number;
  readonly #session: OrtSession;
  readonly #ort: OrtModule;
  readonly #settings: string[];
  readonly #output: string;
  /** What the model reads. */
  readonly kind: 'text' | 'image' | 'audio';
  /** Length of every vector this encoder returns. */
  readonly dimension: number;

  private constructor(bridge: OnnxBridge, handle: number, settings: string[], ort: OrtModule, session: OrtSession) {
    this.#bridge = bridge;
    this.#handle = handle;
    this.#settings = settings;
    this.#ort = ort;
    this.#session = session;
    this.kind = settings[0] as 'text' | 'image' | 'audio';
    this.#output = settings[3] !== '' ? settings[3] : session.outputNames[0];
    this.#checkInputs();
    this.dimension = this.#checkOutput(Number(settings[5]));
  }

  /**
   * An encoder from the files you hold: the description text, the model's bytes and, for a text model, its
   * vocabulary. Fails with a message naming the problem: a bad description, bytes that are not an ONNX
   * model, an input or output the model does not have, a type or fixed size that does not match.
   *
   * ```ts
   * const clip = await OnnxEncoder.load(memory, { description, model: await (await fetch('clip-vision.onnx')).bytes() });
   * ```
   */
  static async load(engram: Engram, files: OnnxFiles, options: OnnxOptions = {}): Promise<OnnxEncoder> {
    const bridge = await bridgeOf(engram, options);
    if (files === null || typeof files !== 'object' || typeof files.description !== 'string') {
      throw new Error('OnnxEncoder.load needs { description: string, model: bytes, vocab?: string }');
    }
    let handle: number;
    try {
      handle = bridge.onnxOpen(files.description);
    } catch (e) {
      fail(e, 'model description: ');
    }
    try {
      const settings = Array.from(bridge.onnxDescribe(handle));
      if (settings[0] === 'text') {
        if (typeof files.vocab !== 'string') throw new Error(`a text model needs its vocabulary (${settings[6]}) as files.vocab`);
        bridge.onnxVocab(handle, files.vocab);
      }
      const model = bytesOf(files.model, 'files.model');
      const ort = options.ort ?? (await defaultOrt());
      let session: OrtSession;
      try {
        session = await ort.InferenceSession.create(model, options.sessionOptions);
      } catch (e) {
        fail(e, `${settings[1]} is not an ONNX model onnxruntime can load: `);
      }
      return new OnnxEncoder(bridge, handle, settings, ort, session);
    } catch (e) {
      bridge.onnxClose(handle);
      fail(e);
    }
  }

  /**
   * An encoder from a description file; the model and vocabulary paths in it are relative to its folder.
   * Node and Deno (reads files with `node:fs`).
   *
   * ```ts
   * const whisper = await OnnxEncoder.fromFile(memory, 'models/whisper-base/engram.model');
   * ```
   */
  static async fromFile(engram: Engram, description: string, options: OnnxOptions = {}): Promise<OnnxEncoder> {
    const fs = await import('node:fs/promises');
    const path = await import('node:path');
    const read = async (file: string, what: string, text: boolean): Promise<string | Uint8Array> => {
      try {
        return text ? await fs.readFile(file, 'utf8') : new Uint8Array(await fs.readFile(file));
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') throw new Error(`${what} ${file} does not exist`);
        throw new Error(`cannot read ${what} ${file}: ${(e as Error).message}`);
      }
    };
    const text = (await read(description, 'model description', true)) as string;
    const folder = path.dirname(path.resolve(description));
    const bridge = await bridgeOf(engram, options);
    let settings: string[];
    try {
      const handle = bridge.onnxOpen(text);
      settings = Array.from(bridge.onnxDescribe(handle));
      bridge.onnxClose(handle);
    } catch (e) {
      fail(e, `${description}: `);
    }
    const model = (await read(path.resolve(folder, settings[1]), 'model file', false)) as Uint8Array;
    const vocab = settings[0] === 'text' ? ((await read(path.resolve(folder, settings[6]), 'vocabulary', true)) as string) : undefined;
    return OnnxEncoder.load(engram, { description: text, model, vocab }, options);
  }

  /**
   * The unit vector of `text` (text models).
   *
   * ```ts
   * const v = await minilm.encodeText('where does the server run?');
   * ```
   */
  async encodeText(text: string): Promise<Float32Array> {
    const { ids, mask } = this.tokens(text);
    const n = ids.length;
    const int32 = this.#settings[10] === 'int32';
    const tensor = (values: Int32Array): OrtTensor =>
      int32 ? new this.#ort.Tensor('int32', Int32Array.from(values), [1, n]) : new this.#ort.Tensor('int64', BigInt64Array.from(values, (v) => BigInt(v)), [1, n]);
    const feeds: Record<string, OrtTensor> = { [this.#settings[7]]: tensor(ids) };
    if (this.#settings[8] !== '') feeds[this.#settings[8]] = tensor(mask);
    if (this.#settings[9] !== '') feeds[this.#settings[9]] = tensor(new Int32Array(n));
    return this.#run(feeds, mask);
  }

  /**
   * The unit vector of a picture (image models).
   *
   * ```ts
   * const v = await clip.encodeImage(canvas.getContext('2d').getImageData(0, 0, w, h));
   * ```
   */
  async encodeImage(image: OnnxImage): Promise<Float32Array> {
    const tensor = this.imageTensor(image);
    const crop = Number(this.#settings[13]);
    return this.#run({ [this.#settings[2]]: new this.#ort.Tensor('float32', tensor, [1, 3, crop, crop]) }, null);
  }

  /**
   * The unit vector of a sound (audio models); resampled to the model's rate first.
   *
   * ```ts
   * const v = await whisper.encodeAudio({ samples, sampleRate: 44100 });
   * ```
   */
  async encodeAudio(clip: OnnxAudio): Promise<Float32Array> {
    const features = this.audioFeatures(clip);
    const mels = Number(this.#settings[12]);
    return this.#run({ [this.#settings[2]]: new this.#ort.Tensor('float32', features, [1, mels, features.length / mels]) }, null);
  }

  /**
   * The token ids and attention mask engram feeds a text model for `text` (core's WordPiece).
   *
   * ```ts
   * minilm.tokens('hello world').ids; // Int32Array [101, 7592, 2088, 102]
   * ```
   */
  tokens(text: string): { ids: Int32Array; mask: Int32Array } {
    this.#need('text');
    if (typeof text !== 'string') throw new Error(`text must be a string, got ${text === null ? 'null' : typeof text}`);
    let flat: Int32Array;
    try {
      flat = this.#bridge.onnxTokens(this.#handle, text);
    } catch (e) {
      fail(e);
    }
    const n = flat.length / 2;
    return { ids: flat.slice(0, n), mask: flat.slice(n) };
  }

  /**
   * The `[3, crop, crop]` tensor engram feeds an image model (core's resize, centre crop, normalise).
   *
   * ```ts
   * clip.imageTensor({ width: 2, height: 2, data: new Uint8Array(16) }).length; // 3 * 224 * 224
   * ```
   */
  imageTensor(image: OnnxImage): Float32Array {
    this.#need('image');
    if (image === null || typeof image !== 'object' || !(image.data instanceof Uint8Array || image.data instanceof Uint8ClampedArray)) {
      throw new Error('an image is { width, height, data: Uint8Array of RGBA }');
    }
    const rgba = new Int8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    try {
      return this.#bridge.onnxImage(this.#handle, image.width, image.height, rgba);
    } catch (e) {
      fail(e);
    }
  }

  /**
   * The `[nMels, frames]` log-mel spectrogram engram feeds an audio model.
   *
   * ```ts
   * whisper.audioFeatures({ samples: new Float32Array(16000), sampleRate: 16000 }).length; // 80 * 3000
   * ```
   */
  audioFeatures(clip: OnnxAudio): Float32Array {
    this.#need('audio');
    if (clip === null || typeof clip !== 'object' || !(clip.samples instanceof Float32Array)) {
      throw new Error('a sound is { samples: Float32Array, sampleRate }');
    }
    try {
      return this.#bridge.onnxAudio(this.#handle, clip.samples, clip.sampleRate);
    } catch (e) {
      fail(e);
    }
  }

  /**
   * Frees the session and the tokenizer; the encoder is unusable afterwards.
   *
   * ```ts
   * await minilm.close();
   * ```
   */
  async close(): Promise<void> {
    this.#bridge.onnxClose(this.#handle);
    await this.#session.release?.();
  }

  #need(kind: string): void {
    if (this.kind !== kind) throw new Error(`${this.#settings[1]} is described as ${this.kind === 'image' ? 'an' : 'a'} ${this.kind} model, not ${kind === 'image' ? 'an' : 'a'} ${kind} model`);
  }

  async #run(feeds: Record<string, OrtTensor>, mask: Int32Array | null): Promise<Float32Array> {
    let out: Record<string, OrtTensor>;
    try {
      out = await this.#session.run(feeds, [this.#output]);
    } catch (e) {
      fail(e, `${this.#settings[1]} failed to run: `);
    }
    const t = out[this.#output];
    if (t === undefined || !(t.data instanceof Float32Array)) throw new Error(`${this.#settings[1]}: output '${this.#output}' is not a float tensor`);
    let v: Float32Array;
    try {
      v = this.#bridge.onnxPool(this.#handle, t.data, Int32Array.from(t.dims), mask ?? new Int32Array(0));
    } catch (e) {
      fail(e, `${this.#settings[1]}: `);
    }
    if (v.length !== this.dimension) throw new Error(`${this.#settings[1]} returned vectors of ${v.length} values, its description says ${this.dimension}`);
    return v;
  }

  /** Fed inputs: name, type and shape (-1 where it varies), as the JVM's OnnxModel checks them. */
  #fed(): { name: string; type: string; shape: number[] }[] {
    const s = this.#settings;
    if (this.kind === 'text') {
      const type = s[10] === 'int32' ? 'int32' : 'int64';
      const n = s[11] === 'true' ? Number(s[14]) : -1;
      return [s[7], s[8], s[9]].filter((name) => name !== '').map((name) => ({ name, type, shape: [1, n] }));
    }
    if (this.kind === 'image') {
      const crop = Number(s[13]);
      return [{ name: s[2], type: 'float32', shape: [1, 3, crop, crop] }];
    }
    return [{ name: s[2], type: 'float32', shape: [1, Number(s[12]), -1] }];
  }

  #checkInputs(): void {
    const file = this.#settings[1];
    const fed = this.#fed();
    const declared = this.#session.inputNames;
    for (const f of fed) {
      if (!declared.includes(f.name)) {
        throw new Error(`${file} has no input '${f.name}'; its inputs are [${declared.join(', ')}] (set the input names in the model description)`);
      }
      const meta = this.#session.inputMetadata?.find((m) => m.name === f.name);
      if (meta?.type !== undefined && meta.type !== f.type) {
        throw new Error(`${file}: input '${f.name}' takes ${meta.type}, engram feeds ${f.type}` +
          (this.kind === 'text' ? ` (set text.ids = ${meta.type === 'int32' ? 'int32' : 'int64'})` : ''));
      }
      const want = meta?.shape;
      if (want !== undefined) {
        let ok = want.length === f.shape.length;
        for (let i = 0; ok && i < want.length; i++) {
          const w = want[i];
          ok = typeof w !== 'number' || w < 0 || f.shape[i] < 0 || w === f.shape[i];
        }
        if (!ok) throw new Error(`${file}: input '${f.name}' has shape ${shapeText(want)}, engram feeds ${shapeText(f.shape)} (-1 varies)`);
      }
    }
    for (const name of declared) {
      if (!fed.some((f) => f.name === name)) {
        throw new Error(`${file} needs input '${name}', which the model description does not feed; it feeds [${fed.map((f) => f.name).join(', ')}]`);
      }
    }
  }

  #checkOutput(dimension: number): number {
    const file = this.#settings[1];
    if (!this.#session.outputNames.includes(this.#output)) {
      throw new Error(`${file} has no output '${this.#output}'; its outputs are [${this.#session.outputNames.join(', ')}]`);
    }
    const shape = this.#session.outputMetadata?.find((m) => m.name === this.#output)?.shape;
    const pooling = this.#settings[4];
    if (shape !== undefined && pooling !== 'none' && shape.length !== 3) {
      throw new Error(`${file}: output '${this.#output}' has shape ${shapeText(shape)}, pooling ${pooling} needs [1, rows, d]` +
        (shape.length === 2 ? '; use pooling = none' : ''));
    }
    const last = shape !== undefined && shape.length > 0 ? shape[shape.length - 1] : undefined;
    if (typeof last === 'number' && last > 0) {
      if (dimension > 0 && last !== dimension) {
        throw new Error(`${file}: output '${this.#output}' has ${last} values per vector, the description says dimension = ${dimension}`);
      }
      return last;
    }
    if (dimension > 0) return dimension;
    throw new Error(`${file}: output '${this.#output}' does not declare its vector length; set dimension in the description`);
  }
}
