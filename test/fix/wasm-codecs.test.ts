import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WASM_MAX_INPUT_BYTES, wasmCanDecode } from '../../src/fix/wasm-codecs.js';
import { createWasmNodeEngine } from '../../src/fix/wasm-node-engine.js';
import { ffprobe, hasFfprobe } from '../helpers/ffprobe.js';

const dir = mkdtempSync(join(tmpdir(), 'wasm-codecs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engine = createWasmNodeEngine();

// One real fixture per video codec the fixtures hold; what the core actually does is the truth.
const fixtures = [
  'fixtures/isobmff/h264-aac.mp4',
  'fixtures/container/hevc-aac.mkv',
  'fixtures/container/vp8-vorbis.webm',
  'fixtures/container/vp9-opus.webm',
  'fixtures/isobmff/prores.mov',
  'fixtures/container/mpeg4-mp3.avi',
  'fixtures/container/mpeg2-mp2.mpg',
  'fixtures/container/theora-vorbis.ogv',
  'fixtures/container/wmv2-wmav2.wmv',
  'fixtures/isobmff/av1.mp4',
  'fixtures/container/av1-opus.webm',
];

async function wasmDecodes(input: string): Promise<boolean> {
  return engine
    .run({ args: ['-i', '{input}', '-map', '0:v:0', '-f', 'null', '-'], input, output: join(dir, 'unused'), expectedSeconds: null })
    .then(() => true, () => false);
}

describe('wasmCanDecode', () => {
  it.each(fixtures)('agrees with the wasm core decoding %s', async (path) => {
    const codec = hasFfprobe() ? ffprobe(path).streams.find((s) => s.codec_type === 'video')!.codec_name : path.includes('av1') ? 'av1' : 'h264';
    expect(wasmCanDecode(codec)).toBe(await wasmDecodes(path));
  });

  it('fails AV1 in the core for the reason the codec table gives', async () => {
    const error = await engine
      .run({ args: ['-i', '{input}', '-map', '0:v:0', '-f', 'null', '-'], input: 'fixtures/isobmff/av1.mp4', output: join(dir, 'unused'), expectedSeconds: null })
      .catch((e: unknown) => e);
    expect((error as { logTail: string[] }).logTail.join('\n')).toMatch(/\[av1 @ [^\]]+\] Missing Sequence Header/);
  });

  it('reports AV1 as undecodable, whatever the case', () => {
    expect(wasmCanDecode('av1')).toBe(false);
    expect(wasmCanDecode('AV1')).toBe(false);
    expect(wasmCanDecode('H264')).toBe(true);
  });

  it('gives up on codecs it does not know', () => {
    expect(wasmCanDecode('vvc')).toBe(false);
    expect(wasmCanDecode('unknown')).toBe(false);
  });

  it('caps browser inputs below 2 GiB, the largest single ArrayBuffer', () => {
    expect(WASM_MAX_INPUT_BYTES).toBe(2 * 1024 ** 3 - 1);
  });
});
