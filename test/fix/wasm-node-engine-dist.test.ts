import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// The built engine starts the compiled worker (dist/fix/wasm-node-worker.js), not the TypeScript
// one through tsx: this tests the build (npm test builds before running Vitest).
import { createWasmNodeEngine, liveWasmWorkerCount } from '../../dist/fix/wasm-node-engine.js';
import { ffprobe, hasFfprobe } from '../helpers/ffprobe.js';

const dir = mkdtempSync(join(tmpdir(), 'wasm-node-engine-dist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createWasmNodeEngine (built)', () => {
  it('runs a remux with the compiled worker', async () => {
    const output = join(dir, 'remux.mov');
    const result = await createWasmNodeEngine().run({ args: ['-i', '{input}', '-c', 'copy', '{output}'], input: 'fixtures/isobmff/h264-aac.mp4', output, expectedSeconds: null });
    expect(result.outputBytes).toBeNull();
    expect(result.logTail.length).toBeGreaterThan(0);
    expect(readFileSync(output).subarray(4, 8).toString('latin1')).toBe('ftyp');
    // The muxer follows the output's extension, which the virtual path keeps: .mov gives 'qt  '.
    expect(readFileSync(output).subarray(8, 12).toString('latin1')).toBe('qt  ');
    if (hasFfprobe()) expect(ffprobe(output).streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(liveWasmWorkerCount()).toBe(0);
  });
});
