/**
 * H.264 profile and level names as ffprobe prints them, so our probe output reads the same.
 * `constraintFlags` is the raw byte after profile_idc (SPS) or avcC's profile_compatibility:
 * constraint_set0_flag is its top bit (0x80).
 */

const CONSTRAINT_SET1 = 0x40;
const CONSTRAINT_SET3 = 0x10;

const PROFILE_NAMES: ReadonlyMap<number, string> = new Map([
  [66, 'Baseline'],
  [77, 'Main'],
  [88, 'Extended'],
  [100, 'High'],
  [110, 'High 10'],
  [122, 'High 4:2:2'],
  [144, 'High 4:4:4'],
  [244, 'High 4:4:4 Predictive'],
  [44, 'CAVLC 4:4:4'],
  [118, 'Multiview High'],
  [128, 'Stereo High'],
]);

/** Profiles where constraint_set3_flag means the intra-only variant (ffmpeg's FF_PROFILE_H264_INTRA). */
const INTRA_NAMES: ReadonlyMap<number, string> = new Map([
  [110, 'High 10 Intra'],
  [122, 'High 4:2:2 Intra'],
  [244, 'High 4:4:4 Intra'],
]);

/** ffprobe's profile name, or null where ffprobe says "unknown" (e.g. the SVC profiles 83/86). */
export function h264ProfileName(profileIdc: number, constraintFlags: number): string | null {
  if (profileIdc === 66 && (constraintFlags & CONSTRAINT_SET1) !== 0) return 'Constrained Baseline';
  if ((constraintFlags & CONSTRAINT_SET3) !== 0) {
    const intra = INTRA_NAMES.get(profileIdc);
    if (intra) return intra;
  }
  return PROFILE_NAMES.get(profileIdc) ?? null;
}

/**
 * Level 1b sits between 1 and 1.1 but has no decimal name; we report it as 1.05 so that numeric
 * comparisons against platform maxima ("level <= 3.1") order it correctly. Use `h264LevelName` to display it.
 */
export const H264_LEVEL_1B = 1.05;

/** Baseline, Main and Extended signal level 1b as level_idc 11 plus constraint_set3_flag (H.264 §A.3.1, §A.3.2). */
const LEVEL_1B_VIA_CONSTRAINT_SET3 = new Set([66, 77, 88]);

/**
 * Level as a number (31 → 3.1). ffprobe prints the raw level_idc instead (31, and 11 or 9 for 1b);
 * level 1b is `H264_LEVEL_1B`. Needs profile_idc because constraint_set3 only means 1b in some profiles.
 * Null for level_idc 0 (not signalled).
 */
export function h264Level(levelIdc: number, constraintFlags: number, profileIdc?: number): number | null {
  if (levelIdc <= 0) return null;
  if (isLevel1b(levelIdc, constraintFlags, profileIdc)) return H264_LEVEL_1B;
  return levelIdc / 10;
}

/** Display form: "3.1", "1b". */
export function h264LevelName(levelIdc: number, constraintFlags: number, profileIdc?: number): string | null {
  if (levelIdc <= 0) return null;
  if (isLevel1b(levelIdc, constraintFlags, profileIdc)) return '1b';
  return (levelIdc / 10).toFixed(1);
}

/**
 * level_idc 9 is 1b in the High profiles (§A.3.3). level_idc 11 with constraint_set3 is 1b in
 * Baseline/Main/Extended; when the profile is not given we assume one of those, since the other
 * profiles use constraint_set3 for intra-only and level_idc 9 for 1b.
 */
function isLevel1b(levelIdc: number, constraintFlags: number, profileIdc: number | undefined): boolean {
  if (levelIdc === 9) return true;
  if (levelIdc !== 11 || (constraintFlags & CONSTRAINT_SET3) === 0) return false;
  return profileIdc === undefined || LEVEL_1B_VIA_CONSTRAINT_SET3.has(profileIdc);
}
