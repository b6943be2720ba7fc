// Turns the probe bench's measurements into the markdown table, the targets and the correctness check.
import type { MediaInfo } from '../../dist/index.js';
import type { BenchInput } from './inputs.js';
import type { FfprobeFacts } from './ffprobe-facts.js';
import type { MediabunnyFacts } from './mediabunny-probe.js';
import type { ProcessSummary, Timing } from './measure.js';

/** Everything measured on one file. */
export type FileResult = {
  input: BenchInput;
  ours: { info: MediaInfo; warm: Timing; cli: ProcessSummary; childRssKb: number | null };
  mediabunny: { facts: MediabunnyFacts; warm: Timing; childRssKb: number | null };
  ffprobe: { cli: ProcessSummary; facts: FfprobeFacts };
};

/** The targets. */
export const targets = {
  moovSlackBytes: 64 * 1024,
  maxReads: 4,
  pcmMovMaxRssBytes: 150e6,
} as const;

const MB = 1e6;
const mb = (bytes: number) => (bytes / MB).toFixed(1);
const rssMb = (kb: number | null) => (kb === null ? 'n/a' : mb(kb * 1024));
const ms = (t: Timing) => `${t.medianMs.toFixed(1)} / ${t.minMs.toFixed(1)}`;
const int = (n: number) => n.toLocaleString('en-US');

export function formatTable(results: FileResult[]): string {
  const rows = [
    '| file | size MB | tool | bytes read | reads | warm ms (median / min) | whole-process ms (median / min) | peak RSS MB |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const size = mb(r.input.sizeBytes);
    rows.push(
      `| ${r.input.name} | ${size} | media-preflight | ${int(r.ours.info.io.bytesRead)} | ${r.ours.info.io.reads} | ${ms(r.ours.warm)} (n=${r.ours.warm.runs}) | ${ms(r.ours.cli.timing)} | ${rssMb(r.ours.childRssKb)} probe / ${rssMb(r.ours.cli.peakRssKb)} CLI |`,
      `| ${r.input.name} | ${size} | mediabunny 1.61 | ${int(r.mediabunny.facts.io.bytesRead)} | ${r.mediabunny.facts.io.reads} | ${ms(r.mediabunny.warm)} (n=${r.mediabunny.warm.runs}) | — | ${rssMb(r.mediabunny.childRssKb)} probe |`,
      `| ${r.input.name} | ${size} | ffprobe | — | — | — | ${ms(r.ffprobe.cli.timing)} | ${rssMb(r.ffprobe.cli.peakRssKb)} process |`,
    );
  }
  return rows.join('\n');
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function countFragments(info: MediaInfo): number {
  return info.container.layout.filter((box) => box.type === 'moof').length;
}

export function formatTargets(results: FileResult[]): string {
  const lines = ['## targets', '', `I/O: bytes read ≤ moov size + 64 KiB and ≤ ${targets.maxReads} reads`];
  for (const r of results) {
    const { bytesRead, reads } = r.ours.info.io;
    const moov = r.ours.info.container.moov?.sizeBytes ?? null;
    const ok = moov !== null && bytesRead <= moov + targets.moovSlackBytes && reads <= targets.maxReads;
    lines.push(`  ${verdict(ok)} ${r.input.name}: ${int(bytesRead)} B vs moov ${moov === null ? 'n/a' : int(moov)} + ${int(targets.moovSlackBytes)}; reads: ${reads}`);
    if (r.ours.info.container.fragmented) {
      lines.push(
        `       (fragmented: the moov is empty, so the probe reads the moof header of each of the ${countFragments(r.ours.info)} fragments, one read each, to learn sample counts and duration)`,
      );
    }
  }
  lines.push('', 'warm in-process time ≤ mediabunny (median ratio ours / theirs)');
  for (const r of results) {
    const ratio = r.ours.warm.medianMs / r.mediabunny.warm.medianMs;
    lines.push(`  ${verdict(ratio <= 1)} ${r.input.name}: ${ratio.toFixed(2)}x (min ratio ${(r.ours.warm.minMs / r.mediabunny.warm.minMs).toFixed(2)}x)`);
  }
  lines.push('', 'whole-process time ≤ ffprobe (median ratio media-preflight CLI / ffprobe)');
  for (const r of results) {
    const ratio = r.ours.cli.timing.medianMs / r.ffprobe.cli.timing.medianMs;
    lines.push(`  ${verdict(ratio <= 1)} ${r.input.name}: ${ratio.toFixed(2)}x (min ratio ${(r.ours.cli.timing.minMs / r.ffprobe.cli.timing.minMs).toFixed(2)}x)`);
  }
  lines.push('', 'peak RSS of the in-process probe < 150 MB on the PCM MOV');
  for (const r of results.filter((x) => x.input.name.endsWith('.mov'))) {
    const kb = r.ours.childRssKb;
    const ok = kb !== null && kb * 1024 < targets.pcmMovMaxRssBytes;
    lines.push(`  ${verdict(ok)} ${r.input.name}: ${rssMb(kb)} MB`);
  }
  return lines.join('\n');
}

/** Compares our duration, video codec and size with ffprobe's; returns the lines and whether all matched. */
export function checkCorrectness(results: FileResult[]): { text: string; allMatch: boolean } {
  const lines = ['## correctness (media-preflight vs ffprobe: duration within one frame, video codec, width x height)'];
  let allMatch = true;
  for (const r of results) {
    const ours = r.ours.info;
    const ref = r.ffprobe.facts;
    const frame = ref.frameRate ? 1 / ref.frameRate : 0;
    const problems: string[] = [];
    if (ours.durationSeconds === null || ref.durationSeconds === null || Math.abs(ours.durationSeconds - ref.durationSeconds) > frame + 1e-6) {
      problems.push(`duration ${ours.durationSeconds} vs ffprobe ${ref.durationSeconds} (one frame = ${frame.toFixed(4)} s)`);
    }
    if (ours.video?.codec !== ref.videoCodec) problems.push(`video codec ${ours.video?.codec} vs ffprobe ${ref.videoCodec}`);
    if (ours.video?.width !== ref.width || ours.video?.height !== ref.height) {
      problems.push(`size ${ours.video?.width}x${ours.video?.height} vs ffprobe ${ref.width}x${ref.height}`);
    }
    if (ours.unreadable) problems.push(`unreadable: ${ours.unreadable.reason} (${ours.unreadable.message})`);
    if (r.ours.cli.exitCodes.some((c) => c !== 0)) problems.push(`CLI exit codes ${r.ours.cli.exitCodes.join(',')}`);
    if (problems.length === 0) {
      lines.push(`  ok ${r.input.name}: ${ours.durationSeconds} s (ffprobe ${ref.durationSeconds}), ${ours.video?.codec} ${ours.video?.width}x${ours.video?.height}`);
    } else {
      allMatch = false;
      lines.push(`  !!! MISMATCH ${r.input.name}: ${problems.join('; ')}`);
    }
    const mbDuration = r.mediabunny.facts.durationSeconds;
    if (ref.durationSeconds !== null && Math.abs(mbDuration - ref.durationSeconds) > frame + 1e-6) {
      lines.push(`     (note: mediabunny's computeDuration() gives ${mbDuration} s here)`);
    }
  }
  return { text: lines.join('\n'), allMatch };
}
