// bench/check: `media-preflight check` over a folder of 200 files vs one whole-process ffprobe per
// file, in the same run. Prints a markdown table of files per second. Run: npm run bench:check
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { summarise } from '../probe/measure.js';

const run = promisify(execFile);
const WORK = 'bench/.work/check-200';
const FILES = 200;
const ROUNDS = 3;

function prepare(): string[] {
  const sources = ['fixtures/isobmff', 'fixtures/container', 'fixtures/image'].flatMap((d) =>
    readdirSync(d).filter((f) => !f.endsWith('.md') && !f.startsWith('sample')).map((f) => join(d, f)),
  );
  mkdirSync(WORK, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const src = sources[i % sources.length]!;
    const dest = join(WORK, `${String(i).padStart(3, '0')}-${src.split('/').pop()}`);
    if (!existsSync(dest)) copyFileSync(src, dest);
    files.push(dest);
  }
  return files;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** ffprobe has no batch mode: one process per file, `parallel` at a time (the CLI's own concurrency). */
async function ffprobeAll(files: string[], parallel: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < files.length) {
        const f = files[next++]!;
        await run('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', f], { maxBuffer: 16 << 20 }).catch(() => {});
      }
    }),
  );
}

const files = prepare();
const ours: number[] = [];
const ffSeq: number[] = [];
const ffPar: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  ours.push(await timeIt(() => run(process.execPath, ['bin/media-preflight.js', 'check', '--json', '--target', 'threads', WORK], { maxBuffer: 256 << 20 }).catch((e: { code?: number }) => {
    if (e.code !== 1) throw e; // exit 1 = findings, expected in a mixed folder
  })));
  ffSeq.push(await timeIt(() => ffprobeAll(files, 1)));
  ffPar.push(await timeIt(() => ffprobeAll(files, 4)));
}
const rate = (ms: number) => (FILES / (ms / 1000)).toFixed(0);
const rows = [
  ['media-preflight check (1 process, 4 at a time)', summarise(ours)],
  ['ffprobe, one process per file, sequential', summarise(ffSeq)],
  ['ffprobe, one process per file, 4 at a time', summarise(ffPar)],
] as const;
console.log(`# check bench: ${FILES} files (${new Set(files.map((f) => f.split('.').pop())).size} formats), ${ROUNDS} rounds, node ${process.version}\n`);
console.log('| tool | wall ms (median / min) | files/s (median) | ratio vs ffprobe 4-at-a-time |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, t] of rows) {
  console.log(`| ${name} | ${t.medianMs.toFixed(0)} / ${t.minMs.toFixed(0)} | ${rate(t.medianMs)} | ${(rows[2][1].medianMs / t.medianMs).toFixed(1)}x |`);
}
const ratio = summarise(ffPar).medianMs / summarise(ours).medianMs;
console.log(`\ntarget: check at least 5x ffprobe's rate: ${ratio >= 5 ? 'PASS' : 'FAIL'} (${ratio.toFixed(1)}x vs parallel ffprobe, ${(summarise(ffSeq).medianMs / summarise(ours).medianMs).toFixed(1)}x vs sequential)`);
