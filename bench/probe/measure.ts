// Timing helpers for the probe bench: interleaved rounds so background load hits both tools alike.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Median and minimum of a set of wall times, in ms. */
export type Timing = { medianMs: number; minMs: number; runs: number };

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { medianMs: median, minMs: sorted[0] ?? Number.NaN, runs: sorted.length };
}

/** One contender in an interleaved comparison; `run` resolves with whatever it read. */
export type Contender<T> = { name: string; run: () => Promise<T> };

export type ContenderResult<T> = { timing: Timing; last: T };

/**
 * Runs each contender once as a warm-up, then `rounds` rounds, alternating which one goes first
 * in each round. `roundsFor` picks the round count from the warm-up times (fewer for slow files).
 */
export async function interleave<A, B>(
  a: Contender<A>,
  b: Contender<B>,
  roundsFor: (warmupMs: number) => number,
  /** Untimed runs of each before the first timed one: lets the JIT settle, so rounds measure steady state. */
  warmups = 1,
): Promise<[ContenderResult<A>, ContenderResult<B>]> {
  const timeOnce = async <T>(c: Contender<T>): Promise<{ ms: number; value: T }> => {
    const started = performance.now();
    const value = await c.run();
    return { ms: performance.now() - started, value };
  };
  let warmA = await timeOnce(a);
  let warmB = await timeOnce(b);
  for (let i = 1; i < warmups; i++) {
    warmA = await timeOnce(a);
    warmB = await timeOnce(b);
  }
  const rounds = roundsFor(Math.max(warmA.ms, warmB.ms));
  const msA: number[] = [];
  const msB: number[] = [];
  let lastA = warmA.value;
  let lastB = warmB.value;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const which of order) {
      if (which === 'a') {
        const r = await timeOnce(a);
        msA.push(r.ms);
        lastA = r.value;
      } else {
        const r = await timeOnce(b);
        msB.push(r.ms);
        lastB = r.value;
      }
    }
  }
  return [
    { timing: summarise(msA), last: lastA },
    { timing: summarise(msB), last: lastB },
  ];
}

/** A finished child process: wall ms measured here, peak RSS from /usr/bin/time or the child. */
export type ProcessRun = { wallMs: number; peakRssKb: number | null; stdout: string; exitCode: number | null };

export const HAS_GNU_TIME = existsSync('/usr/bin/time');

/**
 * Spawns `cmd args`, timing it from spawn to exit. Under /usr/bin/time (when present) the peak
 * RSS of the command is read from its `%M` line, written to a separate fd so stderr stays clean.
 */
export function runProcess(cmd: string, args: string[]): Promise<ProcessRun> {
  const wrapped = HAS_GNU_TIME ? ['/usr/bin/time', ['-f', 'TIME_MAXRSS_KB %M', cmd, ...args]] as const : [cmd, args] as const;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(wrapped[0], [...wrapped[1]], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const stderr = Buffer.concat(err).toString('utf8');
      const rss = /TIME_MAXRSS_KB (\d+)/.exec(stderr);
      resolve({
        wallMs,
        peakRssKb: rss ? Number(rss[1]) : null,
        stdout: Buffer.concat(out).toString('utf8'),
        exitCode: code,
      });
    });
  });
}

/** Times two commands over `rounds` interleaved rounds (after one warm-up each); keeps the peak RSS. */
export async function interleaveProcesses(
  a: [string, string[]],
  b: [string, string[]],
  rounds: number,
): Promise<[ProcessSummary, ProcessSummary]> {
  await runProcess(...a);
  await runProcess(...b);
  const runsA: ProcessRun[] = [];
  const runsB: ProcessRun[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      runsA.push(await runProcess(...a));
      runsB.push(await runProcess(...b));
    } else {
      runsB.push(await runProcess(...b));
      runsA.push(await runProcess(...a));
    }
  }
  return [processSummary(runsA), processSummary(runsB)];
}

export type ProcessSummary = { timing: Timing; peakRssKb: number | null; exitCodes: Array<number | null>; stdout: string };

function processSummary(runs: ProcessRun[]): ProcessSummary {
  const rss = runs.map((r) => r.peakRssKb).filter((v): v is number => v !== null);
  return {
    timing: summarise(runs.map((r) => r.wallMs)),
    peakRssKb: rss.length > 0 ? Math.max(...rss) : null,
    exitCodes: runs.map((r) => r.exitCode),
    stdout: runs.at(-1)?.stdout ?? '',
  };
}
