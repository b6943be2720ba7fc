import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { classifyPlatformError } from '../../classify/classify-platform-error.js';
import type { PlatformErrorVerdict, VerdictAction } from '../../classify/verdict.js';
import { exitCodes, UsageError } from '../exit-codes.js';
import { paint, type Terminal } from '../terminal.js';

export const explainHelp = `Usage: media-preflight explain [FILE] [--json] [--header 'Name: value']...

Explains a platform's error answer: reconnect the account, retry later (and how long to wait),
fix the media or post, fix the media URL, resolve it in the platform's app, or fix the app.
Reads FILE, or stdin when FILE is absent or '-' (at most 1 MiB). The payload can be a Graph,
Threads or Instagram error body, a container status object, a TikTok error or publish status,
or the error text itself.

Options:
  --json             the verdict as one JSON document on stdout
  -H, --header H     a response header that came with the payload, e.g. 'Retry-After: 120'
                     or 'X-Business-Use-Case-Usage: {...}' (repeatable)
  -h, --help         show this help

Exit status: 0 explained (whatever the verdict says), 2 usage or I/O error.
`;

/** Payloads are error responses and log lines; a megabyte is far more than any of them. */
export const MAX_EXPLAIN_INPUT_BYTES = 1024 * 1024;

export interface ExplainIo {
  /** Reads stdin, failing past `maxBytes`; injectable so tests need no process. */
  readStdin?: (maxBytes: number) => Promise<Uint8Array | string>;
}

/** An input that could not be read: printed on stderr, exit 2. */
class InputError extends Error {
  override name = 'InputError';
}

const ACTION_WORDS: Record<VerdictAction, string> = {
  reconnect: 'reconnect the account',
  retry: 'retry later, with backoff',
  'fix-input': 'fix the media or the post',
  'fix-url': 'fix the media URL or its hosting',
  'resolve-in-app': "resolve it in the platform's app",
  'fix-app': "fix the app's permissions or review state",
  unknown: 'unknown: do not retry automatically',
};

const NEXT_STEPS: Record<VerdictAction, string> = {
  reconnect: 'Ask the user to reconnect (a new OAuth login). Retrying with the same token fails again.',
  retry: 'Wait at least the time shown, then retry with capped exponential backoff (retryDelay).',
  'fix-input': 'Change the media or the post to meet the spec, then publish a new request. The same payload fails again.',
  'fix-url': 'Serve the media from a public, fast URL that the platform can fetch (no login, no crawler block), then retry.',
  'resolve-in-app': 'The account owner must sign in to the platform app and resolve it. Do not retry automatically.',
  'fix-app': 'Fix the app: permissions, scopes, app review or the account role. Reconnecting or retrying does not help.',
  unknown: 'Keep the raw answer and look at it. Do not retry automatically.',
};

export async function explainCommand(argv: string[], term: Terminal, io: ExplainIo = {}): Promise<number> {
  let values: { json?: boolean; help?: boolean; header?: string[] };
  let positionals: string[];
  let headers: Record<string, string>;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        header: { type: 'string', short: 'H', multiple: true, default: [] },
      },
    }));
    if (values.help) {
      term.out(explainHelp);
      return exitCodes.ok;
    }
    if (positionals.length > 1) throw new UsageError('explain takes at most one FILE');
    headers = parseHeaders(values.header ?? []);
  } catch (error) {
    if (!(error instanceof UsageError) && !String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) throw error;
    term.err(`${paint(term, 'red', 'error')} ${(error as Error).message}\nRun 'media-preflight explain --help' for usage.\n`);
    return exitCodes.usage;
  }

  const file = positionals[0];
  let text: string;
  try {
    const bytes = file === undefined || file === '-' ? await (io.readStdin ?? readNodeStdin)(MAX_EXPLAIN_INPUT_BYTES) : await readCappedFile(file);
    // An injected reader might ignore the cap; check it here as well.
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    if (size > MAX_EXPLAIN_INPUT_BYTES) throw tooLarge(file);
    text = decode(bytes);
    if (text.trim() === '') throw new InputError(`nothing to explain: ${label(file)} is empty`);
  } catch (error) {
    term.err(`${paint(term, 'red', 'error')} ${describeReadError(error, file)}\n`);
    return exitCodes.usage;
  }

  const verdict = classifyPlatformError(parsePayload(text), { headers });
  if (values.json) term.out(`${JSON.stringify(verdict, null, 2)}\n`);
  else term.out(formatVerdict(term, verdict));
  return exitCodes.ok;
}

/** JSON first; anything else is the error text itself. */
function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function formatVerdict(term: Terminal, v: PlatformErrorVerdict): string {
  const colour = v.action === 'retry' ? 'yellow' : v.action === 'unknown' ? 'dim' : 'red';
  const rows: Array<[string, string]> = [
    ['retryable', v.retryable ? 'yes' : 'no (the same request fails again)'],
  ];
  if (v.retryAfterSeconds !== undefined) rows.push(['wait', `at least ${v.retryAfterSeconds} s`]);
  rows.push(['category', v.category]);
  const source = [v.platform, v.code !== undefined ? `code ${v.code}${v.subcode !== undefined ? `/${v.subcode}` : ''}` : undefined,
    v.httpStatus !== undefined ? `HTTP ${v.httpStatus}` : undefined].filter(Boolean).join(', ');
  if (source) rows.push(['source', source]);
  if (v.documentedError) rows.push(['documented', v.documentedError]);
  rows.push(['message', v.message], ['next', NEXT_STEPS[v.action]]);
  const body = rows.map(([k, value]) => `  ${paint(term, 'dim', k.padEnd(10))} ${value}`).join('\n');
  return `${paint(term, 'bold', 'action'.padEnd(12))} ${paint(term, colour, ACTION_WORDS[v.action])}\n${body}\n`;
}

function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw new UsageError(`--header wants 'Name: value', got '${line}'`);
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

async function readNodeStdin(maxBytes: number): Promise<Uint8Array> {
  if (process.stdin.isTTY) throw new InputError("explain reads the payload from stdin: pipe it in, or give FILE");
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      process.stdin.destroy();
      throw tooLarge(undefined);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads at most one byte past the cap, so an oversized file is refused without being read whole. */
async function readCappedFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(MAX_EXPLAIN_INPUT_BYTES + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > MAX_EXPLAIN_INPUT_BYTES) throw tooLarge(path);
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function decode(bytes: Uint8Array | string): string {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(file: string | undefined): InputError {
  return new InputError(`${label(file)} is larger than ${MAX_EXPLAIN_INPUT_BYTES} bytes (1 MiB); error payloads are smaller`);
}

function label(file: string | undefined): string {
  return file === undefined || file === '-' ? 'stdin' : file;
}

function describeReadError(error: unknown, file: string | undefined): string {
  if (error instanceof InputError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `${label(file)}: no such file`;
  if (code === 'EISDIR') return `${label(file)} is a directory`;
  if (code === 'EACCES') return `${label(file)}: permission denied`;
  return `cannot read ${label(file)}: ${(error as Error)?.message ?? String(error)}`;
}
