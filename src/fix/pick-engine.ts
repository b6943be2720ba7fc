import { MediaPreflightError } from '../errors/media-preflight-error.js';
import type { FixEngine } from './engine.js';
import type { EngineChoice, EngineFactory } from './fix-types.js';

/**
 * Resolves `engine` to a factory that has a name but has not loaded anything yet: the planner needs
 * the name (AV1 decodes natively, not in wasm) and refusals must come before any engine loads.
 * Node modules are imported lazily so this file stays loadable in a browser.
 */
export async function pickEngine(choice: EngineChoice | FixEngine | EngineFactory, options: { ffmpegPath?: string } = {}): Promise<EngineFactory & { owned: boolean }> {
  if (typeof choice === 'object') {
    if ('run' in choice) return { name: choice.name, create: () => choice, owned: false };
    return { name: choice.name, create: () => choice.create(), owned: true };
  }
  if (choice === 'native' || choice === 'auto') {
    const { createNativeEngine } = await import('./native-engine.js');
    const engine = createNativeEngine(options);
    if (engine) return { name: 'native', create: () => engine, owned: true };
    if (choice === 'native') {
      throw new MediaPreflightError(`No ffmpeg found${options.ffmpegPath ? ` at ${options.ffmpegPath}` : ' on PATH'}; install ffmpeg or use the wasm engine.`, 'E_NO_FFMPEG');
    }
  }
  return { name: 'wasm', create: () => loadWasmNodeEngine(), owned: true };
}

/** Options of the wasm Node engine, passed through as they are. */
export type WasmNodeEngineLoadOptions = {
  /** Path of an ESM build of `ffmpeg-core.js`; the `.wasm` beside it is loaded. @default the installed @ffmpeg/core */
  corePath?: string;
};

type WasmNodeModule = { createWasmNodeEngine: (options?: WasmNodeEngineLoadOptions) => FixEngine };

/**
 * The wasm engine's module, loaded only when a job needs it. The specifier is computed so bundlers
 * leave the module (and the worker script it starts beside itself) as separate files: first beside
 * this module (dist/fix/), then under fix/ beside a bundle in dist/ (the CLI's dist/cli.js).
 */
export async function loadWasmNodeEngine(options: WasmNodeEngineLoadOptions = {}): Promise<FixEngine> {
  const candidates = ['./wasm-node-engine.js', new URL('./fix/wasm-node-engine.js', import.meta.url).href];
  let lastError: unknown;
  for (const specifier of candidates) {
    try {
      const mod = (await import(/* @vite-ignore */ specifier)) as WasmNodeModule;
      return mod.createWasmNodeEngine(options);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
      lastError = error;
    }
  }
  throw new MediaPreflightError('The wasm engine module (fix/wasm-node-engine.js) could not be found.', 'E_NO_WASM_ENGINE', { cause: lastError });
}
