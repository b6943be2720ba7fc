/**
 * What the ffmpeg.wasm core (@ffmpeg/core 0.12.10, FFmpeg 5.1.4) can decode, for the planner.
 * Names are FFmpeg codec names, as the probe reports them.
 */

/**
 * Video codecs whose decoders are in the core's `-decoders` list and work without hardware.
 * `av1` is listed there too but is left out on purpose: FFmpeg 5.1's native av1 decoder only
 * drives hwaccels, so in wasm it fails with "Missing Sequence Header" (and the core has no
 * libdav1d or libaom).
 */
const WASM_VIDEO_DECODERS: ReadonlySet<string> = new Set([
  'h264', 'hevc', 'vp8', 'vp9', 'prores', 'mpeg4', 'mjpeg', 'mpeg1video', 'mpeg2video',
  'theora', 'vc1', 'wmv1', 'wmv2', 'wmv3', 'msmpeg4v1', 'msmpeg4v2', 'msmpeg4v3', 'h261', 'h263',
  'flv1', 'dnxhd', 'dvvideo', 'ffv1', 'huffyuv', 'ffvhuff', 'utvideo', 'cavs', 'dirac', 'svq3',
  'qtrle', 'cinepak', 'rawvideo', 'png', 'apng', 'gif', 'webp',
]);

/** True when the wasm core can decode this video codec; false for AV1 and for codecs it lacks. */
export function wasmCanDecode(videoCodec: string): boolean {
  return WASM_VIDEO_DECODERS.has(videoCodec.toLowerCase());
}

/**
 * Largest input the browser engine should take when the input is copied into memory: a single
 * ArrayBuffer/Uint8Array cannot reach 2 GiB in Chromium, so `fetchFile(file)` + `writeFile` fails
 * at that size (and iOS Safari gives up far earlier, at a few hundred MB). The browser engine mounts
 * inputs with WORKERFS, which reads slices of the File on demand and so is not bound by this in
 * Chromium (reported upstream; not measured here beyond a 300 MB input). The Node engine has no
 * such limit: it reads the host file in place.
 */
export const WASM_MAX_INPUT_BYTES = 2 ** 31 - 1;
