import { resolveTarget, type TargetInput } from '../targets/targets.js';
import type { Report } from '../validate/report.js';
import { planImage } from './plan-image.js';
import { decodeRefusal, earlyRefusal, WASM_MAX_INPUT_BYTES, type Refusal } from './plan-refusal.js';
import type { FixPlan, PlanOptions } from './plan-types.js';
import { videoArgs } from './plan-video-args.js';
import { videoAction, videoSteps } from './plan-video-steps.js';
import { decideVideo } from './plan-video.js';

/**
 * Turns a report into the least work that clears its errors, as data: the action, each step and the
 * issues it clears, and the ffmpeg arguments. Pure: no I/O, no engine; refusals (unreadable input,
 * no video, an input the engine cannot decode, a file too big for wasm, errors with no automatic
 * remedy) come back as `action: 'refuse'` with the reason, before anything loads.
 *
 * Warnings are not a reason to run; they are cleared only when the plan re-encodes that stream anyway.
 *
 * @example
 * const plan = planFix(await preflight('clip.mov', { target: 'threads' }), 'threads', { engine: 'native' });
 * plan.action; // 'remux'
 * plan.args;   // ['-loglevel', 'info', '-i', '{input}', ..., '-c:v', 'copy', ..., '{output}']
 */
export function planFix(report: Report, target: TargetInput, options: PlanOptions = {}): FixPlan {
  const profile = resolveTarget(target);
  const engine = options.engine ?? 'wasm';
  const settings = {
    preset: options.preset ?? 'veryfast',
    crf: options.crf ?? 23,
    threads: options.threads ?? (engine === 'wasm' ? 1 : 0),
  };
  const maxInputBytes = options.maxInputBytes ?? (engine === 'wasm' ? WASM_MAX_INPUT_BYTES : Infinity);
  const errors = report.issues.filter((i) => i.severity === 'error');
  const warnings = report.issues.filter((i) => i.severity !== 'error');
  const media = report.media;
  const isImage = media?.kind === 'image' && media.image !== null;
  const base = {
    engine,
    outputExtension: isImage ? (media.image?.format === 'png' ? 'png' : 'jpg') : 'mp4',
    expectedSeconds: null,
    streams: { video: 'none', audio: 'none' },
    trim: null,
  } as const satisfies Partial<FixPlan>;
  const refuse = (r: Refusal): FixPlan => ({ ...base, action: 'refuse', steps: [], args: [], refused: r });

  const early = earlyRefusal(report, profile, errors, { engine, maxInputBytes });
  if (early) return refuse(early);
  if (!media) return refuse({ reason: 'unreadable', message: 'The input could not be opened.' });
  if (errors.length === 0) return { ...base, action: 'none', steps: [], args: [] };

  if (isImage && media.image) {
    const undecodable = decodeRefusal(media, engine, true);
    if (undecodable) return refuse(undecodable);
    const p = planImage(media.image, profile, errors, warnings, Math.max(1, settings.threads), options.retry);
    if (!p.ok) return refuse({ reason: 'not-fixable', message: p.message });
    return {
      ...base,
      action: 'convert-image',
      steps: p.steps,
      args: p.args,
      outputExtension: p.outputExtension,
      streams: { video: 'encode', audio: 'none' },
    };
  }

  const d = decideVideo(media, profile, errors, warnings, options.retry);
  if (d.unfixable) return refuse({ reason: 'not-fixable', message: d.unfixable });
  const undecodable = decodeRefusal(media, engine, d.video === 'encode');
  if (undecodable) return refuse(undecodable);
  return {
    ...base,
    action: videoAction(d),
    steps: videoSteps(media, d, settings),
    args: videoArgs(d, settings),
    outputExtension: 'mp4',
    expectedSeconds: d.outputSeconds,
    streams: { video: d.video, audio: d.audio },
    trim: d.trim,
  };
}
