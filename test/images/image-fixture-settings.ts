import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImageInfo } from '../../src/probe/media-info.js';

/**
 * The settings fixtures/make-image-fixtures.sh passed to each encoder, repeated here as the
 * expected probe values, so the tests assert something even where ffprobe is missing or cannot
 * read the format. Only what the encoder was told (or what its format forces) is listed.
 */
export interface ImageFixture {
  file: string;
  format: ImageInfo['format'];
  width: number;
  height: number;
  animated: boolean;
  frameCount: number;
  /** EXIF orientation written into the file (or irot as EXIF); null when none was written. */
  orientation: number | null;
  progressive?: boolean;
  colorSpace?: string;
  hasAlpha?: boolean;
  bitDepth?: number;
  lossless?: boolean;
  /** ffprobe's codec_name for the stream; null where Debian's ffprobe 5.1 cannot read the file. */
  ffprobeCodec: string | null;
}

export const IMAGE_FIXTURES: readonly ImageFixture[] = [
  // ffmpeg mjpeg -pix_fmt yuvj420p: baseline, 8-bit YCbCr.
  { file: 'jpeg-baseline-160x120.jpg', format: 'jpeg', width: 160, height: 120, animated: false, frameCount: 1, orientation: null, progressive: false, colorSpace: 'ycbcr', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'mjpeg' },
  { file: 'jpeg-big-4000x3000.jpg', format: 'jpeg', width: 4000, height: 3000, animated: false, frameCount: 1, orientation: null, progressive: false, colorSpace: 'ycbcr', bitDepth: 8, ffprobeCodec: 'mjpeg' },
  // add-exif-orientation.mjs <orientation> <byte order>
  { file: 'jpeg-exif-orientation-6-mm-120x80.jpg', format: 'jpeg', width: 120, height: 80, animated: false, frameCount: 1, orientation: 6, progressive: false, colorSpace: 'ycbcr', ffprobeCodec: 'mjpeg' },
  { file: 'jpeg-exif-orientation-3-ii-120x80.jpg', format: 'jpeg', width: 120, height: 80, animated: false, frameCount: 1, orientation: 3, progressive: false, colorSpace: 'ycbcr', ffprobeCodec: 'mjpeg' },
  // cjpeg -progressive / cjpeg -grayscale
  { file: 'jpeg-progressive-96x64.jpg', format: 'jpeg', width: 96, height: 64, animated: false, frameCount: 1, orientation: null, progressive: true, colorSpace: 'ycbcr', bitDepth: 8, ffprobeCodec: 'mjpeg' },
  { file: 'jpeg-gray-96x64.jpg', format: 'jpeg', width: 96, height: 64, animated: false, frameCount: 1, orientation: null, progressive: false, colorSpace: 'gray', bitDepth: 8, ffprobeCodec: 'mjpeg' },
  // Pillow .convert("CMYK") writes Adobe transform 0; ImageMagick -colorspace CMYK writes YCCK (transform 2).
  { file: 'jpeg-cmyk-64x40.jpg', format: 'jpeg', width: 64, height: 40, animated: false, frameCount: 1, orientation: null, progressive: false, colorSpace: 'cmyk', ffprobeCodec: 'mjpeg' },
  { file: 'jpeg-ycck-60x36.jpg', format: 'jpeg', width: 60, height: 36, animated: false, frameCount: 1, orientation: null, progressive: false, colorSpace: 'ycck', ffprobeCodec: 'mjpeg' },
  // ffmpeg png -pix_fmt rgb24 / rgba / gray / gray16be / pal8
  { file: 'png-rgb-80x60.png', format: 'png', width: 80, height: 60, animated: false, frameCount: 1, orientation: null, colorSpace: 'rgb', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'png' },
  { file: 'png-rgba-72x40.png', format: 'png', width: 72, height: 40, animated: false, frameCount: 1, orientation: null, colorSpace: 'rgb', hasAlpha: true, bitDepth: 8, ffprobeCodec: 'png' },
  { file: 'png-gray-50x30.png', format: 'png', width: 50, height: 30, animated: false, frameCount: 1, orientation: null, colorSpace: 'gray', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'png' },
  { file: 'png-gray16-44x36.png', format: 'png', width: 44, height: 36, animated: false, frameCount: 1, orientation: null, colorSpace: 'gray', hasAlpha: false, bitDepth: 16, ffprobeCodec: 'png' },
  { file: 'png-palette-56x28.png', format: 'png', width: 56, height: 28, animated: false, frameCount: 1, orientation: null, colorSpace: 'palette', bitDepth: 8, ffprobeCodec: 'png' },
  // ffmpeg -f apng -plays 0, 5 frames of rgb24
  { file: 'apng-64x48-5frames.png', format: 'png', width: 64, height: 48, animated: true, frameCount: 5, orientation: null, colorSpace: 'rgb', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'apng' },
  // libwebp (lossy yuv420p, -lossless 1, lossy yuva420p) and libwebp_anim (4 lossy frames)
  { file: 'webp-lossy-100x70.webp', format: 'webp', width: 100, height: 70, animated: false, frameCount: 1, orientation: null, hasAlpha: false, lossless: false, ffprobeCodec: 'webp' },
  { file: 'webp-lossless-60x44.webp', format: 'webp', width: 60, height: 44, animated: false, frameCount: 1, orientation: null, hasAlpha: false, lossless: true, ffprobeCodec: 'webp' },
  { file: 'webp-lossy-alpha-76x52.webp', format: 'webp', width: 76, height: 52, animated: false, frameCount: 1, orientation: null, hasAlpha: true, lossless: false, ffprobeCodec: 'webp' },
  // ffprobe 5.1 reports 0x0 for animated WebP, so only the encoder settings count there.
  { file: 'webp-animated-48x32-4frames.webp', format: 'webp', width: 48, height: 32, animated: true, frameCount: 4, orientation: null, lossless: false, ffprobeCodec: null },
  // ffmpeg gif -pix_fmt rgb8
  { file: 'gif-still-70x50.gif', format: 'gif', width: 70, height: 50, animated: false, frameCount: 1, orientation: null, colorSpace: 'palette', ffprobeCodec: 'gif' },
  { file: 'gif-animated-40x30-6frames.gif', format: 'gif', width: 40, height: 30, animated: true, frameCount: 6, orientation: null, colorSpace: 'palette', ffprobeCodec: 'gif' },
  // ffmpeg bmp -pix_fmt bgr24
  { file: 'bmp-66x42.bmp', format: 'bmp', width: 66, height: 42, animated: false, frameCount: 1, orientation: null, colorSpace: 'rgb', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'bmp' },
  // ffmpeg tiff rgb24 (little-endian); ImageMagick -endian MSB -orient RightTop (orientation 6)
  { file: 'tiff-le-90x60.tif', format: 'tiff', width: 90, height: 60, animated: false, frameCount: 1, orientation: null, colorSpace: 'rgb', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'tiff' },
  { file: 'tiff-be-orientation-6-58x34.tif', format: 'tiff', width: 58, height: 34, animated: false, frameCount: 1, orientation: 6, colorSpace: 'rgb', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'tiff' },
  // heif-enc (x265) from an 8-bit RGB PNG; ffprobe 5.1 cannot open HEIC.
  { file: 'heic-128x96.heic', format: 'heif', width: 128, height: 96, animated: false, frameCount: 1, orientation: null, colorSpace: 'ycbcr', hasAlpha: false, bitDepth: 8, ffprobeCodec: null },
  // avifenc --yuv 420 (8-bit); --irot 1 is 90 degrees anticlockwise, EXIF orientation 8; a 3-frame y4m sequence.
  { file: 'avif-112x80.avif', format: 'avif', width: 112, height: 80, animated: false, frameCount: 1, orientation: null, colorSpace: 'ycbcr', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'av1' },
  { file: 'avif-irot-1-112x80.avif', format: 'avif', width: 112, height: 80, animated: false, frameCount: 1, orientation: 8, colorSpace: 'ycbcr', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'av1' },
  { file: 'avif-animated-48x40-3frames.avif', format: 'avif', width: 48, height: 40, animated: true, frameCount: 3, orientation: null, colorSpace: 'ycbcr', hasAlpha: false, bitDepth: 8, ffprobeCodec: 'av1' },
];

export const IMAGE_FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/image/', import.meta.url));

export function imageFixturePath(file: string): string {
  return IMAGE_FIXTURE_DIR + file;
}

export function readImageFixture(file: string): Uint8Array {
  return new Uint8Array(readFileSync(imageFixturePath(file)));
}
