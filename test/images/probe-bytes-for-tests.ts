import type { ImageInfo } from '../../src/probe/media-info.js';
import { probeImage, type ImageProbeFailure } from '../../src/images/probe-image.js';
import { bytesSourceForTests, type CountingBytesSource } from './bytes-source-for-tests.js';

/** The head the probe's caller reads before handing over: the first 64 KiB. */
export const HEAD_BYTES = 64 * 1024;

/** Probes in-memory bytes the way the real caller does: head first, the rest through the source. */
export async function probeBytes(
  bytes: Uint8Array,
  format: ImageInfo['format'],
): Promise<{ result: ImageInfo | ImageProbeFailure; source: CountingBytesSource }> {
  const source = bytesSourceForTests(bytes);
  const result = await probeImage(source, format, bytes.subarray(0, HEAD_BYTES));
  return { result, source };
}
