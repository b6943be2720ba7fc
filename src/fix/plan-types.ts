import type { FixRefusal } from '../errors/fix-refused-error.js';
import type { IssueCode } from '../validate/issue.js';

/**
 * What a fix does, as data that explains itself: the action, each step with the issues it clears,
 * and the ffmpeg arguments (with `{input}`/`{output}` placeholders the engine fills in).
 */

/** The least work that clears the report's errors, named by its costliest part. */
export type FixAction =
  | 'none'
  | 'remux'
  | 'trim'
  | 'transcode-audio'
  | 'transcode-video'
  | 'transcode'
  | 'convert-image'
  | 'refuse';

/** One thing the fix does and the issue codes it clears (warnings included when cleared for free). */
export type FixStep = { what: string; why: IssueCode[] };

/** What happens to each stream: copied, re-encoded, added (silent audio), or absent. */
export type StreamTreatment = 'copy' | 'encode' | 'add' | 'none';

/**
 * What a fix will do, before it runs: the action, the steps with the issue codes each clears, the
 * ffmpeg arguments with `{input}`/`{output}` placeholders, and why it refuses when it does.
 */
export type FixPlan = {
  action: FixAction;
  steps: FixStep[];
  /** ffmpeg arguments after `ffmpeg`, with `{input}` and `{output}` placeholders. Empty when nothing runs. */
  args: string[];
  outputExtension: 'mp4' | 'jpg' | 'png';
  /** Output duration in seconds, for progress; null for images or when unknown. */
  expectedSeconds: number | null;
  /** Set when action is 'refuse': why, in words a person can act on. */
  refused?: { reason: FixRefusal; message: string };
  /** The engine the plan was made for (AV1 decodes natively but not in the wasm core). */
  engine: 'wasm' | 'native';
  /** Per stream: copied or re-encoded. Images report their one picture as video. */
  streams: { video: StreamTreatment; audio: StreamTreatment };
  /** The cut, when the output is shortened: where, and whether it is frame-exact (re-encoded) or at a packet. */
  trim: { seconds: number; exact: boolean } | null;
};

/** libx264's presets, fastest first. */
export const x264Presets = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow', 'placebo'] as const;
/** One of libx264's presets: faster presets make bigger files. */
export type X264Preset = (typeof x264Presets)[number];

/** How planFix plans: for which engine, how fast, with what limits. */
export type PlanOptions = {
  /** The engine that will run the plan. @default 'wasm' */
  engine?: 'wasm' | 'native';
  /** libx264 preset. @default 'veryfast' */
  preset?: X264Preset;
  /** `-threads` for the encoders. @default 1 for wasm (the single-thread core), 0 (ffmpeg decides) for native */
  threads?: number;
  /** x264 constant rate factor when no bitrate budget applies. @default 23 */
  crf?: number;
  /**
   * Inputs larger than this are refused before any engine loads. @default 2 GiB − 1 for wasm (a browser
   * cannot hold one ArrayBuffer of 2 GiB), unlimited for native
   */
  maxInputBytes?: number;
  /** Retry tuning, set by fix() when an output missed a limit. */
  retry?: PlanRetry;
};

/** What fix() learnt from a previous output of the same input. */
export type PlanRetry = {
  /** 1 for the first retry, 2 for the second. */
  attempt: number;
  /**
   * Multiplies the size budget (video bitrate, image pixels and quality) when the previous output
   * was too big: the product over the attempts of limit / output size, with some headroom.
   */
  shrink?: number;
  /** The previous packet-boundary cut still ran long: cut frame-exactly. */
  exactTrim?: boolean;
};
