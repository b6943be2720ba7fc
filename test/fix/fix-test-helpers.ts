import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFix } from '../../src/fix/plan-fix.js';
import type { FixPlan, PlanOptions } from '../../src/fix/plan-types.js';
import type { TargetInput } from '../../src/targets/targets.js';
import { preflight } from '../../src/validate/preflight.js';
import type { Report } from '../../src/validate/report.js';

export const fixturesDir = join(import.meta.dirname, '../../fixtures');

export function fixture(rel: string): string {
  return join(fixturesDir, rel);
}

export function tempDir(prefix = 'mp-fix-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The report and the plan for a fixture, as the library makes them. */
export async function planFor(rel: string, target: TargetInput, options: PlanOptions = {}): Promise<{ report: Report; plan: FixPlan }> {
  const report = await preflight(fixture(rel), { target });
  return { report, plan: planFix(report, target, options) };
}

/** The value after the last occurrence of `flag`, or undefined. */
export function argValue(args: string[], flag: string): string | undefined {
  const at = args.lastIndexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Top-level ISO-BMFF box types in file order (reads 8-byte headers only). */
export function topLevelBoxes(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const types: string[] = [];
    const head = Buffer.alloc(16);
    let at = 0;
    while (at + 8 <= size && types.length < 64) {
      readSync(fd, head, 0, 16, at);
      let boxSize = head.readUInt32BE(0);
      types.push(head.toString('latin1', 4, 8));
      if (boxSize === 1) boxSize = Number(head.readBigUInt64BE(8));
      else if (boxSize === 0) boxSize = size - at;
      if (boxSize < 8) break;
      at += boxSize;
    }
    return types;
  } finally {
    closeSync(fd);
  }
}

/** Sizes of the first video stream's packets, from ffprobe. */
export function videoPacketSizes(path: string): number[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=size', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map(Number);
}

/** Makes a clip with Debian's ffmpeg (real encoder output) for cases the committed fixtures are too short for. */
export function makeClip(path: string, seconds: number, size = '160x90', rate = 30): string {
  execFileSync('ffmpeg', [
    '-nostdin', '-y', '-hide_banner', '-loglevel', 'error',
    '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart', path,
  ]);
  return path;
}
