import { resolveTarget, type TargetInput } from '../targets/targets.js';
import type { Issue } from './issue.js';
import { toIssue } from './rule-context.js';

/**
 * Post-level checks for targets that publish several files as one post (Threads carousel: 2 to 20
 * items). Each file is validated on its own as well.
 */
export function validatePost(itemCount: number, target: TargetInput): { ok: boolean; issues: Issue[] } {
  const profile = resolveTarget(target);
  const rule = profile.items;
  const issues: Issue[] = [];
  if (rule) {
    const { min = 1, max = Infinity } = rule.value;
    if (itemCount < min || itemCount > max) {
      issues.push(
        toIssue(
          {
            code: 'item-count',
            limit: rule,
            message: `A ${profile.name} needs ${min} to ${max} items; this one has ${itemCount}.`,
            expected: `${min}–${max} items`,
            actual: `${itemCount} items`,
            documentedError: null,
            remedy: null,
            fix: itemCount < min ? `Add items to reach ${min}.` : `Remove items to stay within ${max}.`,
          },
          profile,
        ),
      );
    }
  }
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}
