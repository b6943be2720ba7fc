import type { Issue, Report } from '../../src/index.js';
import { describeMedia } from './describe-media.js';
import { h } from './dom.js';

export type CardHandlers = {
  /** Starts a browser fix; the card shows progress and the result. Absent when nothing is fixable. */
  onFix?: (card: FileCard) => void;
  onCancel?: (card: FileCard) => void;
};

/** One checked file: verdict, facts, issues with fixes, and the fix controls. */
export class FileCard {
  readonly root: HTMLLIElement;
  private readonly badge = h('span', { class: 'badge busy' }, 'checking');
  private readonly facts = h('p', { class: 'facts' });
  private readonly issues = h('ul', { class: 'issues' });
  private readonly actions = h('div', { class: 'actions' });
  private readonly progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': 'Fix progress' });
  private readonly status = h('span', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  private readonly fixButton = h('button', { type: 'button', class: 'fix', hidden: true }, 'Fix');
  private readonly cancelButton = h('button', { type: 'button', class: 'secondary cancel', hidden: true }, 'Cancel');
  private readonly result = h('div', { class: 'result-media' });

  constructor(readonly file: File, handlers: CardHandlers) {
    this.root = h(
      'li',
      { class: 'card', 'data-file': file.name },
      h('div', { class: 'card-head' }, this.badge, h('span', { class: 'card-name' }, file.name)),
      this.facts,
      this.issues,
      this.actions,
      this.result,
    );
    this.actions.append(this.fixButton, this.cancelButton, this.progress, this.status);
    this.fixButton.addEventListener('click', () => handlers.onFix?.(this));
    this.cancelButton.addEventListener('click', () => handlers.onCancel?.(this));
  }

  showReport(report: Report, fixable: boolean): void {
    const errors = report.issues.filter((i) => i.severity === 'error').length;
    const warnings = report.issues.length - errors;
    this.badge.className = `badge ${errors ? 'fail' : warnings ? 'warn' : 'pass'}`;
    this.badge.textContent = errors ? 'FAIL' : 'PASS';
    this.root.dataset.verdict = errors ? 'fail' : 'pass';
    this.facts.textContent = describeMedia(report.media);
    this.issues.replaceChildren(...report.issues.map(issueItem));
    this.fixButton.hidden = !fixable || report.ok;
  }

  showError(message: string): void {
    this.badge.className = 'badge fail';
    this.badge.textContent = 'ERROR';
    this.root.dataset.verdict = 'error';
    this.facts.textContent = message;
  }

  fixStarted(): void {
    this.fixButton.disabled = true;
    this.cancelButton.hidden = false;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.result.replaceChildren();
  }

  fixProgress(ratio: number, phase: string): void {
    this.progress.value = ratio;
    this.status.textContent = `${phase} ${Math.round(ratio * 100)} %`;
    this.root.dataset.progress = String(Math.round(ratio * 100));
  }

  fixFinished(outcome: { output: Blob; name: string; after: Report } | { cancelled: true } | { error: string }): void {
    this.cancelButton.hidden = true;
    this.fixButton.disabled = false;
    if ('cancelled' in outcome) {
      this.progress.hidden = true;
      this.status.textContent = 'Fix cancelled.';
      this.root.dataset.fix = 'cancelled';
      return;
    }
    if ('error' in outcome) {
      this.status.textContent = `Fix failed: ${outcome.error}`;
      this.root.dataset.fix = 'failed';
      return;
    }
    const { output, name, after } = outcome;
    this.root.dataset.fix = after.ok ? 'passed' : 'still-failing';
    this.status.textContent = after.ok ? 'Fixed: the new file passes.' : 'Fixed file still has errors (see below).';
    const url = URL.createObjectURL(output);
    const preview = output.type.startsWith('image/')
      ? h('img', { src: url, alt: `Fixed ${name}` })
      : h('video', { src: url, controls: true, playsinline: true, 'aria-label': `Fixed ${name}` });
    const link = h('a', { href: url, download: name, class: 'download' }, `Download ${name}`);
    const afterCard = h('div', { class: `verdict-box ${after.ok ? 'ok' : 'bad'}` }, h('strong', {}, after.ok ? 'Re-check: PASS' : 'Re-check: FAIL'), h('p', { class: 'facts' }, describeMedia(after.media)), h('ul', { class: 'issues' }, ...after.issues.map(issueItem)));
    this.result.replaceChildren(afterCard, preview, h('p', {}, link));
  }
}

function issueItem(issue: Issue): HTMLLIElement {
  return h(
    'li',
    { class: `issue-${issue.severity}`, 'data-code': issue.code },
    h('span', { class: 'sev' }, issue.severity === 'error' ? 'Error' : 'Warning'),
    ` ${issue.message}`,
    h('br'),
    h('span', { class: 'issue-fix' }, `Fix: ${issue.fix}`),
  );
}
