// Patches npm run build applies to TeaVM 0.15.0's wasm-gc runtime (wasm-gc-module-runtime.js, Apache-2.0)
// for the runtime that npm run build bundles into dist/index.js. Each patch names a start anchor and, for
// a block, an end anchor; the build fails if an anchor is not found exactly once, so a TeaVM upgrade cannot
// silently skip one.
//
// Why: (1) fromModule hands the runtime a compiled module, which it can only take as bytes; (2) it
// decides whether to polyfill the JS string builtins by probing the host, not the module it was given
// (workerd compiles wasm imports without them); (3) it builds its JSO glue with `new Function(...)`,
// which Cloudflare Workers forbid ("Code generation from strings disallowed"). Every such function is
// rewritten as an ordinary closure with the same behaviour, so one runtime serves every host. The one
// thing a closure cannot do is compile an @JSBody's source: identity bodies (`return x;`), which TeaVM's
// class library uses, are recognised; any other body fails with a clear error when called.

const FUNCTION_FROM_BODY_ERROR =
  'engram runtime: an @JSBody function needs code generation from strings, which this eval-free runtime does not do';

export const PATCHES = [
  {
    why: 'accept an already compiled WebAssembly.Module',
    find: 'async function compileModule(src, isNodeJs) {\n',
    replace: 'async function compileModule(src, isNodeJs) {\n  if (src instanceof WebAssembly.Module) {\n    return src;\n  }\n',
  },
  {
    why: 'polyfill the string builtins exactly when the compiled module imports them',
    find: 'defaults(importObj, userExports, await hasStringBuiltins())',
    replace:
      'defaults(importObj, userExports, !WebAssembly.Module.imports(module).some((i) => i.module === "wasm:js-string"))',
  },
  {
    why: 'global names resolved by walking globalThis instead of new Function',
    find: 'function getGlobalName(name) {\n',
    end: '  new Function("value", name + " = value;")(value);\n}\n',
    replace: `function getGlobalName(name) {
  const parts = name.split(".");
  let target = globalThis;
  for (const part of parts) {
    target = target[part];
  }
  return target;
}
function setGlobalName(name, value) {
  const parts = name.split(".");
  let target = globalThis;
  for (let i = 0; i < parts.length - 1; i++) {
    target = target[parts[i]];
  }
  target[parts[parts.length - 1]] = value;
}
`,
  },
  {
    why: 'defineFunction as a closure',
    find: '  function defineFunction(fn, vararg) {\n',
    end: '    )(rethrowJavaAsJs, fn);\n  }\n  function renameConstructor(name, c) {\n',
    replace: `  function defineFunction(fn, vararg) {
    const n = fn.length;
    return function(...args) {
      const a = args.slice(0, n);
      a.length = n;
      if (vararg && n > 0) {
        a[n - 1] = args.slice(n - 1);
      }
      try {
        return fn(...a);
      } catch (e) {
        rethrowJavaAsJs(e);
      }
    };
  }
  function renameConstructor(name, c) {
`,
  },
  {
    why: 'renameConstructor as a closure',
    find: '  function renameConstructor(name, c) {\n    return new Function(\n',
    end: '    )(c);\n  }\n',
    replace: `  function renameConstructor(name, c) {
    const renamed = function(marker, javaObject) {
      return c.call(this, marker, javaObject);
    };
    Object.defineProperty(renamed, "name", { value: name });
    return renamed;
  }
`,
  },
  {
    why: 'defineMethod as a closure',
    find: '    defineMethod(cls, name, fn, vararg) {\n',
    end: '      )(rethrowJavaAsJs, fn);\n    },\n',
    replace: `    defineMethod(cls, name, fn, vararg) {
      const n = fn.length - 1;
      cls.prototype[name] = function(...args) {
        const a = args.slice(0, n);
        a.length = n;
        if (vararg && n > 0) {
          a[n - 1] = args.slice(n - 1);
        }
        try {
          return fn(this, ...a);
        } catch (e) {
          rethrowJavaAsJs(e);
        }
      };
    },
`,
  },
  {
    why: 'createFunctionN, callFunctionN, callMethodN, constructN, arrayOfN as closures',
    find: '  const argumentList = [];\n  for (let i = 0; i < 32; ++i) {\n',
    end: '    argumentList.push("p" + (i + 1));\n  }\n',
    replace: `  const createFunction = (...namesAndBody) => {
    const body = namesAndBody.pop();
    const m = /^\\s*return\\s+([A-Za-z_$][\\w$]*)\\s*;?\\s*$/.exec(String(body));
    const index = m ? namesAndBody.indexOf(m[1]) : -1;
    if (index >= 0) {
      return (...args) => args[index];
    }
    return () => {
      throw new Error(${JSON.stringify(FUNCTION_FROM_BODY_ERROR)} + ": " + String(body).slice(0, 200));
    };
  };
  const callFunction = (fn, ...args) => {
    try {
      return fn(...args);
    } catch (e) {
      rethrowJsAsJava(e);
    }
  };
  const callMethod = (instance, method, ...args) => {
    try {
      return instance !== null ? instance[method](...args) : getGlobalName(method)(...args);
    } catch (e) {
      rethrowJsAsJava(e);
    }
  };
  const construct = (constructor, ...args) => {
    try {
      return new constructor(...args);
    } catch (e) {
      rethrowJsAsJava(e);
    }
  };
  const arrayOf = (...args) => args;
  for (let i = 0; i < 32; ++i) {
    imports.teavmJso["createFunction" + i] = createFunction;
    imports.teavmJso["bindFunction" + i] = (f, ...bindArgs) => f.bind(null, ...bindArgs);
    imports.teavmJso["callFunction" + i] = callFunction;
    imports.teavmJso["callMethod" + i] = callMethod;
    imports.teavmJso["construct" + i] = construct;
    imports.teavmJso["arrayOf" + i] = arrayOf;
  }
`,
  },
];

/** Applies PATCHES to the runtime's source; throws naming the patch whose anchor is missing or repeated. */
export function patchRuntime(source) {
  let out = source;
  for (const p of PATCHES) {
    const start = out.indexOf(p.find);
    if (start < 0 || out.indexOf(p.find, start + 1) >= 0) {
      throw new Error(`cannot patch the TeaVM runtime (${p.why}): start anchor not found exactly once`);
    }
    let stop = start + p.find.length;
    if (p.end !== undefined) {
      const end = out.indexOf(p.end, start);
      if (end < 0 || out.indexOf(p.end, end + 1) >= 0) {
        throw new Error(`cannot patch the TeaVM runtime (${p.why}): end anchor not found exactly once`);
      }
      stop = end + p.end.length;
    }
    out = out.slice(0, start) + p.replace + out.slice(stop);
  }
  if (/new Function\(|\beval\(/.test(out)) {
    throw new Error('the patched TeaVM runtime still generates code from strings');
  }
  return out;
}
