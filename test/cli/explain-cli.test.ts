import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlatformErrorVerdictSchema } from '../../src/classify/verdict.js';
import { explainCommand, explainHelp, MAX_EXPLAIN_INPUT_BYTES } from '../../src/cli/commands/explain-command.js';
import type { Terminal } from '../../src/cli/terminal.js';

/**
 * The dispatcher (src/cli/main.ts) does not route `explain` yet, so these tests drive
 * `explainCommand` the way main does, with a terminal that records both streams; the last block
 * runs it in a real process to cover reading the real stdin.
 */

function fakeTerminal(color = false): Terminal & { stdout: string; stderr: string } {
  const term = {
    stdout: '',
    stderr: '',
    color,
    isErrTTY: false,
    out: (t: string) => { term.stdout += t; },
    err: (t: string) => { term.stderr += t; },
  };
  return term;
}

async function explain(argv: string[], stdin?: string | Uint8Array, color = false) {
  const term = fakeTerminal(color);
  let stdinReads = 0;
  const status = await explainCommand(argv, term, {
    readStdin: async () => {
      stdinReads++;
      if (stdin === undefined) throw new Error('stdin was not expected to be read');
      return stdin;
    },
  });
  return { status, stdout: term.stdout, stderr: term.stderr, stdinReads };
}

const tmp = mkdtempSync(join(tmpdir(), 'mp-explain-'));
const threadsExample = '{"status":"ERROR","id":"17889615691921648","error_message":"FAILED_DOWNLOADING_VIDEO"}';
const threadsFile = join(tmp, 'threads-error.json');
writeFileSync(threadsFile, threadsExample);

describe('media-preflight explain', () => {
  it('explains a JSON payload from stdin for people', async () => {
    const r = await explain([], '{"error":{"message":"Error validating access token","type":"OAuthException","code":190,"error_subcode":463}}');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdinReads).toBe(1);
    expect(r.stdout).toMatch(/^action\s+reconnect the account$/m);
    expect(r.stdout).toMatch(/retryable\s+no/);
    expect(r.stdout).toMatch(/next\s+Ask the user to reconnect/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it("reads stdin for '-' and a file for FILE, with the same verdict", async () => {
    const fromDash = await explain(['-', '--json'], threadsExample);
    const fromFile = await explain([threadsFile, '--json']);
    expect(fromDash.stdinReads).toBe(1);
    expect(fromFile.stdinReads).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toEqual(JSON.parse(fromDash.stdout));
  });

  it('prints only the verdict document on stdout with --json, valid against the schema', async () => {
    const r = await explain(['--json', threadsFile]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const verdict = PlatformErrorVerdictSchema.parse(JSON.parse(r.stdout));
    expect(verdict).toMatchObject({ action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed', platform: 'threads' });
    expect(verdict.raw).toEqual(JSON.parse(threadsExample));
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('exits 0 for a fix-input verdict: explaining succeeded', async () => {
    const r = await explain(['--json'], '{"error":{"message":"The video format is not supported.","type":"OAuthException","code":352,"error_subcode":2207026}}');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ action: 'fix-input', documentedError: 'video-format' });
  });

  it('falls back to plain text when the payload is not JSON', async () => {
    const r = await explain(['--json'], 'Threads: session has been invalidated\n');
    expect(JSON.parse(r.stdout)).toMatchObject({ action: 'reconnect', raw: 'Threads: session has been invalidated\n' });
    const bom = await explain(['--json'], new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"error":{"code":4,"message":"x"}}')]));
    expect(JSON.parse(bom.stdout)).toMatchObject({ action: 'retry', code: 4 });
  });

  it('shows the wait, taking headers from --header', async () => {
    const r = await explain(['-H', 'Retry-After: 120'], '{"error":{"code":4,"message":"(#4) Application request limit reached"}}');
    expect(r.stdout).toMatch(/^action\s+retry later, with backoff$/m);
    expect(r.stdout).toMatch(/wait\s+at least 120 s/);
    const buc = await explain(['--json', '--header', 'X-Business-Use-Case-Usage: {"1":[{"type":"pages","estimated_time_to_regain_access":5}]}'], '{"error":{"code":80001,"message":"too many calls"}}');
    expect(JSON.parse(buc.stdout).retryAfterSeconds).toBe(300);
  });

  it('says unknown, exit 0, for a payload it does not recognise', async () => {
    const r = await explain(['--json'], '[1,2,3]');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ action: 'unknown', retryable: false, category: 'unknown' });
  });

  it('colours the action only when the terminal asks', async () => {
    const coloured = await explain([], 'account restricted', true);
    expect(coloured.stdout).toContain('\u001b[31m');
    const json = await explain(['--json'], 'account restricted', true);
    expect(json.stdout).not.toContain('\u001b[');
  });

  it('prints help and exits 0', async () => {
    const r = await explain(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(explainHelp);
    expect(r.stdout).toMatch(/Usage: media-preflight explain/);
  });

  describe('exits 2, with the reason on stderr and nothing on stdout', () => {
    const cases: Array<[string, string[], string | undefined, RegExp]> = [
      ['a missing file', [join(tmp, 'nope.json')], undefined, /nope\.json: no such file/],
      ['a directory', [tmp], undefined, /is a directory/],
      ['two files', ['a.json', 'b.json'], undefined, /at most one FILE/],
      ['an unknown option', ['--bogus'], undefined, /bogus/],
      ['a malformed --header', ['-H', 'no colon here'], undefined, /--header wants/],
      ['empty stdin', [], '', /nothing to explain: stdin is empty/],
      ['blank stdin', ['--json'], ' \n\n', /nothing to explain/],
      ['stdin over 1 MiB', ['--json'], 'x'.repeat(MAX_EXPLAIN_INPUT_BYTES + 1), /larger than 1048576 bytes/],
    ];
    it.each(cases)('%s', async (_name, argv, stdin, stderr) => {
      const r = await explain(argv, stdin);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(stderr);
    });

    it('a file over 1 MiB', async () => {
      const big = join(tmp, 'big.txt');
      writeFileSync(big, 'x'.repeat(MAX_EXPLAIN_INPUT_BYTES + 1));
      const r = await explain([big]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/big\.txt is larger than/);
      const exact = join(tmp, 'exact.txt');
      writeFileSync(exact, 'x'.repeat(MAX_EXPLAIN_INPUT_BYTES));
      expect((await explain([exact])).status).toBe(0);
    });
  });
});

describe('explain in a real process (real stdin)', () => {
  const script = [
    "import { explainCommand } from './src/cli/commands/explain-command.ts';",
    "import { nodeTerminal } from './src/cli/terminal.ts';",
    'process.exitCode = await explainCommand(process.argv.slice(1), nodeTerminal());',
  ].join('\n');
  function run(args: string[], input: string) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args], {
      input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('reads piped stdin and prints one JSON document', () => {
    const r = run(['--json'], '{"error":{"code":"access_token_invalid","message":"The access token is invalid or not found in the request.","log_id":"2024"}}');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(PlatformErrorVerdictSchema.parse(JSON.parse(r.stdout))).toMatchObject({ action: 'reconnect', platform: 'tiktok' });
  });

  it('refuses piped stdin over 1 MiB with exit 2', () => {
    const r = run(['--json'], 'y'.repeat(MAX_EXPLAIN_INPUT_BYTES + 10));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/stdin is larger than/);
  });
});
