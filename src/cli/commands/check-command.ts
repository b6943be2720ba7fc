import { parseArgs } from 'node:util';
import { isMediaPreflightError } from '../../errors/media-preflight-error.js';
import { preflight } from '../../validate/preflight.js';
import { checkUrl } from '../../url/check-url.js';
import { validatePost } from '../../validate/post-rules.js';
import type { CheckOutput, Report } from '../../validate/report.js';
import { resolveTarget, targetIds } from '../../targets/targets.js';
import { exitCodes, UsageError } from '../exit-codes.js';
import { expandInputs } from '../expand-inputs.js';
import { formatReport } from '../format-report.js';
import { runPool } from '../run-pool.js';
import { paint, type Terminal } from '../terminal.js';

export const checkHelp = `Usage: media-preflight check <file|dir|glob|url>... [--target T] [--json] [--strict]

Checks each input against a platform's published limits and prints a verdict per
file with every issue and its fix. Directories are walked for media files; quoted
globs ('clips/**/*.mp4') are expanded.

Options:
  -t, --target T       target profile (default: threads); see 'media-preflight targets'
      --json           one JSON document on stdout: { "schemaVersion": 1, "reports": [...] }
      --strict         warnings fail too
  -c, --concurrency N  files checked at once (default: 4)
  -h, --help           show this help

URL inputs (http/https) are checked the way Threads' and Instagram's crawler fetches them:
      --allow-private-network  allow loopback/private addresses (testing against local servers)
      --timeout MS             overall budget per URL (default: 20000)
      --user-agent UA          crawler User-Agent (default: facebookexternalhit/1.1)
      --publish-window S       warn when a presigned URL expires within S seconds (default: 3600)
      --skip-robots            do not read robots.txt

Exit status: 0 every input passes, 1 any input has an error-level issue (or a warning
with --strict), 2 usage error or an input that could not be opened.
Targets: ${targetIds.join(', ')}
`;

export async function checkCommand(argv: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string', short: 't', default: 'threads' },
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      concurrency: { type: 'string', short: 'c', default: '4' },
      'allow-private-network': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'user-agent': { type: 'string' },
      'publish-window': { type: 'string' },
      'skip-robots': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    term.out(checkHelp);
    return exitCodes.ok;
  }
  if (positionals.length === 0) throw new UsageError('check needs at least one file, directory, glob or URL');
  const target = (() => {
    try {
      return resolveTarget(values.target);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency takes a whole number from 1 to 64');

  const urlOptions = {
    allowPrivateNetwork: values['allow-private-network'],
    robots: !values['skip-robots'],
    ...(values.timeout !== undefined ? { timeoutMs: positiveNumber(values.timeout, '--timeout') } : {}),
    ...(values['publish-window'] !== undefined ? { publishWindowSeconds: positiveNumber(values['publish-window'], '--publish-window') } : {}),
    ...(values['user-agent'] !== undefined ? { userAgent: values['user-agent'] } : {}),
  };

  const { inputs, missing } = await expandInputs(positionals);
  let status: number = exitCodes.ok;
  for (const m of missing) {
    term.err(`${paint(term, 'red', 'error')} ${m}: no such file, directory or matching path\n`);
    status = exitCodes.usage;
  }
  let done = 0;
  let printed = 0;
  const finished: Array<Report | undefined> = [];
  const progress = term.isErrTTY && inputs.length > 1;
  const reports = await runPool(inputs, concurrency, async (input, index): Promise<Report> => {
    const report = /^https?:\/\//i.test(input) ? await checkUrl(input, { target: target.id, ...urlOptions }) : await checkOne(input, target.id, term);
    done++;
    finished[index] = report;
    if (progress) term.err(`\r\u001b[2K[${done}/${inputs.length}] ${input}`);
    // Stream verdicts in input order: print every finished report at the front of the queue.
    while (!values.json && finished[printed]) {
      if (progress) term.err('\r\u001b[2K');
      term.out(formatReport(term, finished[printed]!, values.strict));
      printed++;
    }
    return report;
  });
  if (progress) term.err('\r\u001b[2K');

  const post = target.items ? validatePost(reports.length, target) : undefined;
  if (values.json) {
    const doc: CheckOutput = { schemaVersion: 1, reports, ...(post ? { post } : {}) };
    term.out(JSON.stringify(doc, null, 2) + '\n');
  } else {
    if (post) for (const i of post.issues) term.out(`${paint(term, 'red', 'FAIL')} post: ${i.message}\n`);
    term.out(summary(term, reports, values.strict));
  }
  const failed = reports.some((r) => !r.ok || (values.strict && r.issues.length > 0)) || (post && !post.ok);
  // A file that could not be opened is an I/O error (2); a URL the crawler cannot fetch is a finding (1).
  if (reports.some((r) => r.media === null && !r.issues.some((i) => i.code.startsWith('url-')))) status = exitCodes.usage;
  return status === exitCodes.usage ? status : failed ? exitCodes.findings : exitCodes.ok;
}

function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number`);
  return n;
}

/** Opening errors (missing file, HTTP 404) become a report with no media and one issue. */
async function checkOne(input: string, target: string, term: Terminal): Promise<Report> {
  try {
    return await preflight(input, { target });
  } catch (error) {
    if (!isMediaPreflightError(error)) throw error;
    term.err(`${paint(term, 'red', 'error')} ${input}: ${error.message}\n`);
    return {
      input,
      target,
      ok: false,
      media: null,
      issues: [
        {
          code: 'file-unreadable',
          severity: 'error',
          message: `The input could not be opened: ${error.message}`,
          expected: 'a readable file or URL',
          actual: error.code,
          documentedError: /^https?:/i.test(input) ? 'media-fetch-failed' : null,
          platformError: null,
          remedy: null,
          fix: 'Check the path or URL.',
          source: null,
          trackId: null,
        },
      ],
    };
  }
}

function summary(term: Terminal, reports: Report[], strict: boolean): string {
  const failed = reports.filter((r) => !r.ok || (strict && r.issues.length > 0)).length;
  const warned = reports.filter((r) => r.ok && r.issues.length > 0).length;
  const passed = reports.length - failed;
  const parts = [paint(term, failed ? 'red' : 'green', `${passed} passed, ${failed} failed`)];
  if (warned && !strict) parts.push(`${warned} with warnings`);
  return `\n${parts.join(', ')} (${reports.length} file${reports.length === 1 ? '' : 's'})\n`;
}
