/**
 * Loading the command line's WebAssembly (src/wasm, built by `npm run
 * prepare` into dist/node/wasm): a module compiled once, instantiated when
 * needed. Null when the file is not there or WebAssembly is missing: each
 * caller then runs its TypeScript, with the same output.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Where `npm run prepare` puts the modules (dist/node/wasm, beside dist/node/cli). */
export const WASM_DIR = path.join(__dirname, '..', 'wasm');

/** The few members of the WebAssembly global used here (the command line's type libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

/** An instance's memory: its bytes, and more pages (64 KiB each) when asked; a grown memory has a new buffer. */
export interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

const WASM_PAGE = 65536;

/** The module in `file`, compiled: call it with the imports for a new instance's exports; null when it cannot be loaded. */
export function compiledModule<Exports>(file: string): ((imports?: object) => Exports) | null {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (wasm === undefined) return null;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  const module = new wasm.Module(bytes);
  return (imports = {}) => new wasm.Instance(module, imports).exports as Exports;
}

/** Grows `memory` to at least `bytes`. */
export function growTo(memory: WasmMemory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (have < bytes) memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
}
