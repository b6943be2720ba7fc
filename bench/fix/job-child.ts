// Runs one engine job in a fresh `node` (plain JS: run.ts transpiles it to bench/.work/) so
// the peak RSS /usr/bin/time reports belongs to that job alone. Usage: job-child.js JOB_JSON, where
// JOB_JSON is { engine: 'wasm' | 'native', args, input, output, expectedSeconds }.
const job = JSON.parse(process.argv[2] ?? '{}') as { engine: 'wasm' | 'native'; args: string[]; input: string; output: string; expectedSeconds: number | null };
// bench/.work/fix-job-child.js → dist/ffmpeg.js (built); typed from the source it is built from.
const lib = (await import(new URL('../../dist/ffmpeg.js', import.meta.url).href)) as typeof import('../../src/ffmpeg.js');
const engine = job.engine === 'wasm' ? await lib.createWasmNodeEngine() : lib.createNativeEngine();
if (!engine) throw new Error('no ffmpeg on PATH');
const started = performance.now();
try {
  await engine.run({ args: job.args, input: job.input, output: job.output, expectedSeconds: job.expectedSeconds, stallTimeoutMs: 600_000 });
} finally {
  await engine.dispose?.();
}
const seconds = (performance.now() - started) / 1000;
// maxRSS is in KiB on Linux: this process (and the wasm worker threads in it), not a native ffmpeg child.
process.stdout.write(`${JSON.stringify({ seconds, selfMaxRssKb: process.resourceUsage().maxRSS })}\n`);
