import type { TargetProfile } from '../targets/target-profile.js';
import type { Report } from '../validate/report.js';
import { planFix } from './plan-fix.js';
import type { FixPlan, PlanOptions } from './plan-types.js';

/** Headroom on top of how far a too-big output missed: aim 10% under. */
const SHRINK_HEADROOM = 0.9;

export type NextPass = {
  plan: FixPlan;
  /** Run on the original input (a stronger retry) or on the previous output (a second step). */
  from: 'input' | 'output';
  /** The compounded size factor, for the retry after this one. */
  shrink: number;
};

/**
 * What to run after an output that still fails, or null to stop and report it:
 * - still too big after a size-aware encode: encode the original again, smaller by how far it missed;
 * - a packet-boundary trim that still runs long: trim the original frame-exactly;
 * - errors the first report could not show (an MPEG-TS whose frame rate the probe did not learn
 *   until the remux): plan again from the output's own report, and run on the output.
 */
export function nextPass(
  before: Report,
  after: Report,
  last: FixPlan,
  target: TargetProfile,
  options: PlanOptions,
  state: { attempt: number; shrink: number },
): NextPass | null {
  const errors = after.issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return null;
  const attempt = state.attempt + 1;
  const tooBig = errors.find((i) => i.code === 'file-size');
  const sizeAware = last.steps.some((s) => s.why.includes('file-size'));
  const limit = after.media?.kind === 'image' ? target.image?.fileSize?.value.max : target.video?.fileSize?.value.max;
  if (tooBig && sizeAware && limit !== undefined && after.media && after.media.sizeBytes > limit) {
    const shrink = state.shrink * (limit / after.media.sizeBytes) * SHRINK_HEADROOM;
    const plan = planFix(before, target, { ...options, retry: { attempt, shrink } });
    return plan.action === 'refuse' || plan.action === 'none' ? null : { plan, from: 'input', shrink };
  }
  if (errors.some((i) => i.code === 'duration-exceed') && last.trim && !last.trim.exact) {
    const plan = planFix(before, target, { ...options, retry: { attempt, shrink: state.shrink, exactTrim: true } });
    return plan.action === 'refuse' || plan.action === 'none' ? null : { plan, from: 'input', shrink: state.shrink };
  }
  const plan = planFix(after, target, options);
  if (plan.action === 'refuse' || plan.action === 'none') return null;
  // The same work again would give the same output.
  if (plan.args.join('\u0000') === last.args.join('\u0000')) return null;
  return { plan, from: 'output', shrink: state.shrink };
}
