import { preflight, targetIds, targets, validatePost, type Report } from '../../src/index.js';
import { FileCard } from './file-card.js';
import { mountExplainPanel } from './explain-panel.js';
import { mountUrlPanel } from './url-panel.js';
import { fixInBrowser, isFixable } from './fix-in-browser.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const targetSelect = byId<HTMLSelectElement>('target');
const fileInput = byId<HTMLInputElement>('file-input');
const dropzone = byId<HTMLLabelElement>('dropzone');
const cardsList = byId<HTMLUListElement>('cards');
const postVerdict = byId<HTMLParagraphElement>('post-verdict');

for (const id of targetIds) targetSelect.append(new Option(`${targets[id]!.name} (${id})`, id));
targetSelect.value = 'threads';

type Entry = { card: FileCard; report: Report | null; abort: AbortController | null };
let entries: Entry[] = [];

async function checkFiles(files: File[]): Promise<void> {
  const target = targetSelect.value;
  // Several files on a single-item target are checked as a carousel when the platform has one.
  const effective = files.length > 1 && target === 'threads' ? 'threads-carousel' : target;
  entries = files.map((file) => ({ card: new FileCard(file, { onFix: startFix, onCancel: cancelFix }), report: null, abort: null }));
  cardsList.replaceChildren(...entries.map((e) => e.card.root));
  postVerdict.textContent = '';
  await Promise.all(
    entries.map(async (entry) => {
      try {
        entry.report = await preflight(entry.card.file, { target: effective });
        entry.card.showReport(entry.report, isFixable(entry.report));
      } catch (error) {
        entry.card.showError((error as Error).message);
      }
    }),
  );
  const post = validatePost(files.length, effective);
  const allOk = entries.every((e) => e.report?.ok) && post.ok;
  postVerdict.textContent = `${files.length > 1 ? `Carousel of ${files.length} (${effective})` : targets[effective]!.name}: ${allOk ? 'ready to publish' : 'fix the errors below before publishing'}${post.issues.length ? `. ${post.issues.map((i) => i.message).join(' ')}` : ''}`;
  postVerdict.dataset.verdict = allOk ? 'pass' : 'fail';
}

function startFix(card: FileCard): void {
  const entry = entries.find((e) => e.card === card);
  if (!entry?.report) return;
  entry.abort = new AbortController();
  card.fixStarted();
  fixInBrowser(card.file, entry.report, {
    target: entry.report.target,
    signal: entry.abort.signal,
    onProgress: (p) => card.fixProgress(p.ratio, p.phase),
  })
    .then((r) => card.fixFinished(r))
    .catch((error: Error) => card.fixFinished(error.name === 'AbortError' ? { cancelled: true } : { error: error.message }))
    .finally(() => {
      entry.abort = null;
    });
}

function cancelFix(card: FileCard): void {
  entries.find((e) => e.card === card)?.abort?.abort();
}

fileInput.addEventListener('change', () => {
  if (fileInput.files?.length) void checkFiles([...fileInput.files]);
});
targetSelect.addEventListener('change', () => {
  const files = entries.map((e) => e.card.file);
  if (files.length) void checkFiles(files);
});
dropzone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropzone.classList.add('dragging');
});
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('dragging'));
dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropzone.classList.remove('dragging');
  const files = [...(e.dataTransfer?.files ?? [])];
  if (files.length) void checkFiles(files);
});

mountExplainPanel(byId('explain-form'), byId('explain-input'), byId('explain-result'));
mountUrlPanel(byId('url-form'), byId('url-input'), byId('url-result'), () => targetSelect.value);
