/** Recognises HTML, XML and plain text from the first bytes. */

export type TextualSniff = 'html' | 'xml' | 'text' | null;

/** Characters of decoded text we look at: enough for a BOM, whitespace, an XML declaration and a doctype. */
export const TEXT_MARKUP_WINDOW = 1024;

/** Decodes the head as text when it is text: UTF-8 (BOM optional) or UTF-16 with a BOM. */
function decodeText(head: Uint8Array, cut: boolean): string | null {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    const le = head[0] === 0xff;
    const even = head.length - (head.length % 2);
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(head.subarray(2, even));
    return isPrintable(text) ? text : null;
  }
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const end = cut ? withoutCutSequence(head) : head.length;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(bom, end));
    return isPrintable(text) ? text : null;
  } catch {
    return null; // invalid UTF-8: binary
  }
}

/** When the head was cut from a longer file, drop a multi-byte character the cut split. */
function withoutCutSequence(head: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= head.length; back++) {
    const byte = head[head.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? head.length - back : head.length;
    }
    return head.length;
  }
  return head.length;
}

/** Text has no control characters other than tab, newlines, form feed and escape. */
function isPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) return false;
    if (c === 0x7f) return false;
  }
  return true;
}

export function sniffTextual(head: Uint8Array, fileSize: number): TextualSniff {
  if (head.length === 0) return null;
  const text = decodeText(head, head.length < fileSize);
  if (text === null) return null;
  const start = text.slice(0, TEXT_MARKUP_WINDOW).trimStart().toLowerCase();
  if (isHtmlStart(start)) return 'html';
  if (start.startsWith('<?xml')) {
    // XHTML: an XML declaration followed by an HTML doctype or root.
    const declarationEnd = start.indexOf('?>');
    if (declarationEnd >= 0 && isHtmlStart(start.slice(declarationEnd + 2).trimStart())) return 'html';
    return 'xml';
  }
  return 'text';
}

function isHtmlStart(lower: string): boolean {
  return lower.startsWith('<!doctype html') || lower.startsWith('<html');
}
