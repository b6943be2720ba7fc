import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { chooseWasmCore } from '../../src/fix/wasm-browser-core.js';
import { createWasmBrowserEngine } from '../../src/fix/wasm-browser-engine.js';

// The engine itself needs a browser (Web Worker, WORKERFS's FileReaderSync); these tests cover
// what Node can check: the core choice, that the module bundles for browsers, and input checks.
const st = { coreURL: '/st/ffmpeg-core.js', wasmURL: '/st/ffmpeg-core.wasm' };
const mt = { coreURL: '/mt/ffmpeg-core.js', wasmURL: '/mt/ffmpeg-core.wasm', workerURL: '/mt/ffmpeg-core.worker.js' };

describe('chooseWasmCore', () => {
  it('uses the single-thread core by default, with no -threads', () => {
    expect(chooseWasmCore({ singleThread: st, multiThread: mt, wantMultiThread: false, crossOriginIsolated: true, hardwareConcurrency: 8 })).toEqual({ ...st, flavour: 'single-thread', threads: null });
  });

  it('uses the multi-thread core only on a cross-origin isolated page with its worker file', () => {
    expect(chooseWasmCore({ singleThread: st, multiThread: mt, wantMultiThread: true, crossOriginIsolated: false, hardwareConcurrency: 8 }).flavour).toBe('single-thread');
    expect(chooseWasmCore({ singleThread: st, multiThread: null, wantMultiThread: true, crossOriginIsolated: true, hardwareConcurrency: 8 }).flavour).toBe('single-thread');
    expect(chooseWasmCore({ singleThread: st, multiThread: mt, wantMultiThread: true, crossOriginIsolated: true, hardwareConcurrency: 2 })).toEqual({ ...mt, flavour: 'multi-thread', threads: 2 });
  });

  it('always gives the multi-thread core an explicit, bounded thread count', () => {
    const pick = (hardwareConcurrency: number | undefined, threads?: number) =>
      chooseWasmCore({ singleThread: st, multiThread: mt, wantMultiThread: true, crossOriginIsolated: true, hardwareConcurrency, ...(threads ? { threads } : {}) }).threads;
    expect(pick(16)).toBe(4);
    expect(pick(undefined)).toBe(2);
    expect(pick(16, 6)).toBe(6);
  });
});

describe('createWasmBrowserEngine', () => {
  it('bundles for browsers without anything Node-only', async () => {
    const result = await build({ entryPoints: ['src/fix/wasm-browser-engine.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('WORKERFS');
    expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
    // The browser build of @ffmpeg/ffmpeg, not the stub that its "node" export condition gives.
    expect(code).toContain('called FFmpeg.terminate()');
    expect(code).not.toContain('does not support nodejs');
  });

  it('loads nothing until a job runs, and refuses a path as input', async () => {
    const engine = createWasmBrowserEngine(st);
    expect(engine.name).toBe('wasm');
    await expect(engine.run({ args: ['-i', '{input}', '{output}'], input: 'clip.mp4', output: 'out.mp4', expectedSeconds: 1 })).rejects.toMatchObject({
      name: 'FixEngineError',
      message: expect.stringMatching(/Blob or File/),
    });
  });

  it('rejects an already-aborted job with its AbortError', async () => {
    const engine = createWasmBrowserEngine(st);
    const run = engine.run({ args: ['-i', '{input}', '{output}'], input: new Blob([]), output: 'out.mp4', expectedSeconds: 1, signal: AbortSignal.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
