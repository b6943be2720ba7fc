import { MediaPreflightError } from '../errors/media-preflight-error.js';
import type { TargetProfile } from '../targets/target-profile.js';
import { resolveTarget } from '../targets/targets.js';
import { preflight } from '../validate/preflight.js';
import type { Report } from '../validate/report.js';
import type { FixEngine } from './engine.js';
import { FixProgressMeter } from './fix-progress.js';
import { nextPass } from './fix-retry.js';
import type { FixOptions, FixPass, FixResult } from './fix-types.js';
import { defaultOutputPath } from './output-path.js';
import { pickEngine } from './pick-engine.js';
import { planFix } from './plan-fix.js';
import { WASM_MAX_INPUT_BYTES } from './plan-refusal.js';
import type { FixPlan, PlanOptions } from './plan-types.js';

type FileOps = typeof import('./node-file-ops.js');

/** Share of the progress bar for loading the engine, and for each run before its verification. */
const LOADED_AT = 0.05;
const RUN_SHARE = 0.9;

/**
 * Checks an input against a target, plans the least work that clears its errors, runs it with
 * ffmpeg (wasm or native), and checks the output against the same target. Never reports success
 * for an output that fails: `ok` is `after.ok`. Refusals (AV1 on wasm, no video, nothing automatic
 * can clear an error) come back with `plan.action === 'refuse'` before any engine loads. When an
 * output still misses a limit, fix() tries again (smaller, frame-exact, or a second step), up to
 * `maxAttempts` runs in all. Engine failures reject with FixEngineError; aborts with an AbortError;
 * a partial output is removed either way.
 *
 * @example
 * const result = await fix('clip.mov', { target: 'threads', engine: 'auto', onProgress: (p) => bar(p.ratio) });
 * if (result.ok) upload(result.output);
 * else console.log(result.plan.refused?.message ?? result.after?.issues);
 */
export async function fix(input: string | Blob, options: FixOptions = {}): Promise<FixResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const signal = options.signal;
  signal?.throwIfAborted();
  const target = resolveTarget(options.target ?? 'threads');
  const factory = await pickEngine(options.engine ?? 'wasm', { ffmpegPath: options.ffmpegPath });
  const isPath = typeof input === 'string';
  const files: FileOps | null = isPath ? await import('./node-file-ops.js') : null;

  const before = await preflight(input, { target, signal });
  const planOptions: PlanOptions = {
    engine: factory.name,
    preset: options.preset,
    threads: options.threads,
    crf: options.crf,
    // A path is read in place by both Node engines; a Blob on wasm is held in browser memory.
    maxInputBytes: options.maxInputBytes ?? (isPath || factory.name === 'native' ? Infinity : WASM_MAX_INPUT_BYTES),
  };
  const plan = planFix(before, target, planOptions);
  options.onPlan?.(plan, before);
  const result = (over: Partial<FixResult>): FixResult => ({
    ok: false, plan, engine: null, before, after: null, seconds: seconds(), output: null, passes: [], ...over,
  });
  if (plan.action === 'refuse') return result({});
  if (plan.action === 'none') {
    // Nothing to do. When an output path was asked for, put the (passing) input there so callers can always upload `output`.
    if (!options.output || !files || !isPath) return result({ ok: before.ok });
    if (await files.sameFile(input, options.output)) return result({ ok: before.ok, output: input });
    await files.copyInput(input, options.output);
    return result({ ok: before.ok, after: { ...before, input: options.output }, output: options.output });
  }

  const output = options.output ?? (isPath ? defaultOutputPath(input, plan.outputExtension) : `output.${plan.outputExtension}`);
  if (files && isPath && (await files.sameFile(input, output))) {
    throw new MediaPreflightError(`The output path is the input (${output}); choose another.`, 'E_FIX_OUTPUT');
  }

  const meter = new FixProgressMeter(options.onProgress);
  meter.emit('loading', 0);
  const engine = await factory.create();
  const passes: FixPass[] = [];
  let outputBytes: Uint8Array | undefined;
  const temps = new Set<string>();
  try {
    meter.emit('loading', LOADED_AT);
    let current: { plan: FixPlan; input: string | Blob } = { plan, input };
    let state = { attempt: 0, shrink: 1 };
    const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    for (;;) {
      signal?.throwIfAborted();
      const passStarted = Date.now();
      // A second step reads the previous output, so it writes beside it and replaces it when done.
      const chained = current.input !== input;
      const dest = chained && isPath ? `${output}.pass${state.attempt + 1}.${current.plan.outputExtension}` : output;
      if (dest !== output) temps.add(dest);
      const from = meter.current;
      const to = from + (0.98 - from) * RUN_SHARE;
      const run = await engine.run({
        args: current.plan.args,
        input: current.input,
        output: dest,
        expectedSeconds: current.plan.expectedSeconds,
        signal,
        onProgress: meter.span(from, to),
        stallTimeoutMs: options.stallTimeoutMs,
      });
      meter.emit('verifying', to);
      if (dest !== output && files) {
        await files.replaceFile(dest, output);
        temps.delete(dest);
      }
      if (run.outputBytes) outputBytes = run.outputBytes;
      const after = await verify(run.outputBytes ?? output, output, target, signal);
      passes.push({ plan: current.plan, after, seconds: (Date.now() - passStarted) / 1000 });
      if (after.ok || passes.length >= maxAttempts) break;
      const next = nextPass(before, after, current.plan, target, planOptions, state);
      if (!next) break;
      state = { attempt: state.attempt + 1, shrink: next.shrink };
      const previous: string | Blob = outputBytes ? new Blob([outputBytes as Uint8Array<ArrayBuffer>]) : output;
      current = { plan: next.plan, input: next.from === 'input' ? input : previous };
    }
  } catch (error) {
    if (files) {
      for (const t of temps) await files.removeQuietly(t);
      await files.removeQuietly(output);
    }
    throw error;
  } finally {
    if (factory.owned) await disposeQuietly(engine);
  }
  const after = passes[passes.length - 1]!.after;
  meter.done();
  return result({
    ok: after.ok,
    engine: factory.name,
    after,
    output: outputBytes && !isPath ? null : output,
    ...(outputBytes ? { outputBytes } : {}),
    passes,
  });
}

/** Probes and validates what the engine wrote; the report names the output. */
async function verify(written: string | Uint8Array, name: string, target: TargetProfile, signal: AbortSignal | undefined): Promise<Report> {
  const report = await preflight(written, { target, signal });
  return { ...report, input: name };
}

async function disposeQuietly(engine: FixEngine): Promise<void> {
  try {
    await engine.dispose?.();
  } catch {
    // Releasing workers must not mask the fix's own result or error.
  }
}
