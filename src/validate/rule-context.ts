import type { MediaInfo } from '../probe/media-info.js';
import type { Severity, Source, TargetProfile } from '../targets/target-profile.js';
import type { DocumentedError, Issue, IssueCode, Remedy } from './issue.js';

/** What every rule gets: the media, the target, and a way to report. */
export type RuleContext = {
  media: MediaInfo;
  target: TargetProfile;
  report: (issue: IssueInput) => void;
};

export type IssueInput = {
  code: IssueCode;
  limit: { severity: Severity; source: Source } | null;
  /** Overrides the limit's severity (e.g. an unreadable file is always an error). */
  severity?: Severity;
  message: string;
  expected: string;
  actual: string;
  documentedError?: DocumentedError | null;
  remedy: Remedy | null;
  fix: string;
  trackId?: number | null;
};

/** Threads' container-status error_message values, which Meta also returns for Instagram containers. */
const META_PLATFORMS = new Set(['Threads', 'Instagram']);

const META_ERROR_BY_CODE: Partial<Record<IssueCode, string>> = {
  'video-format': 'FAILED_PROCESSING_VIDEO',
  'moov-not-at-front': 'FAILED_PROCESSING_VIDEO',
  'edit-list': 'FAILED_PROCESSING_VIDEO',
  'video-codec': 'FAILED_PROCESSING_VIDEO',
  'chroma-subsampling': 'FAILED_PROCESSING_VIDEO',
  interlaced: 'FAILED_PROCESSING_VIDEO',
  'open-gop': 'FAILED_PROCESSING_VIDEO',
  'file-unreadable': 'FAILED_PROCESSING_VIDEO',
  'frame-rate': 'INVALID_FRAME_RATE',
  'aspect-ratio': 'INVALID_ASPEC_RATIO',
  'video-bitrate': 'INVALID_BIT_RATE',
  'duration-exceed': 'INVALID_DURATION',
  'duration-too-short': 'INVALID_DURATION',
  'audio-channels': 'INVALID_AUDIO_CHANNELS',
  'audio-codec': 'FAILED_PROCESSING_AUDIO',
  'audio-sample-rate': 'FAILED_PROCESSING_AUDIO',
  'audio-bitrate': 'FAILED_PROCESSING_AUDIO',
};

/** Which of the guide's five documented errors an issue prevents. */
const DOCUMENTED_BY_CODE: Partial<Record<IssueCode, DocumentedError>> = {
  'file-unreadable': 'video-format',
  'video-format': 'video-format',
  'moov-not-at-front': 'video-format',
  'edit-list': 'video-format',
  'audio-codec': 'video-format',
  'video-codec': 'video-codec',
  'h264-profile': 'video-codec',
  'chroma-subsampling': 'video-codec',
  'bit-depth': 'video-codec',
  interlaced: 'video-codec',
  'open-gop': 'video-codec',
  'duration-exceed': 'duration-exceed',
};

export function toIssue(input: IssueInput, target: TargetProfile): Issue {
  const severity = input.severity ?? input.limit?.severity ?? 'error';
  const metaError = META_PLATFORMS.has(target.platform) ? (META_ERROR_BY_CODE[input.code] ?? null) : null;
  return {
    code: input.code,
    severity,
    message: input.message,
    expected: input.expected,
    actual: input.actual,
    documentedError: input.documentedError === undefined ? (DOCUMENTED_BY_CODE[input.code] ?? null) : input.documentedError,
    platformError: metaError,
    remedy: input.remedy,
    fix: input.fix,
    source: input.limit?.source ?? null,
    trackId: input.trackId ?? null,
  };
}
