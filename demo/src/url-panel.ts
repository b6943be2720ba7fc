import { preflight } from '../../src/index.js';
import { describeMedia } from './describe-media.js';
import { h } from './dom.js';

/**
 * Wires the URL check. Until the crawler-view check lands in the library this probes the URL
 * through range reads (which already needs CORS) and validates it.
 */
export function mountUrlPanel(form: HTMLFormElement, input: HTMLInputElement, out: HTMLElement, target: () => string): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    out.replaceChildren(h('p', { class: 'hint' }, 'Checking…'));
    preflight(input.value, { target: target() })
      .then((report) => {
        out.replaceChildren(
          h('div', { class: `verdict-box ${report.ok ? 'ok' : 'bad'}`, 'data-verdict': report.ok ? 'pass' : 'fail' },
            h('strong', {}, report.ok ? 'PASS' : 'FAIL'),
            h('p', { class: 'facts' }, describeMedia(report.media)),
            h('ul', { class: 'issues' }, ...report.issues.map((i) => h('li', { class: `issue-${i.severity}`, 'data-code': i.code }, i.message)))),
        );
      })
      .catch((error: Error) => out.replaceChildren(h('p', { class: 'issue-error' }, error.message)));
  });
}
