import { readEbmlElementHeader, readEbmlString } from '../containers/ebml-vint.js';

export const EBML_HEADER_ID = 0x1a45dfa3;
const DOCTYPE_ID = 0x4282;
/** The EBML header holds about eight children; walking more than this means damage. */
export const MAX_EBML_HEADER_CHILDREN = 64;

/**
 * Walks the EBML header's children and returns its DocType ("webm", "matroska", ...).
 * Returns 'matroska' when the header has no DocType (the spec's default), and null when the
 * bytes do not start with a well-formed EBML header element.
 */
export function readEbmlDocType(head: Uint8Array): string | null {
  const top = readEbmlElementHeader(head, 0);
  if (!top.ok || top.header.id !== EBML_HEADER_ID) return null;
  const start = top.header.headerLength;
  // An unknown-size EBML header is not allowed; the header must fit what we were given or be cut by it.
  if (top.header.size === null) return null;
  const end = Math.min(start + top.header.size, head.length);
  let o = start;
  for (let i = 0; i < MAX_EBML_HEADER_CHILDREN && o < end; i++) {
    const child = readEbmlElementHeader(head, o, end);
    if (!child.ok || child.header.size === null) break;
    const payload = o + child.header.headerLength;
    if (child.header.id === DOCTYPE_ID) {
      return readEbmlString(head, payload, Math.min(child.header.size, end - payload)) ?? null;
    }
    o = payload + child.header.size;
  }
  return 'matroska';
}
