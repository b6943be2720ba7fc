/**
 * Property readers for untrusted values: never throw (getters and proxies can), never coerce
 * anything but numeric strings, which Meta sometimes sends for codes.
 */

export type Fields = Record<string, unknown>;

/** The value when it is a non-null, non-array object. */
export function asFields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

export function field(value: unknown, key: string): unknown {
  const object = asFields(value);
  if (!object) return undefined;
  try {
    return object[key];
  } catch {
    return undefined;
  }
}

export function stringField(value: unknown, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}

/** A finite integer, or a string of one (`"190"`). */
export function integerField(value: unknown, key: string): number | undefined {
  return toInteger(field(value, key));
}

export function toInteger(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Cuts text quoted back to people, so a huge message cannot make a huge verdict. */
export function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
