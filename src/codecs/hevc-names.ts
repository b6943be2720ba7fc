/**
 * HEVC profile and level names as ffprobe prints them. Every range-extension profile (Main 12,
 * Main 4:2:2 10, Main 4:4:4, ...) is general_profile_idc 4, which ffmpeg names "Rext".
 */

const PROFILE_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'Main'],
  [2, 'Main 10'],
  [3, 'Main Still Picture'],
  [4, 'Rext'],
  // Names from newer ffmpeg (7.1); Debian's ffmpeg 5.1 prints "unknown" for these.
  [6, 'Multiview Main'],
  [9, 'Scc'],
]);

/**
 * ffprobe's profile name for general_profile_idc, or null where ffprobe says "unknown".
 * `compatibilityFlags` is general_profile_compatibility_flags as the 32-bit big-endian word stored in
 * hvcC / the SPS, so flag j is bit (31 - j). Like ffmpeg, a profile_idc of 0 falls back to the highest
 * flagged compatible profile.
 */
export function hevcProfileName(profileIdc: number, compatibilityFlags?: number): string | null {
  let idc = profileIdc;
  if (idc === 0 && compatibilityFlags !== undefined) {
    for (let j = 1; j < 32; j++) {
      if (((compatibilityFlags >>> (31 - j)) & 1) === 1) idc = j;
    }
  }
  return PROFILE_NAMES.get(idc) ?? null;
}

/**
 * general_level_idc is 30 × the level number (93 → 3.1). ffprobe prints the raw level_idc.
 * Null for 0 (not signalled).
 */
export function hevcLevel(levelIdc: number): number | null {
  if (levelIdc <= 0) return null;
  // Real levels are multiples of 3; round to one decimal there so 93 → 3.1 exactly, not 3.0999….
  return levelIdc % 3 === 0 ? Math.round(levelIdc / 3) / 10 : levelIdc / 30;
}
