import { parseArgs } from 'node:util';
import { resolveTarget, targetIds, targets } from '../../targets/targets.js';
import type { TargetProfile } from '../../targets/target-profile.js';
import { exitCodes, UsageError } from '../exit-codes.js';
import { paint, type Terminal } from '../terminal.js';

export const targetsHelp = `Usage: media-preflight targets [T] [--json]

Lists the targets, or prints one target's limits with the severity and the source of each.

Options:
  --json     print the profile(s) as JSON
  -h, --help show this help
`;

export async function targetsCommand(argv: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    term.out(targetsHelp);
    return exitCodes.ok;
  }
  const chosen = positionals.length > 0 ? positionals.map((id) => {
    try {
      return resolveTarget(id);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }) : null;
  if (values.json) {
    term.out(JSON.stringify(chosen ?? Object.values(targets), null, 2) + '\n');
    return exitCodes.ok;
  }
  if (!chosen) {
    for (const id of targetIds) {
      const t = targets[id]!;
      term.out(`${paint(term, 'bold', id.padEnd(22))} ${t.name} (${t.accepts.join(' and ')})\n`);
    }
    return exitCodes.ok;
  }
  for (const t of chosen) term.out(formatTarget(term, t));
  return exitCodes.ok;
}

function formatTarget(term: Terminal, t: TargetProfile): string {
  const lines = [paint(term, 'bold', `${t.id}: ${t.name}`)];
  const section = (name: string, rules: Record<string, unknown> | undefined) => {
    if (!rules) return;
    lines.push(`  ${name}`);
    for (const [key, limit] of Object.entries(rules)) {
      const l = limit as { value: unknown; severity: string; source: { url: string; retrieved: string; note?: string } };
      lines.push(`    ${key.padEnd(24)} ${JSON.stringify(l.value)}  ${paint(term, l.severity === 'error' ? 'red' : 'yellow', l.severity)}`);
      lines.push(paint(term, 'dim', `${' '.repeat(29)}${l.source.url} (${l.source.retrieved})${l.source.note ? ` ${l.source.note}` : ''}`));
    }
  };
  section('video', t.video as Record<string, unknown> | undefined);
  section('image', t.image as Record<string, unknown> | undefined);
  if (t.items) section('post', { items: t.items });
  for (const n of t.notes) lines.push(paint(term, 'dim', `  note: ${n}`));
  return lines.join('\n') + '\n';
}
