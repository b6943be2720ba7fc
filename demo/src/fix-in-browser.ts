// The browser fix: plan from the report, run ffmpeg.wasm in a Web Worker, re-check the output.
// The core's files are served by this app (Vite turns these imports into asset URLs): no CDN.
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import type { Report } from '../../src/index.js';
import type { FixEngine } from '../../src/ffmpeg-browser.js';

export type BrowserFixProgress = { phase: string; ratio: number };

/** True when the report has errors the fixer can act on. */
export function isFixable(report: Report): boolean {
  return report.issues.some((i) => i.severity === 'error' && i.remedy !== null);
}

let engine: FixEngine | null = null;

/** Loads the fixer (and the 32 MB core) only when a Fix button is pressed. */
async function getEngine(): Promise<{ engine: FixEngine; fix: typeof import('../../src/ffmpeg-browser.js').fix }> {
  const lib = await import('../../src/ffmpeg-browser.js');
  engine ??= lib.createWasmBrowserEngine({ coreURL, wasmURL });
  return { engine, fix: lib.fix };
}

export async function fixInBrowser(
  file: File,
  _report: Report,
  options: { target: string; signal: AbortSignal; onProgress: (p: BrowserFixProgress) => void },
): Promise<{ output: Blob; name: string; after: Report }> {
  const { engine, fix } = await getEngine();
  const result = await fix(file, { target: options.target, engine, signal: options.signal, onProgress: options.onProgress, preset: 'ultrafast' });
  if (result.plan.action === 'refuse') throw new Error(result.plan.refused?.message ?? 'this file cannot be fixed automatically');
  if (!result.outputBytes || !result.after) throw new Error('the fix produced no output');
  const ext = result.plan.outputExtension;
  const type = ext === 'mp4' ? 'video/mp4' : ext === 'png' ? 'image/png' : 'image/jpeg';
  const name = `${file.name.replace(/\.[^.]+$/, '')}.fixed.${ext}`;
  return { output: new Blob([result.outputBytes as Uint8Array<ArrayBuffer>], { type }), name, after: result.after };
}
