// Runs in a fresh `node` (as plain JS: run.ts transpiles it into bench/.work/) so the peak RSS it
// prints belongs to one probe alone, without tsx's loader. Usage: rss-child.js TOOL FILE, where
// TOOL is media-preflight or mediabunny, optionally with "--import-only" for the baseline.
const [tool, path, flag] = process.argv.slice(2);
const importOnly = flag === '--import-only';

if (tool === 'media-preflight' && path) {
  // Only the tool being measured is loaded, so neither pays for the other's code.
  const { probe } = await import('../../dist/index.js');
  if (!importOnly) await probe(path);
} else if (tool === 'mediabunny' && path) {
  const { probeWithMediabunny } = await import('./mediabunny-probe.js');
  if (!importOnly) await probeWithMediabunny(path);
} else {
  throw new Error('usage: rss-child.js media-preflight|mediabunny FILE [--import-only]');
}
// maxRSS is in KiB on Linux.
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
