import { describe, expect, it } from 'vitest';
import { isImageProbeFailure } from '../../src/images/probe-image.js';
import { ImageInfoSchema, type ImageInfo } from '../../src/probe/media-info.js';
import { ffprobeImage, hasFfprobe } from './ffprobe-for-tests.js';
import { IMAGE_FIXTURES, imageFixturePath, readImageFixture, type ImageFixture } from './image-fixture-settings.js';
import { HEAD_BYTES, probeBytes } from './probe-bytes-for-tests.js';

async function probeFixture(fixture: ImageFixture): Promise<ImageInfo> {
  const { result } = await probeBytes(readImageFixture(fixture.file), fixture.format);
  if (isImageProbeFailure(result)) throw new Error(`${fixture.file}: ${result.reason}: ${result.message}`);
  return ImageInfoSchema.parse(result);
}

/** Pixel formats with an alpha plane, as ffmpeg names them. */
const ALPHA_PIX_FMTS = new Set(['rgba', 'argb', 'bgra', 'abgr', 'ya8', 'ya16be', 'rgba64be', 'yuva420p', 'yuva444p']);

describe('probeImage on real encoder output', () => {
  it.each(IMAGE_FIXTURES.map((f) => [f.file, f] as const))('%s matches the encoder settings', async (_file, fixture) => {
    const info = await probeFixture(fixture);
    expect(info.format).toBe(fixture.format);
    expect(info.width).toBe(fixture.width);
    expect(info.height).toBe(fixture.height);
    expect(info.animated).toBe(fixture.animated);
    expect(info.frameCount).toBe(fixture.frameCount);
    expect(info.orientation).toBe(fixture.orientation);
    if (fixture.progressive !== undefined) expect(info.progressive).toBe(fixture.progressive);
    else expect(info.progressive).toBeNull();
    if (fixture.colorSpace !== undefined) expect(info.colorSpace).toBe(fixture.colorSpace);
    if (fixture.hasAlpha !== undefined) expect(info.hasAlpha).toBe(fixture.hasAlpha);
    if (fixture.bitDepth !== undefined) expect(info.bitDepth).toBe(fixture.bitDepth);
    if (fixture.lossless !== undefined) expect(info.lossless).toBe(fixture.lossless);
    else expect(info.lossless).toBeNull();
  });

  const readable = IMAGE_FIXTURES.filter((f) => f.ffprobeCodec !== null);
  it.each(readable.map((f) => [f.file, f] as const))('%s agrees with ffprobe (when installed)', async (_file, fixture) => {
    const info = await probeFixture(fixture);
    if (!hasFfprobe) {
      // Without ffprobe the encoder settings are the only reference; still check the size against them.
      expect([info.width, info.height]).toEqual([fixture.width, fixture.height]);
      return;
    }
    const probe = ffprobeImage(imageFixturePath(fixture.file));
    expect(probe.codec).toBe(fixture.ffprobeCodec);
    expect(info.width).toBe(probe.width);
    expect(info.height).toBe(probe.height);
    // ffprobe decodes every frame of GIF, APNG and AVIF sequences; a still decodes to one.
    if (probe.frames !== null && fixture.format !== 'jpeg' && fixture.format !== 'tiff' && fixture.format !== 'bmp') {
      expect(info.frameCount).toBe(probe.frames);
      expect(info.animated).toBe(probe.frames > 1);
    }
    if (fixture.format === 'jpeg') {
      // ffmpeg's JPEG decoder exports EXIF orientation as a frame tag.
      expect(info.orientation).toBe(probe.orientation);
      expect(info.colorSpace === 'gray').toBe(probe.pixFmt === 'gray');
    }
    if (fixture.format === 'png' || (fixture.format === 'webp' && info.lossless === false)) {
      expect(info.hasAlpha).toBe(ALPHA_PIX_FMTS.has(probe.pixFmt ?? ''));
    }
  });

  it('reads nothing past the head of a big JPEG whose frame header is near the start', async () => {
    const fixture = IMAGE_FIXTURES.find((f) => f.file === 'jpeg-big-4000x3000.jpg')!;
    const bytes = readImageFixture(fixture.file);
    expect(bytes.length).toBeGreaterThan(HEAD_BYTES);
    const { result, source } = await probeBytes(bytes, 'jpeg');
    expect(isImageProbeFailure(result)).toBe(false);
    // Its frame header sits near the start: nothing past the head is needed.
    expect(source.reads).toBe(0);
  });
});
