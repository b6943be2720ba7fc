import { describe, expect, it } from 'vitest';
import { isImageProbeFailure, probeImage } from '../../src/images/probe-image.js';
import { ImageInfoSchema, type ImageInfo } from '../../src/probe/media-info.js';
import { bytesSourceForTests } from './bytes-source-for-tests.js';
import { IMAGE_FIXTURES, readImageFixture } from './image-fixture-settings.js';
import { probeBytes } from './probe-bytes-for-tests.js';

/** Fields a cut file cannot change once the probe answers at all: they come from headers it read whole. */
const HEADER_FIELDS = ['format', 'width', 'height', 'orientation', 'progressive', 'colorSpace', 'bitDepth', 'lossless'] as const;

/**
 * Every prefix length of the small fixtures; for the big one (tens of KB of flat scan data) every
 * length through its headers, then a stride through the rest, then its last bytes.
 */
function prefixLengths(size: number): number[] {
  const every = 16 * 1024;
  const lengths: number[] = [];
  for (let length = 0; length < size; length++) {
    if (length < every || length % 97 === 0 || length > size - 64) lengths.push(length);
  }
  return lengths;
}

describe('probeImage on empty input', () => {
  it.each(['jpeg', 'png', 'webp', 'gif', 'bmp', 'tiff', 'heif', 'avif'] as const)('%s: empty is truncated', async (format) => {
    const empty = new Uint8Array(0);
    const result = await probeImage(bytesSourceForTests(empty), format, empty);
    expect(result).toMatchObject({ reason: 'truncated', offset: 0 });
  });
});

describe('probeImage on every prefix of each fixture', () => {
  it.each(IMAGE_FIXTURES.map((f) => [f.file, f] as const))('%s', async (file, fixture) => {
    const bytes = readImageFixture(file);
    const { result: full } = await probeBytes(bytes, fixture.format);
    const whole = ImageInfoSchema.parse(full);
    let failures = 0;
    let infos = 0;
    const lengths = prefixLengths(bytes.length);
    for (const length of lengths) {
      const { result } = await probeBytes(bytes.subarray(0, length), fixture.format);
      if (isImageProbeFailure(result)) {
        failures++;
        // A clean cut of a good file is truncation, never "corrupt".
        expect(result.reason, `${file} cut at ${length}: ${result.message}`).toBe('truncated');
        expect(typeof result.message).toBe('string');
        if (result.offset !== null) expect(result.offset).toBeLessThanOrEqual(bytes.length);
        continue;
      }
      infos++;
      const info: ImageInfo = ImageInfoSchema.parse(result);
      for (const field of HEADER_FIELDS) expect(info[field], `${file} cut at ${length}: ${field}`).toEqual(whole[field]);
      if (info.frameCount !== null) expect(info.frameCount).toBeLessThanOrEqual(whole.frameCount ?? Infinity);
      if (fixture.format !== 'gif') expect(info.hasAlpha).toBe(whole.hasAlpha);
    }
    // The header bytes come first: the shortest prefixes must all fail.
    expect(failures).toBeGreaterThan(7);
    expect(failures + infos).toBe(lengths.length);
  });
});
