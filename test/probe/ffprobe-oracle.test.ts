import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probe } from '../../src/index.js';
import { MediaInfoSchema } from '../../src/probe/media-info.js';
import { ffprobe, hasFfprobe, pixFmtFacts, ratio } from '../helpers/ffprobe.js';

const dir = 'fixtures/isobmff';
const files = readdirSync(dir).filter((f) => /\.(mp4|mov|m4a)$/.test(f));

/** ffprobe's codec names for PCM carry the layout; ours is just pcm. */
const normaliseAudioCodec = (name: string) => (name.startsWith('pcm_') ? 'pcm' : name);

describe.runIf(hasFfprobe())('probe agrees with ffprobe on every ISO-BMFF fixture', () => {
  it('has fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  for (const file of files) {
    it(file, async () => {
      const path = join(dir, file);
      const ours = await probe(path);
      const theirs = ffprobe(path);
      expect(MediaInfoSchema.parse(ours)).toEqual(ours);
      expect(ours.unreadable).toBeNull();

      const fv = theirs.streams.find((s) => s.codec_type === 'video');
      if (fv) {
        const v = ours.video!;
        expect(v, 'video track').not.toBeNull();
        expect(v.codec).toBe(fv.codec_name);
        if (['h264', 'hevc', 'av1', 'vp9', 'prores'].includes(v.codec)) expect(v.profile).toBe(fv.profile);
        expect(v.width).toBe(fv.width);
        expect(v.height).toBe(fv.height);
        const frameSeconds = 1 / (ratio(fv.r_frame_rate) ?? 30);
        // ffprobe's stream duration covers the first fragment only in sidx files; compare nb of samples there.
        if (!file.includes('sidx')) expect(Math.abs(v.durationSeconds! - Number(fv.duration))).toBeLessThanOrEqual(frameSeconds + 1e-6);
        const avg = ratio(fv.avg_frame_rate);
        if (avg && !file.includes('sidx')) expect(v.frameRate!).toBeCloseTo(avg, 2);
        expect(v.frameRateMode).toBe(ratio(fv.r_frame_rate) === avg ? 'constant' : 'variable');
        const px = pixFmtFacts(fv.pix_fmt);
        expect(v.chromaSubsampling).toBe(px.chroma);
        expect(v.bitDepth).toBe(px.bitDepth);
        if (fv.field_order && fv.field_order !== 'unknown' && v.codec !== 'prores') {
          expect(v.interlaced).toBe(fv.field_order !== 'progressive');
        }
        const ffRotation = fv.side_data_list?.find((d) => d.side_data_type === 'Display Matrix')?.rotation ?? 0;
        expect(v.rotation).toBe((((-ffRotation) % 360) + 360) % 360);
        if (fv.sample_aspect_ratio && fv.sample_aspect_ratio !== '0:1' && fv.sample_aspect_ratio !== '1:1') {
          const [n, d] = fv.sample_aspect_ratio.split(':').map(Number);
          expect(v.sampleAspectRatio!.num / v.sampleAspectRatio!.den).toBeCloseTo(n! / d!, 5);
        }
      } else {
        expect(ours.video).toBeNull();
      }

      const fa = theirs.streams.find((s) => s.codec_type === 'audio');
      if (fa) {
        const a = ours.audio!;
        expect(a, 'audio track').not.toBeNull();
        expect(a.codec).toBe(normaliseAudioCodec(fa.codec_name));
        expect(a.sampleRate).toBe(Number(fa.sample_rate));
        expect(a.channels).toBe(fa.channels);
        if (fa.codec_name === 'aac') expect(a.profile).toBe(fa.profile === 'LC' ? 'AAC-LC' : fa.profile);
      } else {
        expect(ours.audio).toBeNull();
      }
      expect(Math.abs(ours.durationSeconds! - Number(theirs.format.duration))).toBeLessThan(0.05);
      expect(ours.sizeBytes).toBe(Number(theirs.format.size));
    });
  }
});
