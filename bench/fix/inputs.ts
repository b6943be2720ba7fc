// Makes the fix bench's inputs with Debian's ffmpeg into bench/.work/fix/ (git-ignored), reusing
// files from earlier runs: a 30 s 1080p segment is encoded once and stream-copied into the big files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type FixBenchInputs = {
  /** ~100 MB, 120 s 1080p30 H.264 6.5 Mb/s + AAC, moov at the end. */
  remux100: string;
  /** ~1 GB, the same streams for 20 min, moov at the end. */
  remux1g: string;
  /** 10 s 720p30 H.264 4:2:2 + AAC: the chroma needs a re-encode. */
  clip720: string;
};

function ffmpeg(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-nostdin', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed:\n${r.stderr}`);
}

/** Writes through a temporary name, so an interrupted encode is never reused. */
function make(out: string, what: string, run: (tmp: string) => void): void {
  if (existsSync(out)) return;
  process.stderr.write(`  making ${what}...\n`);
  const tmp = out.replace(/(\.[a-z0-9]+)$/, '.partial$1');
  rmSync(tmp, { force: true });
  run(tmp);
  renameSync(tmp, out);
}

/**
 * `copies` back-to-back copies of `segment`, stream-copied, moov at the end. The concat demuxer
 * leaves a 21 ms empty edit on the video (the AAC priming moved into the timeline), which the
 * validator calls a real edit list and the planner would re-encode; a second copy without edit
 * lists leaves only the moov to fix, so the remux jobs measure a remux.
 */
function concat(dir: string, segment: string, copies: number, out: string): void {
  const list = join(dir, `concat-${copies}.txt`);
  writeFileSync(list, Array.from({ length: copies }, () => `file '${resolve(segment)}'`).join('\n') + '\n');
  const joined = out.replace(/(\.[a-z0-9]+)$/, '.joined$1');
  ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', joined]);
  ffmpeg(['-i', joined, '-c', 'copy', '-use_editlist', '0', '-movflags', '+negative_cts_offsets', out]);
  rmSync(joined, { force: true });
}

export function prepareFixBenchInputs(dir: string): FixBenchInputs {
  mkdirSync(dir, { recursive: true });
  const segment = join(dir, 'segment-30s-1080p.mp4');
  make(segment, 'a 30 s 1080p30 segment (ultrafast, 6.5 Mb/s)', (tmp) =>
    ffmpeg([
      '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=30',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=30,aformat=channel_layouts=stereo',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '6.5M', '-maxrate', '6.5M', '-bufsize', '13M', '-g', '60',
      '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', tmp,
    ]),
  );
  const remux100 = join(dir, 'remux-120s-100mb.mp4');
  make(remux100, 'the ~100 MB remux input', (tmp) => concat(dir, segment, 4, tmp));
  const remux1g = join(dir, 'remux-20min-1gb.mp4');
  make(remux1g, 'the ~1 GB remux input', (tmp) => concat(dir, segment, 40, tmp));
  const clip720 = join(dir, 'clip-10s-720p-422.mp4');
  make(clip720, 'the 10 s 720p 4:2:2 clip', (tmp) =>
    ffmpeg([
      '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10,aformat=channel_layouts=stereo',
      '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv422p', '-g', '60',
      '-c:a', 'aac', '-b:a', '128k', '-shortest', '-movflags', '+faststart', tmp,
    ]),
  );
  for (const f of [remux100, remux1g, clip720]) if (statSync(f).size === 0) throw new Error(`${f} is empty`);
  return { remux100, remux1g, clip720 };
}
