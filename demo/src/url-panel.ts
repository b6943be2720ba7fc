import { checkUrl, type Issue } from '../../src/index.js';
import { describeMedia } from './describe-media.js';
import { h } from './dom.js';

/**
 * Wires the URL check: the crawler's view as far as a browser can see it. Where CORS hides the
 * answer, the report says which facts could not be checked and points to the CLI.
 */
export function mountUrlPanel(form: HTMLFormElement, input: HTMLInputElement, out: HTMLElement, target: () => string): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    out.replaceChildren(h('p', { class: 'hint' }, 'Checking…'));
    // The page itself is served from 127.0.0.1 in tests; the browser's own URL rules apply anyway.
    const allowPrivateNetwork = ['127.0.0.1', 'localhost'].includes(location.hostname);
    checkUrl(input.value, { target: target(), allowPrivateNetwork })
      .then((report) => {
        const errors = report.issues.filter((i) => i.severity === 'error').length;
        // Warnings alone make a report ok, but a URL the browser could not read is not a pass: it is unknown.
        const hidden = report.issues.some((i) => i.code === 'url-cors-blocked');
        const verdict = !report.ok ? 'fail' : hidden ? 'unknown' : 'pass';
        const title = {
          pass: 'PASS: the crawler can fetch it',
          fail: `FAIL: ${errors} error${errors === 1 ? '' : 's'}`,
          unknown: 'NOT CHECKED: this browser could not read the URL (CORS); run the CLI check',
        }[verdict];
        out.replaceChildren(
          h(
            'div',
            { class: `verdict-box ${verdict === 'pass' ? 'ok' : 'bad'}`, 'data-verdict': verdict },
            h('strong', {}, title),
            h('p', { class: 'facts' }, describeMedia(report.media)),
            h('ul', { class: 'issues' }, ...report.issues.map(issueItem)),
          ),
        );
      })
      .catch((error: Error) => out.replaceChildren(h('p', { class: 'issue-error' }, error.message)));
  });
}

function issueItem(i: Issue): HTMLLIElement {
  return h('li', { class: `issue-${i.severity}`, 'data-code': i.code }, h('span', { class: 'sev' }, i.severity === 'error' ? 'Error' : 'Warning'), ` ${i.message}`, h('br'), h('span', { class: 'issue-fix' }, `Fix: ${i.fix}`));
}
