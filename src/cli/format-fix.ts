import type { FixResult } from '../fix/fix-types.js';
import type { FixPlan } from '../fix/plan-types.js';
import { formatReport } from './format-report.js';
import { paint, type Terminal } from './terminal.js';

/** The plan before it runs: the action, then each step with the issue codes it clears. */
export function formatFixPlan(term: Terminal, input: string, plan: FixPlan): string {
  if (plan.action === 'refuse') {
    return `${paint(term, 'red', 'REFUSED')} ${paint(term, 'bold', input)} (${plan.refused?.reason}): ${plan.refused?.message}\n`;
  }
  if (plan.action === 'none') return `${paint(term, 'green', 'NOTHING TO FIX')} ${paint(term, 'bold', input)}: no error-level issues.\n`;
  const lines = [`${paint(term, 'bold', 'Plan')} for ${paint(term, 'bold', input)}: ${plan.action} (${plan.engine} engine)`];
  plan.steps.forEach((s, n) => {
    const why = s.why.length > 0 ? paint(term, 'dim', `  [${s.why.join(', ')}]`) : '';
    lines.push(`  ${n + 1}. ${s.what}${why}`);
  });
  return lines.join('\n') + '\n';
}

/** The outcome: the output's verdict with its issues, and any retries. */
export function formatFixResult(term: Terminal, result: FixResult): string {
  const lines: string[] = [];
  for (const [n, pass] of result.passes.slice(1).entries()) {
    lines.push(`${paint(term, 'yellow', 'RETRY')} ${n + 2}: ${pass.plan.action}: ${pass.plan.steps.map((s) => s.what).join('; ')}`);
  }
  if (result.after) lines.push(formatReport(term, result.after, false).trimEnd());
  const time = `${result.seconds.toFixed(1)} s`;
  if (result.ok && result.plan.action === 'none') {
    lines.push(paint(term, 'green', result.output ? `Already passes; copied to ${result.output}` : 'Already passes; nothing written'));
  } else if (result.ok) lines.push(paint(term, 'green', `Fixed: ${result.output ?? 'in memory'} (${time})`));
  else if (result.plan.action !== 'refuse') lines.push(paint(term, 'red', `The output still fails ${result.before.target}${result.output ? ` (kept at ${result.output})` : ''} (${time})`));
  return lines.join('\n') + '\n';
}
