// Inputs for the URL bench, made with Debian's ffmpeg into bench/.work/ (git-ignored) and reused:
// a ~5 MB clip and a ~500 MB file, each with the moov at the end and at the front.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export type UrlBenchInput = { name: string; path: string; sizeBytes: number; layout: 'faststart' | 'moov at end' };

function ffmpeg(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed:\n${r.stderr}`);
}

/** Writes through a temporary name so an interrupted encode is never reused. */
function make(out: string, run: (tmp: string) => void): void {
  if (existsSync(out)) return;
  process.stderr.write(`inputs: making ${basename(out)}...\n`);
  const tmp = out.replace(/(\.[a-z0-9]+)$/, '.partial$1');
  rmSync(tmp, { force: true });
  run(tmp);
  renameSync(tmp, out);
}

const audio = (seconds: number) => `sine=frequency=440:sample_rate=48000:duration=${seconds},aformat=channel_layouts=stereo`;

export function prepareUrlInputs(work = 'bench/.work'): UrlBenchInput[] {
  const dir = join(work, 'url');
  mkdirSync(dir, { recursive: true });
  // ~5 MB: 20 s of 720p30 at 2 Mb/s.
  const smallEnd = join(dir, 'clip-5mb-moov-end.mp4');
  const smallFast = join(dir, 'clip-5mb-faststart.mp4');
  make(smallEnd, (tmp) =>
    ffmpeg([
      '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=20', '-f', 'lavfi', '-i', audio(20),
      '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2M', '-maxrate', '2M', '-bufsize', '4M', '-g', '60', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '128k', '-shortest', tmp,
    ]),
  );
  make(smallFast, (tmp) => ffmpeg(['-i', smallEnd, '-c', 'copy', '-movflags', '+faststart', tmp]));

  // ~500 MB: the probe bench's 10 min 1080p files when present, else a 30 s 1080p segment concatenated 20x with -c copy.
  let bigEnd = join(work, 'big-10min.mp4');
  let bigFast = join(work, 'big-10min-faststart.mp4');
  if (!existsSync(bigEnd)) {
    bigEnd = join(dir, 'big-10min.mp4');
    const segment = join(dir, 'segment-30s-1080p.mp4');
    make(segment, (tmp) =>
      ffmpeg([
        '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=30', '-f', 'lavfi', '-i', audio(30),
        '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '6.5M', '-maxrate', '6.5M', '-bufsize', '13M', '-pix_fmt', 'yuv420p',
        '-c:a', 'aac', '-b:a', '128k', '-shortest', tmp,
      ]),
    );
    const list = join(dir, 'concat-20x.txt');
    writeFileSync(list, Array.from({ length: 20 }, () => `file '${basename(segment)}'\n`).join(''));
    make(bigEnd, (tmp) => ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', tmp]));
  }
  if (!existsSync(bigFast)) {
    bigFast = join(dir, 'big-10min-faststart.mp4');
    make(bigFast, (tmp) => ffmpeg(['-i', bigEnd, '-c', 'copy', '-movflags', '+faststart', tmp]));
  }
  const entry = (name: string, path: string, layout: UrlBenchInput['layout']): UrlBenchInput => ({ name, path, sizeBytes: statSync(path).size, layout });
  return [
    entry('clip-5mb-faststart.mp4', smallFast, 'faststart'),
    entry('clip-5mb-moov-end.mp4', smallEnd, 'moov at end'),
    entry('big-500mb-faststart.mp4', bigFast, 'faststart'),
    entry('big-500mb-moov-end.mp4', bigEnd, 'moov at end'),
  ];
}
