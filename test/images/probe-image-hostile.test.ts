import { execFileSync } from 'node:child_process';
import { concatBytes as concat } from '../helpers/bytes.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGE_READ_CAP_BYTES, MAX_GIF_BLOCKS, MAX_JPEG_SEGMENTS } from '../../src/images/image-limits.js';
import { isImageProbeFailure, probeImage } from '../../src/images/probe-image.js';
import { ImageInfoSchema, type ImageInfo } from '../../src/probe/media-info.js';
import { bytesSourceForTests } from './bytes-source-for-tests.js';
import { ffprobeImage, hasFfprobe } from './ffprobe-for-tests.js';
import { IMAGE_FIXTURES, readImageFixture } from './image-fixture-settings.js';
import { HEAD_BYTES, probeBytes } from './probe-bytes-for-tests.js';

/** Damaged and stretched variants of the real fixtures: every case must answer, fast, without throwing. */

const scratch = mkdtempSync(join(tmpdir(), 'image-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function patched(bytes: Uint8Array, offset: number, patch: number[]): Uint8Array {
  const copy = bytes.slice();
  copy.set(patch, offset);
  return copy;
}

function be32(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}
function le32(v: number): number[] {
  return [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
}

/** Probes and checks the answer is well-formed and quick. */
async function probeQuickly(bytes: Uint8Array, format: ImageInfo['format']) {
  const started = performance.now();
  const out = await probeBytes(bytes, format);
  expect(performance.now() - started).toBeLessThan(3000);
  expect(out.source.bytesRead).toBeLessThanOrEqual(IMAGE_READ_CAP_BYTES);
  if (!isImageProbeFailure(out.result)) ImageInfoSchema.parse(out.result);
  return out;
}

function fixture(file: string) {
  const f = IMAGE_FIXTURES.find((x) => x.file === file);
  if (!f) throw new Error(`no fixture ${file}`);
  return { ...f, bytes: readImageFixture(file) };
}

describe('hostile JPEG', () => {
  const jpeg = fixture('jpeg-baseline-160x120.jpg');
  // The first segment after SOI is APP0 at offset 2; its length field is at 4.
  it.each([0, 1])('a segment length of %i (which would loop) is corrupt at that marker', async (length) => {
    const { result } = await probeQuickly(patched(jpeg.bytes, 4, [0, length]), 'jpeg');
    expect(result).toMatchObject({ reason: 'corrupt', offset: 2 });
  });

  it('a scan before any frame header is corrupt', async () => {
    const { result } = await probeQuickly(patched(jpeg.bytes, 3, [0xda]), 'jpeg');
    expect(result).toMatchObject({ reason: 'corrupt' });
  });

  it('an endless run of fill bytes hits the fill cap', async () => {
    const bytes = concat(jpeg.bytes.subarray(0, 2), new Uint8Array(100_000).fill(0xff), jpeg.bytes.subarray(2));
    const { result } = await probeQuickly(bytes, 'jpeg');
    expect(result).toMatchObject({ reason: 'limit-exceeded' });
  });

  // COM segments are legal anywhere before the frame header; they push it away from the start.
  function withComments(count: number, bodyBytes: number): Uint8Array {
    const segment = concat(new Uint8Array([0xff, 0xfe, (bodyBytes + 2) >> 8, (bodyBytes + 2) & 255]), new Uint8Array(bodyBytes).fill(0x20));
    const app0End = 4 + ((jpeg.bytes[4]! << 8) | jpeg.bytes[5]!);
    return concat(jpeg.bytes.subarray(0, app0End), ...Array.from({ length: count }, () => segment), jpeg.bytes.subarray(app0End));
  }

  it('finds a frame header far past the head by reading segment headers only', async () => {
    const bytes = withComments(40, 60_000);
    expect(bytes.length).toBeGreaterThan(2_000_000);
    const { result, source } = await probeQuickly(bytes, 'jpeg');
    expect(result).toMatchObject({ width: jpeg.width, height: jpeg.height, progressive: false });
    expect(source.reads).toBeGreaterThan(0);
    // Segment bodies are skipped, so far less than the file is read.
    expect(source.bytesRead).toBeLessThan(bytes.length / 10);
    if (hasFfprobe) {
      const path = join(scratch, 'far-sof.jpg');
      writeFileSync(path, bytes);
      const probe = ffprobeImage(path);
      expect([probe.width, probe.height]).toEqual([jpeg.width, jpeg.height]);
    }
  });

  it(`more than ${MAX_JPEG_SEGMENTS} segments before the frame header hit the segment cap`, async () => {
    const { result } = await probeQuickly(withComments(MAX_JPEG_SEGMENTS + 10, 8), 'jpeg');
    expect(result).toMatchObject({ reason: 'limit-exceeded' });
  });

  it('a broken EXIF block costs only the orientation', async () => {
    const exif = fixture('jpeg-exif-orientation-6-mm-120x80.jpg');
    const at = findAscii(exif.bytes, 'Exif\0\0') + 6;
    // Point IFD0 far past the segment.
    const { result } = await probeQuickly(patched(exif.bytes, at + 4, be32(0x7fff_0000)), 'jpeg');
    expect(result).toMatchObject({ width: exif.width, height: exif.height, orientation: null });
  });
});

describe('hostile GIF', () => {
  const gif = fixture('gif-still-70x50.gif');
  // 13-byte header plus the global colour table (size from the packed byte), then the blocks.
  const blocksStart = 13 + 3 * (1 << ((gif.bytes[10]! & 7) + 1));

  it('an endless chain of extension blocks hits the block cap', async () => {
    const comment = new Uint8Array([0x21, 0xfe, 0x01, 0x41, 0x00]);
    const chain = new Uint8Array(comment.length * (MAX_GIF_BLOCKS + 50));
    for (let o = 0; o < chain.length; o += comment.length) chain.set(comment, o);
    const bytes = concat(gif.bytes.subarray(0, blocksStart), chain, gif.bytes.subarray(blocksStart));
    const { result } = await probeQuickly(bytes, 'gif');
    expect(result).toMatchObject({ reason: 'limit-exceeded' });
  });

  it('an extension whose sub-blocks never end is truncated', async () => {
    const open = new Uint8Array(2 + 256 * 2000);
    open.set([0x21, 0xfe]);
    for (let o = 2; o < open.length; o += 256) open[o] = 255;
    const bytes = concat(gif.bytes.subarray(0, blocksStart), open);
    const { result } = await probeQuickly(bytes, 'gif');
    expect(result).toMatchObject({ reason: 'truncated' });
  });

  it('megabytes of extension data after the first image stop at the read cap with the frame count unknown', async () => {
    const subBlocks = Math.ceil((IMAGE_READ_CAP_BYTES + 1_000_000) / 256);
    const big = new Uint8Array(2 + subBlocks * 256 + 1);
    big.set([0x21, 0xfe]);
    for (let i = 0; i < subBlocks; i++) big[2 + i * 256] = 255;
    const trailer = gif.bytes.length - 1;
    expect(gif.bytes[trailer]).toBe(0x3b);
    const bytes = concat(gif.bytes.subarray(0, trailer), big, gif.bytes.subarray(trailer));
    const { result } = await probeQuickly(bytes, 'gif');
    expect(result).toMatchObject({ width: gif.width, height: gif.height, animated: false, frameCount: null });
    // A caller handing over the whole file as "head" gets the same bounded walk.
    const source = bytesSourceForTests(bytes);
    const wholeHead = await probeImage(source, 'gif', bytes);
    expect(wholeHead).toMatchObject({ frameCount: null });
    expect(source.bytesRead).toBeLessThanOrEqual(IMAGE_READ_CAP_BYTES);
  });
});

describe('hostile PNG', () => {
  const png = fixture('png-rgb-80x60.png');
  // The chunk after the 8-byte signature and the 25-byte IHDR starts at 33.
  it('a chunk length of 0x7FFFFFFF runs past the end: truncated at that chunk', async () => {
    const { result } = await probeQuickly(patched(png.bytes, 33, be32(0x7fffffff)), 'png');
    expect(result).toMatchObject({ reason: 'truncated', offset: 33 });
  });

  it('a chunk length over 2^31-1 is corrupt', async () => {
    const { result } = await probeQuickly(patched(png.bytes, 33, be32(0xffffffff)), 'png');
    expect(result).toMatchObject({ reason: 'corrupt', offset: 33 });
  });

  it('a zero width is corrupt', async () => {
    const { result } = await probeQuickly(patched(png.bytes, 16, be32(0)), 'png');
    expect(result).toMatchObject({ reason: 'corrupt' });
  });
});

describe('hostile TIFF', () => {
  const tiff = fixture('tiff-le-90x60.tif');
  const ifd0 = tiff.bytes[4]! | (tiff.bytes[5]! << 8) | (tiff.bytes[6]! << 16) | (tiff.bytes[7]! << 24);
  const entries = tiff.bytes[ifd0]! | (tiff.bytes[ifd0 + 1]! << 8);
  const nextField = ifd0 + 2 + entries * 12;

  it('an IFD offset pointing at itself (the header field) is corrupt', async () => {
    const { result } = await probeQuickly(patched(tiff.bytes, 4, le32(4)), 'tiff');
    expect(result).toMatchObject({ reason: 'corrupt' });
  });

  it('an IFD whose next-IFD offset points back at itself is a loop: corrupt', async () => {
    const { result } = await probeQuickly(patched(tiff.bytes, nextField, le32(ifd0)), 'tiff');
    expect(result).toMatchObject({ reason: 'corrupt', offset: ifd0 });
  });

  it('an IFD claiming 65535 entries hits the entry cap', async () => {
    const { result } = await probeQuickly(patched(tiff.bytes, ifd0, [0xff, 0xff]), 'tiff');
    expect(result).toMatchObject({ reason: 'limit-exceeded' });
  });
});

describe('hostile WebP, BMP and HEIF', () => {
  it('an ANMF chunk claiming 4 GB is truncated', async () => {
    const webp = fixture('webp-animated-48x32-4frames.webp');
    const anmf = findAscii(webp.bytes, 'ANMF');
    const { result } = await probeQuickly(patched(webp.bytes, anmf + 4, le32(0xfffffff0)), 'webp');
    expect(result).toMatchObject({ reason: 'truncated', offset: anmf });
  });

  it('a top-down BMP (negative height) has the same size', async () => {
    const bmp = fixture('bmp-66x42.bmp');
    const height = bmp.bytes[22]! | (bmp.bytes[23]! << 8);
    const { result } = await probeQuickly(patched(bmp.bytes, 22, le32(-height >>> 0)), 'bmp');
    expect(result).toMatchObject({ width: bmp.width, height: bmp.height });
  });

  it('an ipma claiming 4 billion entries is bounded by its box', async () => {
    const avif = fixture('avif-112x80.avif');
    const ipma = findAscii(avif.bytes, 'ipma');
    const { result } = await probeQuickly(patched(avif.bytes, ipma + 8, be32(0xffffffff)), 'avif');
    expect(result).toMatchObject({ width: avif.width, height: avif.height });
  });

  it('a meta box with a 64-bit size past the end is truncated', async () => {
    const heic = fixture('heic-128x96.heic');
    const meta = findAscii(heic.bytes, 'meta') - 4;
    const { result } = await probeQuickly(patched(heic.bytes, meta, [0, 0, 0, 1]), 'heif');
    expect(isImageProbeFailure(result)).toBe(true);
  });

  it('a meta box without ispe is corrupt', async () => {
    const heic = fixture('heic-128x96.heic');
    const ispe = findAscii(heic.bytes, 'ispe');
    const { result } = await probeQuickly(patched(heic.bytes, ispe, [0x78, 0x78, 0x78, 0x78]), 'heif');
    expect(result).toMatchObject({ reason: 'corrupt' });
  });
});

describe('source errors and aborts are not swallowed', () => {
  it('an aborted probe that needs bytes past the head rejects with the abort', async () => {
    const gif = fixture('gif-still-70x50.gif');
    const controller = new AbortController();
    controller.abort();
    const head = gif.bytes.subarray(0, 16);
    await expect(probeImage(bytesSourceForTests(gif.bytes), 'gif', head, controller.signal)).rejects.toThrow();
  });

  it('a probe given the head only reads the rest through the source', async () => {
    const gif = fixture('gif-still-70x50.gif');
    const source = bytesSourceForTests(gif.bytes);
    const result = await probeImage(source, 'gif', gif.bytes.subarray(0, 16));
    expect(result).toMatchObject({ width: gif.width, height: gif.height, frameCount: 1 });
    expect(source.reads).toBeGreaterThan(0);
    expect(HEAD_BYTES).toBeGreaterThan(gif.bytes.length);
  });
});

function findAscii(bytes: Uint8Array, text: string): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(text, 0, 'latin1');
  if (at < 0) throw new Error(`${text} not found`);
  return at;
}
