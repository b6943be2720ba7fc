/** Why an image header could not be read. `offset` is the byte where the damage starts, when known. */
export interface ImageProbeFailure {
  reason: 'truncated' | 'corrupt' | 'limit-exceeded';
  message: string;
  offset: number | null;
}

export function imageFailure(reason: ImageProbeFailure['reason'], message: string, offset: number | null): ImageProbeFailure {
  return { reason, message, offset };
}

/** Tells a failure from a parsed result (ImageInfo, byte views and the parsers' own records never carry `reason`). */
export function isImageProbeFailure(value: unknown): value is ImageProbeFailure {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && 'reason' in value && 'message' in value;
}
