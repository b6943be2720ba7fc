import type { Report } from '../validate/report.js';
import type { Issue } from '../validate/issue.js';
import { paint, type Terminal } from './terminal.js';

/** A verdict per file, then each issue with its message and fix. */
export function formatReport(term: Terminal, report: Report, strict: boolean): string {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const failed = errors > 0 || (strict && warnings > 0);
  const verdict = failed ? paint(term, 'red', 'FAIL') : warnings > 0 ? paint(term, 'yellow', 'PASS') : paint(term, 'green', 'PASS');
  const summary = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  const facts = describe(report);
  const lines = [`${verdict} ${paint(term, 'bold', report.input)}${facts ? paint(term, 'dim', `  ${facts}`) : ''}${summary ? `  (${summary})` : ''}`];
  for (const issue of report.issues) lines.push(...formatIssue(term, issue));
  return lines.join('\n') + '\n';
}

function formatIssue(term: Terminal, issue: Issue): string[] {
  const tag = issue.severity === 'error' ? paint(term, 'red', 'error  ') : paint(term, 'yellow', 'warning');
  const platform = issue.platformError ? paint(term, 'dim', ` [${issue.platformError}]`) : '';
  return [`  ${tag} ${issue.code}: ${issue.message}${platform}`, paint(term, 'dim', `          fix: ${issue.fix}`)];
}

function describe(report: Report): string {
  const m = report.media;
  if (!m) return '';
  const v = m.video;
  const a = m.audio;
  const parts = [
    m.container.format,
    v ? `${v.codec} ${v.displayWidth}x${v.displayHeight}${v.frameRate ? ` ${Math.round(v.frameRate * 100) / 100}fps` : ''}` : null,
    a ? `${a.codec} ${a.sampleRate ? `${a.sampleRate / 1000}kHz` : ''}${a.channels ? ` ${a.channels}ch` : ''}`.trim() : null,
    m.image ? `${m.image.width}x${m.image.height}` : null,
    m.durationSeconds !== null ? `${Math.round(m.durationSeconds * 100) / 100}s` : null,
  ];
  return parts.filter(Boolean).join(', ');
}
