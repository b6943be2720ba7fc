import { phraseRules, type PhraseRule } from './known-error-codes.js';

/** The first documented phrase found in already lower-cased, already capped text. */
export function findPhraseRule(lowerText: string): PhraseRule | undefined {
  return phraseRules.find((r) => r.pattern.test(lowerText));
}
