// bench/url: the remote probe of a ~5 MB and a ~500 MB file on loopback, faststart and moov at
// the end: requests and bytes read (flat with file size), and time next to whole-process ffprobe
// on the same URL. Prints one markdown table. Run: npx tsx bench/url/run.ts
import { spawnSync } from 'node:child_process';
import { summarise } from '../probe/measure.js';
import { runProcess } from '../probe/measure.js';
import { checkUrlDetailed } from '../../src/url/check-url.js';
import { startFileServer } from './file-server.js';
import { prepareUrlInputs } from './inputs.js';

const ROUNDS = 5;
const BUNDLE = 'bench/.work/url/check-url-process.mjs';

const inputs = prepareUrlInputs();
const bundled = spawnSync('npx', ['esbuild', 'bench/url/check-url-process.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', '--log-level=warning', `--outfile=${BUNDLE}`], { encoding: 'utf8' });
if (bundled.status !== 0) throw new Error(`esbuild failed:\n${bundled.stderr}`);

const server = await startFileServer(Object.fromEntries(inputs.map((i) => [i.name, i.path])));
type Row = { input: string; layout: string; size: string; tool: string; requests: number; bytes: number; moov: string; median: string; min: string };
const rows: Row[] = [];
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;

try {
  for (const input of inputs) {
    const url = server.url(input.name);
    // Warm-up, then the counted run for requests and bytes (the same on every run).
    await checkUrlDetailed(url, { allowPrivateNetwork: true, robots: false });
    server.reset();
    const once = await checkUrlDetailed(url, { allowPrivateNetwork: true, robots: false, timeoutMs: 120_000 });
    const ours = server.counts();
    const moov = once.report.media?.container.moov?.sizeBytes ?? 0;
    if (once.report.media?.video?.codec !== 'h264') throw new Error(`${input.name}: the remote probe failed: ${once.report.issues.map((i) => i.code).join(', ')}`);

    server.reset();
    const ff = await runProcess('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', url]);
    if (ff.exitCode !== 0) throw new Error(`ffprobe failed on ${input.name}`);
    const ffCounts = server.counts();

    const inProcess: number[] = [];
    const ourProcess: number[] = [];
    const ffProcess: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['ours', 'ff'] : ['ff', 'ours'];
      for (const who of order) {
        if (who === 'ours') {
          let t = performance.now();
          await checkUrlDetailed(url, { allowPrivateNetwork: true, robots: false, timeoutMs: 120_000 });
          inProcess.push(performance.now() - t);
          t = performance.now();
          const run = await runProcess('node', [BUNDLE, url]);
          if (run.exitCode !== 0) throw new Error(`check-url-process failed on ${input.name}`);
          ourProcess.push(run.wallMs);
        } else {
          ffProcess.push((await runProcess('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', url])).wallMs);
        }
      }
    }
    const base = { input: input.name, layout: input.layout, size: mb(input.sizeBytes), moov: kib(moov) };
    const t = (samples: number[]) => {
      const s = summarise(samples);
      return { median: `${s.medianMs.toFixed(1)} ms`, min: `${s.minMs.toFixed(1)} ms` };
    };
    rows.push({ ...base, tool: 'checkUrl (in process)', requests: once.facts.mediaRequests, bytes: once.facts.mediaBytesDownloaded, ...t(inProcess) });
    rows.push({ ...base, tool: 'checkUrl (whole process)', requests: ours.requests, bytes: ours.bytesSent, ...t(ourProcess) });
    rows.push({ ...base, tool: 'ffprobe (whole process)', requests: ffCounts.requests, bytes: ffCounts.bytesSent, ...t(ffProcess) });
  }
} finally {
  await server.close();
}

const header = '| input | layout | size | moov | tool | HTTP requests | body bytes read | median | min |';
const rule = '|---|---|---:|---:|---|---:|---:|---:|---:|';
const lines = rows.map((r) => `| ${r.input} | ${r.layout} | ${r.size} | ${r.moov} | ${r.tool} | ${r.requests} | ${r.bytes.toLocaleString('en-US')} | ${r.median} | ${r.min} |`);
process.stdout.write(`${[header, rule, ...lines].join('\n')}\n`);
process.stdout.write(`\n${ROUNDS} interleaved rounds per input; requests and bytes from one run (they do not vary). In-process bytes are what checkUrl consumed; whole-process bytes are what the server wrote to the socket.\n`);
