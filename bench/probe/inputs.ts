// Makes the probe bench's inputs with Debian's ffmpeg into bench/.work/ (git-ignored), reusing
// files from earlier runs: the big ones take minutes to encode and are far too large to commit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** One generated bench input. */
export type BenchInput = {
  name: string;
  path: string;
  sizeBytes: number;
  /** What the file is, for the report. */
  description: string;
};

type Recipe = {
  name: string;
  description: string;
  /** Writes the file at `out`; runs only when the file is missing. */
  make: (out: string) => void;
};

// Stereo, like the uploads platforms see.
const LAVFI_AUDIO = (seconds: number) =>
  `sine=frequency=440:sample_rate=48000:duration=${seconds},aformat=channel_layouts=stereo`;

/** Runs ffmpeg quietly and throws with its stderr on failure (a bench, not the library). */
function ffmpeg(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed:\n${r.stderr}`);
}

/** Makes `out` through a temporary name, so an interrupted encode is never reused. */
function makeAtomically(out: string, make: (tmp: string) => void): void {
  const tmp = out.replace(/(\.[a-z0-9]+)$/, '.partial$1');
  rmSync(tmp, { force: true });
  make(tmp);
  renameSync(tmp, out);
}

function recipes(dir: string): Recipe[] {
  const moovEnd = join(dir, 'moov-end.mp4');
  const segment = join(dir, 'segment-30s-1080p.mp4');
  const big = join(dir, 'big-10min.mp4');
  return [
    {
      name: 'moov-end.mp4',
      description: '10 s 720p30 H.264 (2 s GOP) + AAC, moov after mdat',
      make: (out) =>
        ffmpeg([
          '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10',
          '-f', 'lavfi', '-i', LAVFI_AUDIO(10),
          '-c:v', 'libx264', '-preset', 'veryfast', '-g', '60', '-pix_fmt', 'yuv420p',
          '-c:a', 'aac', '-b:a', '128k', '-shortest', out,
        ]),
    },
    {
      name: 'faststart.mp4',
      description: 'the same streams, moov first (+faststart)',
      make: (out) => ffmpeg(['-i', moovEnd, '-c', 'copy', '-movflags', '+faststart', out]),
    },
    {
      name: 'fragmented.mp4',
      description: 'the same streams, fragmented at each keyframe (empty moov)',
      make: (out) =>
        ffmpeg(['-i', moovEnd, '-c', 'copy', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', out]),
    },
    {
      name: 'big-10min.mp4',
      description: '10 min 1080p30 H.264 6.5 Mb/s + AAC (30 s segment concatenated 20x), moov at the end',
      make: (out) => {
        if (!existsSync(segment)) {
          process.stderr.write('  encoding the 30 s 1080p segment (ultrafast)...\n');
          makeAtomically(segment, (tmp) =>
            ffmpeg([
              '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=30',
              '-f', 'lavfi', '-i', LAVFI_AUDIO(30),
              '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '6.5M', '-maxrate', '6.5M', '-bufsize', '13M',
              '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', tmp,
            ]),
          );
        }
        const list = join(dir, 'concat-20x.txt');
        // Entries are relative to the list's own folder.
        writeFileSync(list, Array.from({ length: 20 }, () => `file '${basename(segment)}'\n`).join(''));
        process.stderr.write('  concatenating it 20x (-c copy)...\n');
        ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', out]);
      },
    },
    {
      name: 'big-10min-faststart.mp4',
      description: 'the 10 min file remuxed with +faststart',
      make: (out) => ffmpeg(['-i', big, '-c', 'copy', '-movflags', '+faststart', out]),
    },
    {
      name: 'pcm-5min.mov',
      description: '5 min 320x240 H.264 + pcm_s16le stereo 48 kHz in MOV (14.4 M audio samples)',
      make: (out) =>
        ffmpeg([
          '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=300',
          '-f', 'lavfi', '-i', LAVFI_AUDIO(300),
          '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '200k', '-pix_fmt', 'yuv420p',
          '-c:a', 'pcm_s16le', '-ar', '48000', '-ac', '2', '-shortest', '-f', 'mov', out,
        ]),
    },
  ];
}

/** Returns every bench input, encoding the missing ones first (progress goes to stderr). */
export function prepareInputs(workDir: string): BenchInput[] {
  const dir = resolve(workDir);
  mkdirSync(dir, { recursive: true });
  const inputs: BenchInput[] = [];
  for (const recipe of recipes(dir)) {
    const path = join(dir, recipe.name);
    if (existsSync(path)) {
      process.stderr.write(`inputs: reusing ${recipe.name}\n`);
    } else {
      process.stderr.write(`inputs: making ${recipe.name} (${recipe.description})...\n`);
      const started = performance.now();
      makeAtomically(path, recipe.make);
      process.stderr.write(`inputs: made ${recipe.name} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    inputs.push({ name: recipe.name, path, sizeBytes: statSync(path).size, description: recipe.description });
  }
  return inputs;
}
