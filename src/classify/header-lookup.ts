import { asFields } from './read-field.js';

/** Case-insensitive header access over a `Headers` object or a plain record. */
export type HeaderLookup = (name: string) => string | undefined;

/** Plain records are scanned key by key; this bounds the scan for absurd objects. */
const MAX_RECORD_KEYS = 1000;

export function headerLookup(headers: unknown): HeaderLookup | undefined {
  try {
    if (typeof Headers !== 'undefined' && headers instanceof Headers) {
      return (name) => headers.get(name) ?? undefined;
    }
    const getter = (headers as { get?: unknown } | null)?.get;
    if (typeof getter === 'function' && typeof (headers as { has?: unknown }).has === 'function') {
      // A Headers look-alike from another realm or a fetch polyfill.
      return (name) => {
        try {
          const v = (getter as (n: string) => unknown).call(headers, name);
          return typeof v === 'string' ? v : undefined;
        } catch {
          return undefined;
        }
      };
    }
    const record = asFields(headers);
    if (!record) return undefined;
    const keys = Object.keys(record).slice(0, MAX_RECORD_KEYS);
    return (name) => {
      const wanted = name.toLowerCase();
      for (const key of keys) {
        if (key.toLowerCase() !== wanted) continue;
        const v = record[key];
        if (typeof v === 'string') return v;
        // Node's IncomingHttpHeaders keeps repeated headers as arrays.
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
        if (typeof v === 'number') return String(v);
      }
      return undefined;
    };
  } catch {
    return undefined;
  }
}
