// bench/fix: the same fix plans run by ffmpeg.wasm (the Node worker-thread engine) and by native
// ffmpeg, in one run. Each measurement runs in a fresh `node` under /usr/bin/time for its peak RSS.
// Run: npx tsc -p tsconfig.build.json && npx tsx bench/fix/run.ts   (needs dist/; ~2 GB in bench/.work/)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { planFix } from '../../src/fix/plan-fix.js';
import { loadWasmNodeEngine } from '../../src/fix/pick-engine.js';
import type { FixPlan, X264Preset } from '../../src/fix/plan-types.js';
import { required } from '../../src/targets/limit-helpers.js';
import { extendTarget, type TargetInput } from '../../src/targets/targets.js';
import { preflight } from '../../src/validate/preflight.js';
import { prepareFixBenchInputs } from './inputs.js';

const WORK = 'bench/.work/fix';
type Engine = 'wasm' | 'native' | 'native-1t';
type Job = { name: string; input: string; target: TargetInput; preset: X264Preset };
type Measure = { seconds: number; peakRssMb: number | null; ok: boolean; action: string };

/** The child as plain JS in bench/.work/ (as deep as bench/fix/, so its dist/ path resolves), without tsx's loader in its RSS. */
function writeChild(): string {
  const source = readFileSync(new URL('job-child.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: 'job-child.ts' });
  const path = 'bench/.work/fix-job-child.js';
  writeFileSync(path, outputText);
  return path;
}

async function wasmAvailable(): Promise<boolean> {
  try {
    const engine = await loadWasmNodeEngine();
    await engine.dispose?.();
    return existsSync('dist/fix/wasm-node-engine.js');
  } catch {
    return false;
  }
}

async function measure(child: string, job: Job, engine: Engine, hasTime: boolean): Promise<Measure> {
  const report = await preflight(job.input, { target: job.target });
  const plan: FixPlan = planFix(report, job.target, {
    engine: engine === 'wasm' ? 'wasm' : 'native',
    preset: job.preset,
    threads: engine === 'native-1t' ? 1 : undefined,
  });
  if (plan.action === 'refuse' || plan.action === 'none') throw new Error(`${job.name}: plan is ${plan.action}`);
  const output = join(WORK, `out-${job.name.replace(/\W+/g, '-')}-${engine}.${plan.outputExtension}`);
  const payload = JSON.stringify({ engine: engine === 'wasm' ? 'wasm' : 'native', args: plan.args, input: job.input, output, expectedSeconds: plan.expectedSeconds });
  const cmd = hasTime ? ['/usr/bin/time', '-f', 'maxrss_kb=%M', process.execPath, child, payload] : [process.execPath, child, payload];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${job.name} on ${engine} failed:\n${r.stderr}`);
  const result = JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; selfMaxRssKb: number };
  const timeRss = /maxrss_kb=(\d+)/.exec(r.stderr)?.[1];
  const peakKb = timeRss ? Number(timeRss) : engine === 'wasm' ? result.selfMaxRssKb : null;
  const after = await preflight(output, { target: job.target });
  rmSync(output, { force: true });
  return { seconds: result.seconds, peakRssMb: peakKb === null ? null : peakKb / 1024, ok: after.ok, action: plan.action };
}

const inputs = prepareFixBenchInputs(WORK);
const src = { url: 'https://example.test/bench', retrieved: '2026-11' };
const max60 = extendTarget('threads', { id: 'threads-60s', video: { duration: required({ max: 60 }, src) } });
// The 20-minute file is over Threads' 5 minutes and 1 GB: without those two limits only the moov is wrong.
const anyLength = extendTarget('threads', { id: 'threads-any-length', video: { duration: undefined, fileSize: undefined } });
const jobs: Job[] = [
  { name: `remux ${(statSync(inputs.remux100).size / 1e6).toFixed(0)} MB (moov to the front)`, input: inputs.remux100, target: 'threads', preset: 'veryfast' },
  { name: 'trim 120 s → 60 s (stream copy)', input: inputs.remux100, target: max60, preset: 'veryfast' },
  { name: 'transcode 10 s 720p 4:2:2, veryfast', input: inputs.clip720, target: 'threads', preset: 'veryfast' },
  { name: 'transcode 10 s 720p 4:2:2, ultrafast', input: inputs.clip720, target: 'threads', preset: 'ultrafast' },
  { name: `remux ${(statSync(inputs.remux1g).size / 1e9).toFixed(2)} GB in Node`, input: inputs.remux1g, target: anyLength, preset: 'veryfast' },
];

const child = writeChild();
const hasTime = existsSync('/usr/bin/time');
const wasm = await wasmAvailable();
const engines: Engine[] = wasm ? ['wasm', 'native', 'native-1t'] : ['native', 'native-1t'];
const rows: Array<{ job: Job; m: Partial<Record<Engine, Measure>> }> = [];
for (const job of jobs) {
  const m: Partial<Record<Engine, Measure>> = {};
  for (const engine of engines) {
    process.stderr.write(`  ${job.name} on ${engine}...\n`);
    m[engine] = await measure(child, job, engine, hasTime);
  }
  rows.push({ job, m });
}

const s = (x: Measure | undefined) => (x ? `${x.seconds.toFixed(2)}${x.ok ? '' : ' (FAIL)'}` : '–');
const rss = (x: Measure | undefined) => (x?.peakRssMb != null ? x.peakRssMb.toFixed(0) : '–');
const ratio = (a: Measure | undefined, b: Measure | undefined) => (a && b ? (a.seconds / b.seconds).toFixed(1) : '–');
console.log(`# fix bench: node ${process.version}, ${(await import('node:os')).availableParallelism()} cores${wasm ? '' : ' — wasm engine not found (dist/fix/wasm-node-engine.js): native only'}\n`);
console.log('| job | plan | wasm s | native s | native 1-thread s | wasm/native | wasm/native 1-thread | peak RSS MB wasm | native | native 1-thread |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { job, m } of rows) {
  const action = (m.native ?? m.wasm)!.action;
  console.log(`| ${job.name} | ${action} | ${s(m.wasm)} | ${s(m.native)} | ${s(m['native-1t'])} | ${ratio(m.wasm, m.native)} | ${ratio(m.wasm, m['native-1t'])} | ${rss(m.wasm)} | ${rss(m.native)} | ${rss(m['native-1t'])} |`);
}
console.log(`\nSeconds are the engine's run (a fresh process per run; wasm includes loading the core, ~0.3 s). Peak RSS is ${hasTime ? "/usr/bin/time's %M: the largest process of the run (node with its wasm worker threads, or the native ffmpeg)" : "the node process's own (no /usr/bin/time), so native ffmpeg's is missing"}. (FAIL) marks an output that does not pass the target.`);
