// Whole-process entry for the URL bench: checks one URL (loopback, so private networks allowed)
// and prints the facts as JSON. Bundled with esbuild into bench/.work/url/ before timing.
import { checkUrlDetailed } from '../../src/url/check-url.js';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: check-url-process URL\n');
  process.exit(2);
}
const { report, facts } = await checkUrlDetailed(url, { allowPrivateNetwork: true, robots: false, timeoutMs: 120_000 });
process.stdout.write(`${JSON.stringify({ ok: report.ok, codes: report.issues.map((i) => i.code), durationSeconds: report.media?.durationSeconds ?? null, facts })}\n`);
