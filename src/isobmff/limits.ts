/**
 * Hard limits for untrusted ISO-BMFF input. Each is checked before the work or allocation it
 * bounds, so no input can make the probe allocate or loop beyond them.
 */
export const isobmffLimits = {
  /** Bytes of the first read: enough for ftyp + moov of most short clips. */
  headBytes: 64 * 1024,
  /** Bytes read speculatively when hopping to a box whose size is unknown (moov at end). */
  hopReadBytes: 64 * 1024,
  /** Bytes read per hop once the moov is known (fragment headers, trailing boxes). */
  smallHopReadBytes: 4 * 1024,
  /** Largest moov we parse (a 3-hour file's moov is ~10 MB). */
  maxMoovBytes: 64 * 1024 * 1024,
  /** Largest moof we read. */
  maxMoofBytes: 4 * 1024 * 1024,
  /** Top-level boxes walked before giving up (fragmented files have two per fragment). */
  maxTopLevelBoxes: 20_000,
  /** Boxes inside the moov, all levels together. */
  maxBoxesInMoov: 200_000,
  /** Nesting depth inside the moov. */
  maxDepth: 16,
  /** Tracks per file. */
  maxTracks: 64,
  /** Samples per track whose per-sample tables we walk (GOP analysis); more is summarised. */
  maxSamplesWalked: 5_000_000,
  /** Total bytes read from fragment headers. */
  maxFragmentBytes: 32 * 1024 * 1024,
} as const;
