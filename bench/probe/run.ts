// The probe bench: media-preflight vs mediabunny (in-process) and vs ffprobe (whole process) on
// generated files, with bytes read, wall times, peak RSS and a correctness check against ffprobe.
// Run with `npm run bench:probe` (builds first) or `npx tsx bench/probe/run.ts` after `npm run build`.
// Not part of CI: the inputs are ~1.2 GB and the numbers depend on the machine's load.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MediaInfo } from '../../dist/index.js';
import { ffprobeFacts } from './ffprobe-facts.js';
import { prepareInputs, type BenchInput } from './inputs.js';
import { probeWithMediabunny } from './mediabunny-probe.js';
import { HAS_GNU_TIME, interleave, interleaveProcesses, runProcess, summarise, type Timing } from './measure.js';
import { writePlainJsChildren } from './plain-js-children.js';
import { checkCorrectness, formatTable, formatTargets, type FileResult } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK_DIR = `${ROOT}bench/.work`;
const DIST_INDEX = `${ROOT}dist/index.js`;
const CLI = `${ROOT}bin/media-preflight.js`;
const WARM_ROUNDS = 40;
/** Untimed warm-up runs per tool: 1 measured how fast each gets JIT-compiled rather than how fast it is. */
const WARMUPS = 20;
/** Fewer rounds when one warm-up already takes this long (the 500 MB files on a slow disk). */
const SLOW_WARMUP_MS = 1000;
const SLOW_ROUNDS = 2;
const PROCESS_ROUNDS = 5;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Our CLI, under /usr/bin/time when present, else through a wrapper that prints its own maxRSS. */
function ourCliCommand(file: string): [string, string[]] {
  if (HAS_GNU_TIME) return ['node', [CLI, 'probe', '--json', file]];
  const wrapper = [
    `import { main } from ${JSON.stringify(new URL('dist/cli/main.js', `file://${ROOT}`).href)};`,
    `process.exitCode = await main(['probe', '--json', process.argv[1]]);`,
    `process.stderr.write('TIME_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n');`,
  ].join('\n');
  return ['node', ['--input-type=module', '-e', wrapper, file]];
}

/** Peak RSS (KiB) of a fresh node that loads one tool and probes one file, nothing else. */
async function childRssKb(child: string, tool: string, file: string, importOnly = false): Promise<number | null> {
  const run = await runProcess('node', [child, tool, file, ...(importOnly ? ['--import-only'] : [])]);
  const match = /"maxRssKb":(\d+)/.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

async function benchFile(input: BenchInput, probe: (path: string) => Promise<MediaInfo>, child: string): Promise<FileResult> {
  log(`bench: ${input.name}: in-process, media-preflight vs mediabunny (interleaved)...`);
  const [ours, theirs] = await interleave(
    { name: 'media-preflight', run: () => probe(input.path) },
    { name: 'mediabunny', run: () => probeWithMediabunny(input.path) },
    (warmupMs) => (warmupMs > SLOW_WARMUP_MS ? SLOW_ROUNDS : WARM_ROUNDS),
    WARMUPS,
  );
  log(`bench: ${input.name}: whole process, media-preflight CLI vs ffprobe (interleaved)...`);
  const [ourCli, ffprobeCli] = await interleaveProcesses(
    ourCliCommand(input.path),
    ['ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', input.path]],
    PROCESS_ROUNDS,
  );
  log(`bench: ${input.name}: peak RSS of each probe in a fresh node...`);
  const ourRss = await childRssKb(child, 'media-preflight', input.path);
  const theirRss = await childRssKb(child, 'mediabunny', input.path);
  return {
    input,
    ours: { info: ours.last, warm: ours.timing, cli: ourCli, childRssKb: ourRss },
    mediabunny: { facts: theirs.last, warm: theirs.timing, childRssKb: theirRss },
    ffprobe: { cli: ffprobeCli, facts: ffprobeFacts(input.path) },
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  if (!existsSync(DIST_INDEX)) {
    log('bench: dist/ is missing: run `npm run build` first, or use `npm run bench:probe`, which builds.');
    return 1;
  }
  const { probe } = (await import(DIST_INDEX)) as typeof import('../../dist/index.js');
  const inputs = prepareInputs(WORK_DIR);
  const child = writePlainJsChildren(WORK_DIR);

  const results: FileResult[] = [];
  for (const input of inputs) results.push(await benchFile(input, (path) => probe(path), child));

  const anyFile = inputs[0]!.path;
  const baseline = {
    ours: await childRssKb(child, 'media-preflight', anyFile, true),
    mediabunny: await childRssKb(child, 'mediabunny', anyFile, true),
  };
  const nodeFloor = await timeEmptyNode();
  const correctness = checkCorrectness(results);
  const seconds = (performance.now() - started) / 1000;

  const out = [
    `# probe bench (${new Date().toISOString()}, node ${process.version}, ${inputs.length} files, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')})`,
    '',
    formatTable(results),
    '',
    `- warm: in-process after ${WARMUPS} warm-ups, tools alternating first/second each round; files sit in the OS page cache.`,
    `- whole-process: \`node bin/media-preflight.js probe --json FILE\` vs \`ffprobe -v error -show_streams -show_format -of json FILE\`, 5 interleaved runs each after 1 warm-up; for scale, an empty \`node -e ""\` takes ${nodeFloor.medianMs.toFixed(1)} / ${nodeFloor.minMs.toFixed(1)} ms here.`,
    `- peak RSS: "probe" = maxRSS of a fresh node that imports one tool and probes the file (import alone: media-preflight ${fmtMb(baseline.ours)} MB, mediabunny ${fmtMb(baseline.mediabunny)} MB); ` +
      (HAS_GNU_TIME ? '"CLI"/"process" = %M of /usr/bin/time.' : '"CLI" = the CLI\'s own process.resourceUsage().maxRSS (no /usr/bin/time: ffprobe RSS not measured).'),
    '- media-preflight computes the full MediaInfo (tracks, codec strings, profile/level, dims, rotation, frame rate, keyframe intervals, edit lists, colour, duration, bitrate).',
    '- mediabunny computes the "lite" set: format, tracks, codec + codec parameter string, display dims, rotation, sample rate, channels, `computeDuration()` (no frame rate or packet stats).',
    '- ffprobe (-show_streams -show_format) decodes stream headers and reads the first packets.',
    '',
    formatTargets(results),
    '',
    correctness.text,
    '',
    `bench took ${seconds.toFixed(1)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return correctness.allMatch ? 0 : 1;
}

/** The floor under any Node CLI (start-up and exit of an empty script), for reading the CLI column. */
async function timeEmptyNode(): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < PROCESS_ROUNDS; i++) samples.push((await runProcess('node', ['-e', ''])).wallMs);
  return summarise(samples);
}

const fmtMb = (kb: number | null) => (kb === null ? 'n/a' : ((kb * 1024) / 1e6).toFixed(1));

process.exitCode = await main();
