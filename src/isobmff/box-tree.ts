import { isBoxHeaderProblem, printable, readBoxHeader } from './box-header.js';
import { isobmffLimits } from './limits.js';

/** A box found inside a buffer: `start` and `end` index into that buffer; `payload` skips the header. */
export type BoxRef = { type: string; start: number; end: number; payload: Uint8Array };

export type BoxTreeProblem = { offset: number; message: string; kind: 'corrupt-box' | 'limit-exceeded' };

/** Boxes whose payload is only child boxes, for the parts of the moov and moof we read. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'mvex', 'dinf', 'moof', 'traf']);

/** A box and, for containers, its children; built with a budget so hostile nesting cannot blow up. */
export type BoxNode = BoxRef & { children: BoxNode[] };

/**
 * Parses the child tree of one box held whole in `bytes` (which starts at file offset `base`).
 * Only known containers are descended into; counts and depth are capped.
 */
export function parseBoxTree(bytes: Uint8Array, base: number): BoxNode | BoxTreeProblem {
  const budget = { boxes: 0 };
  const root = readBoxHeader(bytes, 0, base, base + bytes.length);
  if (isBoxHeaderProblem(root)) return { offset: root.offset, message: root.message, kind: 'corrupt-box' };
  const node: BoxNode = {
    type: root.type,
    start: 0,
    end: Math.min(bytes.length, root.size),
    payload: bytes.subarray(root.headerSize, Math.min(bytes.length, root.size)),
    children: [],
  };
  const problem = fillChildren(bytes, base, node, root.headerSize, 1, budget);
  return problem ?? node;
}

function fillChildren(
  bytes: Uint8Array,
  base: number,
  node: BoxNode,
  childrenStart: number,
  depth: number,
  budget: { boxes: number },
): BoxTreeProblem | undefined {
  if (depth > isobmffLimits.maxDepth) {
    return { offset: base + node.start, message: `boxes nested deeper than ${isobmffLimits.maxDepth} levels`, kind: 'limit-exceeded' };
  }
  let at = node.start + childrenStart;
  while (at < node.end) {
    if (node.end - at < 8) {
      // Some muxers pad a container with up to 4 zero bytes; anything else is damage.
      if (bytes.subarray(at, node.end).every((b) => b === 0)) return undefined;
      return { offset: base + at, message: `${node.end - at} stray bytes at the end of '${printable(node.type)}'`, kind: 'corrupt-box' };
    }
    if (++budget.boxes > isobmffLimits.maxBoxesInMoov) {
      return { offset: base + at, message: `more than ${isobmffLimits.maxBoxesInMoov} boxes`, kind: 'limit-exceeded' };
    }
    const h = readBoxHeader(bytes, at, base, base + node.end);
    if (isBoxHeaderProblem(h)) return { offset: h.offset, message: h.message, kind: 'corrupt-box' };
    const end = at + h.size;
    if (end > node.end) {
      return {
        offset: base + at,
        message: `box '${printable(h.type)}' at offset ${base + at} runs past the end of its parent '${printable(node.type)}'`,
        kind: 'corrupt-box',
      };
    }
    const child: BoxNode = { type: h.type, start: at, end, payload: bytes.subarray(at + h.headerSize, end), children: [] };
    node.children.push(child);
    if (CONTAINERS.has(h.type)) {
      const problem = fillChildren(bytes, base, child, h.headerSize, depth + 1, budget);
      if (problem) return problem;
    }
    at = end;
  }
  return undefined;
}

/** First child of `type`, or undefined. */
export function child(node: BoxNode | undefined, type: string): BoxNode | undefined {
  return node?.children.find((c) => c.type === type);
}

/** Follows a path of child types: `path(trak, 'mdia', 'minf', 'stbl')`. */
export function path(node: BoxNode | undefined, ...types: string[]): BoxNode | undefined {
  let n = node;
  for (const t of types) n = child(n, t);
  return n;
}

export function children(node: BoxNode | undefined, type: string): BoxNode[] {
  return node ? node.children.filter((c) => c.type === type) : [];
}
