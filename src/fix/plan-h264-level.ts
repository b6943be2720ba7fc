/**
 * H.264 levels (ITU-T H.264 Table A-1): the smallest level whose frame size, macroblock rate and
 * bitrate limits hold the output, never below 4.1, which every device that plays 1080p30 decodes.
 */

type Level = { name: string; maxMbps: number; maxFs: number; maxBrKbps: number; maxCpbKbits: number };

const LEVELS: Level[] = [
  { name: '4.1', maxMbps: 245_760, maxFs: 8_192, maxBrKbps: 50_000, maxCpbKbits: 62_500 },
  { name: '4.2', maxMbps: 522_240, maxFs: 8_704, maxBrKbps: 50_000, maxCpbKbits: 62_500 },
  { name: '5', maxMbps: 589_824, maxFs: 22_080, maxBrKbps: 135_000, maxCpbKbits: 135_000 },
  { name: '5.1', maxMbps: 983_040, maxFs: 36_864, maxBrKbps: 240_000, maxCpbKbits: 240_000 },
  { name: '5.2', maxMbps: 2_073_600, maxFs: 36_864, maxBrKbps: 240_000, maxCpbKbits: 240_000 },
  { name: '6', maxMbps: 4_177_920, maxFs: 139_264, maxBrKbps: 240_000, maxCpbKbits: 240_000 },
  { name: '6.1', maxMbps: 8_355_840, maxFs: 139_264, maxBrKbps: 480_000, maxCpbKbits: 480_000 },
  { name: '6.2', maxMbps: 16_711_680, maxFs: 139_264, maxBrKbps: 800_000, maxCpbKbits: 800_000 },
];

/** A level and what it allows High profile, in bits per second and bits. */
export type H264Level = { name: string; maxBitrate: number; maxCpbBits: number };

/** High profile may use 1.25 × the table's MaxBR (Table A-2, cpbBrVclFactor 1250). */
const HIGH_BR_FACTOR = 1.25;

/**
 * The level for High profile at this size and rate; null when even 6.2 is too small (then no level
 * is forced and x264 picks). `peakBitrate` is a bitrate the stream needs to reach, when one is planned.
 */
export function h264Level(width: number, height: number, fps: number, peakBitrate: number | null): H264Level | null {
  const mbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const level = LEVELS.find(
    (l) => mbs <= l.maxFs && mbs * fps <= l.maxMbps && (peakBitrate === null || peakBitrate <= l.maxBrKbps * 1000 * HIGH_BR_FACTOR),
  );
  if (!level) return null;
  return { name: level.name, maxBitrate: level.maxBrKbps * 1000 * HIGH_BR_FACTOR, maxCpbBits: level.maxCpbKbits * 1000 * HIGH_BR_FACTOR };
}
