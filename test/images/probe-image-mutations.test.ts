import { describe, expect, it } from 'vitest';
import { IMAGE_READ_CAP_BYTES } from '../../src/images/image-limits.js';
import { isImageProbeFailure } from '../../src/images/probe-image.js';
import { ImageInfoSchema } from '../../src/probe/media-info.js';
import { IMAGE_FIXTURES, readImageFixture } from './image-fixture-settings.js';
import { probeBytes } from './probe-bytes-for-tests.js';
import { prng } from '../helpers/bytes.js';

const MUTATIONS_PER_FIXTURE = 150;
/** Headers live near the start; most damage goes there, where the parsers look. */
const HEADER_ZONE_BYTES = 1024;
const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let out = bytes.slice();
  const edits = 1 + pick(8);
  for (let i = 0; i < edits; i++) {
    const at = random() < 0.75 ? pick(Math.min(HEADER_ZONE_BYTES, out.length)) : pick(out.length);
    const kind = pick(10);
    if (kind < 4) out[at] = pick(256);
    else if (kind < 6) out[at] = INTERESTING_BYTES[pick(INTERESTING_BYTES.length)]!;
    else if (kind < 8) out[at] = out[at]! ^ (1 << pick(8));
    else if (kind < 9) {
      // A 32-bit field set to an extreme: sizes and offsets in every format are 32-bit.
      out.set([0xff, 0xff, 0xff, pick(256)].slice(0, out.length - at), at);
    } else {
      // Cut or duplicate a run of bytes, shifting everything after it.
      const length = 1 + pick(64);
      out = random() < 0.5
        ? new Uint8Array([...out.subarray(0, at), ...out.subarray(at + length)])
        : new Uint8Array([...out.subarray(0, at + length), ...out.subarray(at)]);
    }
  }
  return out;
}

describe(`probeImage on ${MUTATIONS_PER_FIXTURE} seeded mutations of each fixture`, () => {
  it.each(IMAGE_FIXTURES.map((f, i) => [f.file, f, i] as const))('%s', async (file, fixture, index) => {
    const random = prng(0x1a2b3c + index);
    const reasons = new Map<string, number>();
    const started = performance.now();
    for (let n = 0; n < MUTATIONS_PER_FIXTURE; n++) {
      const bytes = mutate(readImageFixture(file), random);
      const caseStarted = performance.now();
      const { result, source } = await probeBytes(bytes, fixture.format);
      expect(performance.now() - caseStarted, `${file} mutation ${n}`).toBeLessThan(1000);
      expect(source.bytesRead).toBeLessThanOrEqual(IMAGE_READ_CAP_BYTES);
      if (isImageProbeFailure(result)) {
        expect(['truncated', 'corrupt', 'limit-exceeded']).toContain(result.reason);
        expect(result.message.length).toBeGreaterThan(0);
        if (result.offset !== null) expect(Number.isInteger(result.offset) && result.offset >= 0).toBe(true);
        reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
        continue;
      }
      const info = ImageInfoSchema.parse(result);
      reasons.set('info', (reasons.get('info') ?? 0) + 1);
      expect(info.format).toBe(fixture.format);
      expect(info.width).toBeGreaterThan(0);
      expect(info.height).toBeGreaterThan(0);
      if (info.orientation !== null) expect(info.orientation).toBeGreaterThanOrEqual(1);
      if (info.orientation !== null) expect(info.orientation).toBeLessThanOrEqual(8);
      if (info.frameCount !== null) expect(info.frameCount).toBeGreaterThanOrEqual(1);
      if (!info.animated && info.frameCount !== null) expect(info.frameCount).toBe(1);
    }
    expect(performance.now() - started).toBeLessThan(15_000);
    // The mutations must reach both outcomes, or they are not testing the parser's damage paths.
    expect(reasons.get('info') ?? 0, JSON.stringify([...reasons])).toBeGreaterThan(0);
    expect(MUTATIONS_PER_FIXTURE - (reasons.get('info') ?? 0), JSON.stringify([...reasons])).toBeGreaterThan(0);
  });
});
