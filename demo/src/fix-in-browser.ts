import type { Report } from '../../src/index.js';

export type BrowserFixProgress = { phase: string; ratio: number };

/** True when the report has errors the fixer can act on. */
export function isFixable(report: Report): boolean {
  return report.issues.some((i) => i.severity === 'error' && i.remedy !== null);
}

/** Placeholder until the browser fixer lands. */
export async function fixInBrowser(
  _file: File,
  _report: Report,
  _options: { target: string; signal: AbortSignal; onProgress: (p: BrowserFixProgress) => void },
): Promise<{ output: Blob; name: string; after: Report }> {
  throw new Error('the browser fixer is not wired yet');
}
