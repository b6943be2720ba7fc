import { classifyPlatformError } from '../../src/index.js';
import { h } from './dom.js';

const ACTION_TEXT: Record<string, string> = {
  reconnect: 'Reconnect the account',
  retry: 'Retry later',
  'fix-input': 'Fix the media or post',
  'fix-url': 'Fix the media URL (hosting)',
  'resolve-in-app': 'Resolve it in the app',
  'fix-app': 'Fix the app (permissions, review)',
  unknown: 'Not recognised',
};

/** Wires the "explain a platform error" box. */
export function mountExplainPanel(form: HTMLFormElement, input: HTMLTextAreaElement, out: HTMLElement): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    let payload: unknown = text;
    try {
      payload = JSON.parse(text);
    } catch {
      // Plain text is a valid input too.
    }
    const v = classifyPlatformError(payload);
    out.replaceChildren(
      h(
        'dl',
        { class: `verdict-box ${v.retryable ? 'ok' : 'bad'}`, 'data-action': v.action },
        h('dt', {}, 'What to do'),
        h('dd', {}, ACTION_TEXT[v.action] ?? v.action),
        h('dt', {}, 'Retry the same request?'),
        h('dd', {}, v.retryable ? `Yes${v.retryAfterSeconds ? `, after ${v.retryAfterSeconds} s` : ', with backoff'}` : 'No: it would fail again'),
        h('dt', {}, 'Why'),
        h('dd', {}, v.message),
      ),
    );
  });
}
