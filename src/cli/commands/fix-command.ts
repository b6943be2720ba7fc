import { parseArgs } from 'node:util';
import { isAbortError } from '../../errors/abort.js';
import { FixEngineError } from '../../errors/fix-engine-error.js';
import { isMediaPreflightError } from '../../errors/media-preflight-error.js';
import { fix } from '../../fix/fix.js';
import type { EngineChoice, FixResult } from '../../fix/fix-types.js';
import { x264Presets, type X264Preset } from '../../fix/plan-types.js';
import { resolveTarget, targetIds } from '../../targets/targets.js';
import { exitCodes, UsageError } from '../exit-codes.js';
import { createFixProgressBar } from '../fix-progress-bar.js';
import { formatFixPlan, formatFixResult } from '../format-fix.js';
import { paint, type Terminal } from '../terminal.js';

export const fixHelp = `Usage: media-preflight fix <file> [-o OUT] [--target T] [--engine wasm|native|auto] [--preset P] [--json]

Checks the file, prints the plan (the least work that clears its errors: remux, trim,
re-encode one stream, convert an image), runs it with ffmpeg, then checks the output
against the same target. Refuses, with the reason, what it cannot fix.

Options:
  -o, --output OUT     where to write the result (default: next to the input, NAME.fixed.mp4)
  -t, --target T       target profile (default: threads); see 'media-preflight targets'
  -e, --engine E       wasm (ffmpeg.wasm, default), native (ffmpeg on PATH, 5-7x faster),
                       auto (native when ffmpeg is on PATH, else wasm)
  -p, --preset P       x264 preset: ${x264Presets.join(', ')} (default: veryfast)
      --json           one JSON document on stdout: { "schemaVersion": 1, "result": {...} }
  -h, --help           show this help

Exit status: 0 the output passes (or the input already did), 1 the output still fails,
the fix was refused, or ffmpeg failed, 2 usage error or an input that could not be
opened, 130 interrupted. The progress bar goes to stderr when it is a terminal.
Targets: ${targetIds.join(', ')}
`;

export async function fixCommand(argv: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      target: { type: 'string', short: 't', default: 'threads' },
      engine: { type: 'string', short: 'e', default: 'wasm' },
      preset: { type: 'string', short: 'p', default: 'veryfast' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    term.out(fixHelp);
    return exitCodes.ok;
  }
  if (positionals.length !== 1) throw new UsageError('fix takes exactly one input file');
  const input = positionals[0]!;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new UsageError('fix takes a local file; download the URL first');
  try {
    resolveTarget(values.target);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!['wasm', 'native', 'auto'].includes(values.engine)) throw new UsageError(`--engine takes wasm, native or auto, not '${values.engine}'`);
  if (!(x264Presets as readonly string[]).includes(values.preset)) throw new UsageError(`--preset takes one of ${x264Presets.join(', ')}`);

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const bar = term.isErrTTY ? createFixProgressBar(term) : null;
  let result: FixResult;
  try {
    result = await fix(input, {
      target: values.target,
      engine: values.engine as EngineChoice,
      preset: values.preset as X264Preset,
      output: values.output,
      signal: controller.signal,
      onPlan: (plan) => {
        if (!values.json) term.out(formatFixPlan(term, input, plan));
      },
      onProgress: bar ? (p) => bar.update(p) : undefined,
    });
  } catch (error) {
    bar?.clear();
    return failure(term, error, values.json);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  bar?.clear();
  if (values.json) term.out(JSON.stringify({ schemaVersion: 1, result }, null, 2) + '\n');
  else if (result.plan.action !== 'refuse') term.out(formatFixResult(term, result));
  return result.ok ? exitCodes.ok : exitCodes.findings;
}

/** ffmpeg failures are a failed fix (1); an interrupt is 130; an input that cannot be opened, 2. */
function failure(term: Terminal, error: unknown, json: boolean): number {
  if (isAbortError(error)) {
    term.err(`${paint(term, 'red', 'error')} interrupted; the partial output was removed\n`);
    return 130;
  }
  if (error instanceof FixEngineError) {
    term.err(`${paint(term, 'red', 'error')} ${error.message}\n${error.logTail.map((l) => `  ${l}`).join('\n')}\n`);
    if (json) {
      const doc = { schemaVersion: 1, error: { code: error.code, message: error.message, exitCode: error.exitCode, args: error.args, logTail: error.logTail } };
      term.out(JSON.stringify(doc, null, 2) + '\n');
    }
    return exitCodes.findings;
  }
  if (isMediaPreflightError(error)) {
    term.err(`${paint(term, 'red', 'error')} ${error.message}\n`);
    if (json) term.out(JSON.stringify({ schemaVersion: 1, error: { code: error.code, message: error.message } }, null, 2) + '\n');
    return exitCodes.usage;
  }
  throw error;
}
