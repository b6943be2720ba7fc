/**
 * media-preflight: probe, validate and fix media before publishing to Threads, Instagram and others.
 * This entry is isomorphic (browser and Node); file paths open through a lazily loaded Node module.
 * Every public symbol is listed here by name.
 */

// Probe
export { probe, probeSource, type ProbeOptions } from './probe/probe.js';
export {
  MediaInfoSchema,
  ContainerInfoSchema,
  ContainerFormatSchema,
  VideoTrackSchema,
  AudioTrackSchema,
  OtherTrackSchema,
  TrackSchema,
  ImageInfoSchema,
  EditListSchema,
  ColourSchema,
  UnreadableSchema,
  UnreadableReasonSchema,
  IoStatsSchema,
  MediaKindSchema,
  ChromaSubsamplingSchema,
  BoxSummarySchema,
  containerFormats,
  type MediaInfo,
  type ContainerInfo,
  type ContainerFormat,
  type VideoTrack,
  type AudioTrack,
  type OtherTrack,
  type Track,
  type ImageInfo,
  type EditList,
  type Colour,
  type Unreadable,
  type UnreadableReason,
  type IoStats,
  type MediaKind,
  type ChromaSubsampling,
  type BoxSummary,
} from './probe/media-info.js';
export { sniffContainer, type SniffResult } from './sniff/sniff-container.js';

// Validate
export { validate, type ValidationResult } from './validate/validate.js';
export { preflight, type PreflightOptions } from './validate/preflight.js';
export { validatePost } from './validate/post-rules.js';
export {
  IssueSchema,
  IssueCodeSchema,
  DocumentedErrorSchema,
  RemedySchema,
  issueCodes,
  type Issue,
  type IssueCode,
  type DocumentedError,
  type Remedy,
} from './validate/issue.js';
export { ReportSchema, CheckOutputSchema, type Report, type CheckOutput } from './validate/report.js';
export { checkOutputJsonSchema } from './validate/json-schema.js';

// Targets
export { targets, targetIds, resolveTarget, extendTarget, type TargetInput } from './targets/targets.js';
export {
  TargetProfileSchema,
  VideoRulesSchema,
  ImageRulesSchema,
  SeveritySchema,
  SourceSchema,
  type TargetProfile,
  type VideoRules,
  type ImageRules,
  type Severity,
  type Source,
} from './targets/target-profile.js';

// URL check (the crawler's view)
export { checkUrl, checkUrlDetailed, PROBE_SLACK_BYTES, type UrlCheck } from './url/check-url.js';
export { checkUrlDefaults, type CheckUrlOptions } from './url/check-url-options.js';
export type { UrlCheckFacts } from './url/url-findings.js';
export { urlIssueCodes, type UrlIssueCode } from './url/url-issue.js';
export { createFetchTransport, type FetchTransportOptions } from './url/fetch-transport.js';
export { TransportFailure, type UrlTransport, type TransportRequest, type TransportResponse, type TransportFailureKind, type Resolver } from './url/transport.js';
export { classifyAddress, type AddressVerdict } from './url/classify-address.js';
export type { AddressCategory } from './url/address-ranges.js';

// When a publish fails
export { classifyPlatformError } from './classify/classify-platform-error.js';
export { retryDelay } from './classify/retry-delay.js';
export { NotRetryableError } from './classify/not-retryable-error.js';
export { PlatformErrorVerdictSchema, type PlatformErrorVerdict } from './classify/verdict.js';

// Sources
export type { MediaSource } from './sources/source.js';
export { openSource, isMediaSource, type ProbeInput, type OpenSourceOptions } from './sources/open-source.js';
export { BytesSource } from './sources/bytes-source.js';
export { BlobSource } from './sources/blob-source.js';
export { UrlSource, type UrlSourceOptions } from './sources/url-source.js';
export { CountingSource } from './sources/counting-source.js';

// Errors
export { MediaPreflightError, isMediaPreflightError } from './errors/media-preflight-error.js';
export { MediaSourceError } from './errors/media-source-error.js';
