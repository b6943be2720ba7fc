import { describe, expect, it } from 'vitest';
import { probe } from '../../src/index.js';
import { MediaInfoSchema } from '../../src/probe/media-info.js';
import { fixture } from '../helpers/isobmff-edit.js';
import { mutations } from '../helpers/mutate.js';

/**
 * Seeded mutation fuzzing of the whole probe over real encoder output. CI runs 2,400 inputs;
 * `bench/probe/fuzz.ts` runs more. Every call must resolve to a schema-valid MediaInfo.
 */
const seeds = [
  'h264-aac.mp4',
  'h264-moov-end.mp4',
  'h264-fragmented.mp4',
  'hevc-hvc1.mp4',
  'prores.mov',
  'h264-aac.mov',
  'vp9.mp4',
  'h264-editlist-empty.mp4',
];
const PER_SEED = Number(process.env.FUZZ_PER_SEED ?? 300);

describe('mutation fuzz', () => {
  for (const [i, name] of seeds.entries()) {
    it(`${PER_SEED} mutations of ${name} all resolve to a valid MediaInfo`, async () => {
      const original = fixture(name);
      let unreadable = 0;
      let slowest = 0;
      for (const bytes of mutations(original, PER_SEED, 1000 + i)) {
        const start = performance.now();
        const info = await probe(bytes);
        slowest = Math.max(slowest, performance.now() - start);
        const parsed = MediaInfoSchema.safeParse(info);
        if (!parsed.success) throw new Error(`invalid MediaInfo: ${parsed.error.message}`);
        if (info.unreadable) unreadable++;
        // Whatever was damaged, reads stay bounded by the file size.
        expect(info.io.bytesRead).toBeLessThanOrEqual(bytes.length + 64 * 1024);
      }
      // The mutations must actually hit: some inputs come back unreadable, not all.
      expect(unreadable).toBeGreaterThan(0);
      expect(unreadable).toBeLessThan(PER_SEED);
      expect(slowest).toBeLessThan(2000);
    });
  }
});
