import {
  containerErrorRules,
  metaCodeRules,
  namedErrorRules,
  type ContainerErrorRule,
  type MetaCodeRule,
  type NamedErrorRule,
} from './known-error-codes.js';

/** The rule for exactly this code and subcode. */
export function findExactMetaRule(code: number | undefined, subcode: number | undefined): MetaCodeRule | undefined {
  if (code === undefined || subcode === undefined) return undefined;
  return metaCodeRules.find((r) => r.subcode === subcode && inRange(r, code));
}

/**
 * The rule for an Instagram 2207xxx subcode whatever the code: these subcodes are unique, and a
 * container's `status` carries only the subcode.
 */
export function findInstagramSubcodeRule(subcode: number | undefined): MetaCodeRule | undefined {
  if (subcode === undefined) return undefined;
  return metaCodeRules.find((r) => r.platform === 'instagram' && r.subcode === subcode);
}

/** The rule for a code on its own (no subcode, or a subcode the table does not know). */
export function findMetaCodeRule(code: number | undefined): MetaCodeRule | undefined {
  if (code === undefined) return undefined;
  // Exact codes before ranges, so 80001 reads "Pages" rather than the generic BUC block; the range
  // also covers codes documented only with a subcode (80000 + 2446079).
  return (
    metaCodeRules.find((r) => r.codeMax === undefined && r.code === code && (r.subcode === undefined || r.codeAlone)) ??
    metaCodeRules.find((r) => r.codeMax !== undefined && r.code <= code && code <= r.codeMax)
  );
}

/** A Threads/Instagram string error code anywhere in the given texts. */
export function findNamedRule(texts: readonly string[]): NamedErrorRule | undefined {
  return namedErrorRules.find((r) => texts.some((t) => t.includes(r.name)));
}

/** A container `error_message`, matched tolerantly: case, spaces, hyphens, Meta's typo and its fix. */
export function findContainerErrorRule(value: string): ContainerErrorRule | undefined {
  const wanted = normaliseEnum(value);
  return containerErrorRules.find((r) => r.value === wanted || r.aliases?.includes(wanted));
}

export function normaliseEnum(value: string): string {
  return value.trim().slice(0, 100).toUpperCase().replace(/[\s-]+/g, '_');
}

function inRange(rule: MetaCodeRule, code: number): boolean {
  return rule.codeMax === undefined ? rule.code === code : rule.code <= code && code <= rule.codeMax;
}
