// Types for TeaVM's wasm-gc runtime (bundled into dist/index.js, copied from teavm-core 0.15.0 by
// scripts/build.mjs and patched to accept a compiled WebAssembly.Module). Only what src/ uses.
export interface TeaVMInstance {
  exports: Record<string, unknown>;
  instance: WebAssembly.Instance;
  module: WebAssembly.Module;
}

export function load(src: WebAssembly.Module, options?: Record<string, unknown>): Promise<TeaVMInstance>;
