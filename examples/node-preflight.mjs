// Node preflight step: check a video before handing its URL to the Threads API.
// Run: node examples/node-preflight.mjs fixtures/isobmff/h264-aac.mp4 [target]
import { preflight } from 'media-preflight';

const [path = 'fixtures/isobmff/h264-aac.mp4', target = 'threads'] = process.argv.slice(2);
const report = await preflight(path, { target });

for (const issue of report.issues) {
  console.log(`${issue.severity.padEnd(7)} ${issue.code}: ${issue.message}\n        fix: ${issue.fix}`);
}
console.log(report.ok ? `OK: ${path} is ready for ${target}` : `NOT READY: ${path} would be rejected by ${target}`);
process.exitCode = report.ok ? 0 : 1;
