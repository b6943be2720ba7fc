import type { DocumentedError, ErrorPlatform, VerdictAction, VerdictCategory } from './verdict.js';

/**
 * Every error the classifier recognises by code, as data. Each entry names its source: the
 * section of /work/shared/reference/platform-specs.md (which cites the platform page) or the
 * Threads error guide. "[inference]" marks a mapping we chose where the source gives no verdict.
 */

export interface VerdictRule {
  category: VerdictCategory;
  action: VerdictAction;
  retryable: boolean;
  documentedError?: DocumentedError;
  /** Least wait Meta itself advises, in seconds (headers can raise it). */
  waitSeconds?: number;
  /** What to do, in a sentence. */
  advice: string;
  source: string;
}

/** A Graph API (Facebook, Instagram, Threads) numeric error code, optionally with a subcode. */
export interface MetaCodeRule extends VerdictRule {
  code: number;
  /** Inclusive upper end when the rule covers a range of codes. */
  codeMax?: number;
  subcode?: number;
  /** The rule also applies when only the code is known (the code has no other meaning). */
  codeAlone?: boolean;
  name: string;
  platform?: ErrorPlatform;
}

/** A string error code Meta sends in `message`, `code` or `error_user_title`. */
export interface NamedErrorRule extends VerdictRule {
  name: string;
  platform: ErrorPlatform;
}

/** A Threads container `error_message` value (or a tolerated spelling of one). */
export interface ContainerErrorRule extends VerdictRule {
  value: string;
  aliases?: readonly string[];
}

/** A container `status` / `status_code` that is not a failure reason by itself. */
export interface ContainerStatusRule extends VerdictRule {
  status: string;
}

/** An HTTP status met without a readable body; `target` says whose answer it is. */
export interface HttpStatusRule extends VerdictRule {
  status: number;
  statusMax?: number;
  target?: 'api' | 'media-url';
  platform?: ErrorPlatform;
}

/** A TikTok `error.code` or publish-status `fail_reason`. */
export interface TikTokRule extends VerdictRule {
  value: string;
}

/** A phrase documented by the Threads error guide, or a platform message we match as text. */
export interface PhraseRule extends VerdictRule {
  pattern: RegExp;
  name: string;
}

const GRAPH_ERRORS = 'platform-specs §5, developers.facebook.com/docs/graph-api/guides/error-handling';
const GRAPH_RATE = 'platform-specs §5, developers.facebook.com/docs/graph-api/overview/rate-limiting';
const IG_ERRORS = 'platform-specs §2.3, Instagram Graph API error codes';
const THREADS_STATUS = 'platform-specs §1.4, developers.facebook.com/docs/threads/troubleshooting';
const THREADS_LINKS = 'Threads posts: more than 5 links fail with THREADS_API__LINK_LIMIT_EXCEEDED (Meta changelog Dec 2025, quoted in public client code)';
const GUIDE = 'threads-errors-reference.txt (bundle.social Threads error guide) [3rd-party]';
const TIKTOK_API = 'platform-specs §3.2, developers.tiktok.com content posting API errors';
const TIKTOK_STATUS = 'developers.tiktok.com/doc/content-posting-api-reference-get-video-status (platform-specs §3.2)';
const HTTP = 'RFC 9110 status semantics; retry-safety rule in threads-errors-reference.txt (5xx, timeouts and rate limits are temporary)';
const MEDIA_HOST = 'platform-specs §1.6: Meta fetches media from a public server; crawler blocks surface as HTTP 403 [3rd-party]';
const TIKTOK_REASONS = 'platform-specs §3.2, fail_reason values [3rd-party code]';

const REENCODE = 'Re-encode to MP4 (H.264 video, AAC audio) within the platform spec, then publish again.';
const NEW_CONTAINER = 'Create a new media container and publish again.';
const WAIT_THROTTLE = 'Stop calling the API until the window passes (continuing raises the call count), then retry with backoff.';
const RE_AUTH = 'Reconnect the account: the token is expired, revoked or invalid.';

export const metaCodeRules: readonly MetaCodeRule[] = [
  // Graph API: generic and transient
  { code: 1, name: 'API Unknown', category: 'transient', action: 'retry', retryable: true, advice: 'Possibly temporary downtime: retry with bounded backoff.', source: GRAPH_ERRORS },
  { code: 2, name: 'API Service', category: 'transient', action: 'retry', retryable: true, advice: 'Temporary downtime: wait and retry.', source: GRAPH_ERRORS },
  { code: 3, name: 'API Method', category: 'permission', action: 'fix-app', retryable: false, advice: 'A capability or permission the app lacks: add it (app review) before retrying.', source: GRAPH_ERRORS },
  // Graph API: throttling (these also carry type OAuthException, so the code decides, never the type)
  { code: 4, name: 'API Too Many Calls', category: 'rate-limit', action: 'retry', retryable: true, advice: `The app hit its rate limit. ${WAIT_THROTTLE}`, source: GRAPH_RATE },
  { code: 17, name: 'API User Too Many Calls', category: 'rate-limit', action: 'retry', retryable: true, advice: `The user hit their rate limit. ${WAIT_THROTTLE}`, source: GRAPH_RATE },
  { code: 17, subcode: 2446079, name: 'Ads API token rate limit', category: 'rate-limit', action: 'retry', retryable: true, advice: `The token hit its rate limit. ${WAIT_THROTTLE}`, source: GRAPH_RATE },
  { code: 32, name: 'Page request limit reached', category: 'rate-limit', action: 'retry', retryable: true, advice: `Pages API rate limit. ${WAIT_THROTTLE}`, source: GRAPH_RATE },
  { code: 613, name: 'Custom rate limit', category: 'rate-limit', action: 'retry', retryable: true, advice: `A custom rate limit was reached. ${WAIT_THROTTLE}`, source: GRAPH_RATE },
  { code: 613, subcode: 1996, name: 'Inconsistent request volume', category: 'rate-limit', action: 'retry', retryable: true, advice: `Meta saw inconsistent request volume: retry after a delay and smooth the call rate.`, source: GRAPH_RATE },
  { code: 341, name: 'Application limit reached', category: 'rate-limit', action: 'retry', retryable: true, advice: `Downtime or throttling. ${WAIT_THROTTLE}`, source: GRAPH_ERRORS },
  { code: 80000, subcode: 2446079, name: 'BUC throttle: Ads Insights', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80001, name: 'BUC throttle: Pages (Page or System User token)', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80002, name: 'BUC throttle: Instagram', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80003, subcode: 2446079, name: 'BUC throttle: Custom Audience', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80004, subcode: 2446079, name: 'BUC throttle: Ads Management', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80005, name: 'BUC throttle: LeadGen', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80006, name: 'BUC throttle: Messenger', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80008, name: 'BUC throttle: WhatsApp Business Management API', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80009, name: 'BUC throttle: Catalog Management', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80014, name: 'BUC throttle: Catalog Batch', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: GRAPH_RATE },
  { code: 80000, codeMax: 80014, name: 'BUC throttle', category: 'rate-limit', action: 'retry', retryable: true, advice: WAIT_THROTTLE, source: `${GRAPH_RATE} (the undocumented codes inside the 80000–80014 block: [inference])` },
  // Graph API: policy and content
  {
    code: 368, name: 'Temporarily blocked for policies violations', category: 'account', action: 'resolve-in-app', retryable: false,
    advice: "Meta's docs say \"wait and retry\", but retries during a policy block are reported to lengthen it: stop automatic retries, let the account owner review the block in the app, and retry by hand later.",
    source: `${GRAPH_ERRORS}; not retryable per platform-specs §5 note [3rd-party code]`,
  },
  { code: 506, name: 'Duplicate Post', category: 'content', action: 'fix-input', retryable: false, advice: 'Duplicate posts cannot be published consecutively: change the content.', source: GRAPH_ERRORS },
  { code: 1609005, name: 'Error Posting Link', category: 'url', action: 'fix-url', retryable: false, advice: 'Meta could not scrape the link: check the URL.', source: GRAPH_ERRORS },
  // Graph API: permissions
  { code: 10, name: 'API Permission Denied', category: 'permission', action: 'fix-app', retryable: false, advice: 'The permission was not granted or was removed: request it (app review) and have the user grant it.', source: GRAPH_ERRORS },
  { code: 200, codeMax: 299, name: 'API Permission', category: 'permission', action: 'fix-app', retryable: false, advice: 'The permission was not granted or was removed: request it (app review) and have the user grant it.', source: GRAPH_ERRORS },
  // Graph API: sessions and tokens
  { code: 102, name: 'API Session', category: 'auth', action: 'reconnect', retryable: false, advice: RE_AUTH, source: GRAPH_ERRORS },
  { code: 190, name: 'Access token has expired', category: 'auth', action: 'reconnect', retryable: false, advice: RE_AUTH, source: GRAPH_ERRORS },
  { code: 190, subcode: 458, name: 'App Not Installed', category: 'auth', action: 'reconnect', retryable: false, advice: 'The user has not logged into the app: reconnect the account.', source: GRAPH_ERRORS },
  { code: 190, subcode: 459, name: 'User Checkpointed', category: 'account', action: 'resolve-in-app', retryable: false, advice: 'The user must log in at facebook.com (or the app) to clear a security checkpoint; a new token will not help until then.', source: GRAPH_ERRORS },
  { code: 190, subcode: 460, name: 'Password Changed', category: 'auth', action: 'reconnect', retryable: false, advice: 'The password changed: reconnect the account.', source: GRAPH_ERRORS },
  { code: 190, subcode: 463, name: 'Expired', category: 'auth', action: 'reconnect', retryable: false, advice: 'The login or token expired: refresh the token or reconnect the account.', source: GRAPH_ERRORS },
  { code: 190, subcode: 464, name: 'Unconfirmed User', category: 'account', action: 'resolve-in-app', retryable: false, advice: 'The user must log in at facebook.com to confirm the account; a new token will not help until then.', source: GRAPH_ERRORS },
  { code: 190, subcode: 467, name: 'Invalid Access Token', category: 'auth', action: 'reconnect', retryable: false, advice: RE_AUTH, source: GRAPH_ERRORS },
  { code: 190, subcode: 492, name: 'Invalid Session (no Page role)', category: 'permission', action: 'fix-app', retryable: false, advice: 'The user behind the Page token has no suitable role on the Page: fix the Page role; a new token fails the same way.', source: GRAPH_ERRORS },
  // Instagram content publishing (all HTTP 400)
  { code: -2, subcode: 2207003, platform: 'instagram', name: 'Media download timed out', category: 'transient', action: 'retry', retryable: true, advice: 'Instagram timed out downloading the media: retry, and host the file somewhere faster (or make it smaller).', source: IG_ERRORS },
  { code: -2, subcode: 2207020, platform: 'instagram', name: 'Media expired', category: 'processing', action: 'retry', retryable: true, advice: `The container expired. ${NEW_CONTAINER}`, source: IG_ERRORS },
  { code: -2, platform: 'instagram', name: 'Instagram timeout', category: 'transient', action: 'retry', retryable: true, advice: 'Retry with backoff.', source: `${IG_ERRORS} (both -2 rows say try again) [inference]` },
  { code: -1, subcode: 2207001, platform: 'instagram', name: 'Instagram server error', category: 'transient', action: 'retry', retryable: true, advice: 'Instagram server error: retry with backoff.', source: IG_ERRORS },
  { code: -1, subcode: 2207032, platform: 'instagram', name: 'Create media failed', category: 'transient', action: 'retry', retryable: true, advice: `Creating the container failed. ${NEW_CONTAINER}`, source: IG_ERRORS },
  { code: -1, subcode: 2207053, platform: 'instagram', name: 'Unknown upload error', category: 'transient', action: 'retry', retryable: true, advice: `Unknown upload error (video uploads). ${NEW_CONTAINER}`, source: IG_ERRORS },
  { code: -1, platform: 'instagram', name: 'Instagram server error', category: 'transient', action: 'retry', retryable: true, advice: 'Retry with backoff.', source: `${IG_ERRORS} (every -1 row says try again) [inference]` },
  { code: 1, subcode: 2207057, platform: 'instagram', name: 'Invalid thumbnail offset', category: 'content', action: 'fix-input', retryable: false, advice: 'thumb_offset must be ≥ 0 and less than the video duration, in milliseconds.', source: IG_ERRORS },
  { code: 4, subcode: 2207051, platform: 'instagram', name: 'Activity restricted (suspected spam)', category: 'account', action: 'resolve-in-app', retryable: false, advice: 'Instagram restricts this activity as suspected spam: the account owner must resolve it in the app; do not retry.', source: IG_ERRORS },
  { code: 9, subcode: 2207042, platform: 'instagram', name: 'Publishing limit reached', category: 'rate-limit', action: 'retry', retryable: true, advice: 'The daily Content Publishing API limit was reached: retry after the 24-hour window (read GET /{ig-user-id}/content_publishing_limit).', source: IG_ERRORS },
  { code: 24, subcode: 2207006, platform: 'instagram', name: 'Media not found', category: 'processing', action: 'retry', retryable: true, advice: `${NEW_CONTAINER} If it happens again, check the token and permissions.`, source: `${IG_ERRORS} ("possible permission error or expired token; generate a new container": retry with a new container [inference])` },
  { code: 24, subcode: 2207008, platform: 'instagram', name: 'Media builder expired', category: 'processing', action: 'retry', retryable: true, waitSeconds: 30, advice: 'Temporary: retry once or twice within 30 s to 2 min; if that fails, create a new container.', source: IG_ERRORS },
  { code: 25, subcode: 2207050, platform: 'instagram', codeAlone: true, name: 'Account restricted', category: 'account', action: 'resolve-in-app', retryable: false, advice: 'The Instagram account is inactive, checkpointed or restricted: the user must sign in to the app and resolve it.', source: IG_ERRORS },
  { code: 100, subcode: 2207023, platform: 'instagram', name: 'Unknown media type', category: 'content', action: 'fix-input', retryable: false, advice: 'Send a correct media_type.', source: IG_ERRORS },
  { code: 100, subcode: 2207028, platform: 'instagram', name: 'Bad carousel item count', category: 'content', action: 'fix-input', retryable: false, advice: 'A carousel needs at least 2 items and no more than the platform maximum.', source: IG_ERRORS },
  { code: 100, subcode: 2207035, platform: 'instagram', name: 'Product tag positions on video', category: 'content', action: 'fix-input', retryable: false, advice: 'Do not give product tag positions for video media.', source: IG_ERRORS },
  { code: 100, subcode: 2207036, platform: 'instagram', name: 'Product tag positions missing', category: 'content', action: 'fix-input', retryable: false, advice: 'Photo media needs product tag positions.', source: IG_ERRORS },
  { code: 100, subcode: 2207037, platform: 'instagram', name: 'Product tags not added', category: 'content', action: 'fix-input', retryable: false, advice: 'Fix the product tags.', source: IG_ERRORS },
  { code: 100, subcode: 2207040, platform: 'instagram', name: 'Too many tags', category: 'content', action: 'fix-input', retryable: false, advice: 'Use at most 20 @ tags per media.', source: IG_ERRORS },
  { code: 100, name: 'Invalid parameter', category: 'content', action: 'fix-input', retryable: false, advice: 'A request parameter is invalid: fix the request.', source: `${IG_ERRORS} (every code 100 row is a bad parameter) [inference]` },
  { code: 352, subcode: 2207026, platform: 'instagram', codeAlone: true, name: 'Video format not supported', category: 'media', action: 'fix-input', retryable: false, documentedError: 'video-format', advice: REENCODE, source: IG_ERRORS },
  { code: 9004, subcode: 2207052, platform: 'instagram', codeAlone: true, name: 'Media fetch failed', category: 'url', action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed', advice: 'Meta could not fetch the media URL: make it public, fast and crawler-friendly (no auth, no robots.txt block, correct Content-Type), then retry.', source: IG_ERRORS },
  { code: 9007, subcode: 2207027, platform: 'instagram', codeAlone: true, name: 'Media not ready', category: 'processing', action: 'retry', retryable: true, documentedError: 'media-processing', waitSeconds: 60, advice: 'The media is still processing: poll the container status (once a minute, up to 5 minutes) and publish when it is FINISHED.', source: `${IG_ERRORS}; the once-a-minute polling advice: platform-specs §2.2` },
  { code: 36000, subcode: 2207004, platform: 'instagram', codeAlone: true, name: 'Image too large', category: 'media', action: 'fix-input', retryable: false, advice: 'The image exceeds 8 MiB: compress or downscale it.', source: IG_ERRORS },
  { code: 36001, subcode: 2207005, platform: 'instagram', codeAlone: true, name: 'Image format not supported', category: 'media', action: 'fix-input', retryable: false, advice: 'Convert the image to JPEG.', source: IG_ERRORS },
  { code: 36003, subcode: 2207009, platform: 'instagram', codeAlone: true, name: 'Image aspect ratio not supported', category: 'media', action: 'fix-input', retryable: false, advice: 'Crop or pad the image into the 4:5 to 1.91:1 range.', source: IG_ERRORS },
  { code: 36004, subcode: 2207010, platform: 'instagram', codeAlone: true, name: 'Caption too long', category: 'content', action: 'fix-input', retryable: false, advice: 'Shorten the caption: at most 2,200 characters, 30 hashtags and 20 @ tags.', source: IG_ERRORS },
];

export const namedErrorRules: readonly NamedErrorRule[] = [
  { name: 'THREADS_API__LINK_LIMIT_EXCEEDED', platform: 'threads', category: 'content', action: 'fix-input', retryable: false, advice: 'A Threads post may carry at most 5 links: remove links.', source: THREADS_LINKS },
  { name: 'INSTAGRAM_PLATFORM_API__INVALID_LOCATION_ID', platform: 'instagram', category: 'content', action: 'fix-input', retryable: false, advice: 'The location Page has no location data: choose another location_id.', source: 'platform-specs §2.3 notes' },
];

/** Threads container `error_message` values; the spellings are Meta's, typo included. */
export const containerErrorRules: readonly ContainerErrorRule[] = [
  { value: 'FAILED_DOWNLOADING_VIDEO', category: 'url', action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed', advice: 'Threads could not download the video: make the URL public and fast (no auth, crawler allowed), then create a new container.', source: THREADS_STATUS },
  { value: 'FAILED_PROCESSING_AUDIO', category: 'media', action: 'fix-input', retryable: false, advice: 'Re-encode the audio: AAC, at most 48 kHz, 1 or 2 channels, 128 kbps.', source: THREADS_STATUS },
  { value: 'FAILED_PROCESSING_VIDEO', category: 'media', action: 'fix-input', retryable: false, documentedError: 'video-codec', advice: `${REENCODE} Put moov first, use progressive scan, a closed GOP and 4:2:0 chroma.`, source: `${THREADS_STATUS}; the video-codec tag is [inference]` },
  { value: 'INVALID_ASPEC_RATIO', aliases: ['INVALID_ASPECT_RATIO'], category: 'media', action: 'fix-input', retryable: false, advice: 'Bring the aspect ratio within 0.01:1 to 10:1.', source: `${THREADS_STATUS} (Meta's typo; the corrected spelling is tolerated, platform-specs C6)` },
  { value: 'INVALID_BIT_RATE', category: 'media', action: 'fix-input', retryable: false, advice: 'Re-encode at a lower bitrate (current docs: VBR up to 100 Mbps; older docs: 25 Mbps).', source: THREADS_STATUS },
  { value: 'INVALID_DURATION', category: 'media', action: 'fix-input', retryable: false, documentedError: 'duration-exceed', advice: 'Trim the video to more than 0 s and at most 300 s.', source: THREADS_STATUS },
  { value: 'INVALID_FRAME_RATE', aliases: ['FAILED_FRAME_RATE'], category: 'media', action: 'fix-input', retryable: false, advice: 'Re-encode at 23–60 FPS.', source: `${THREADS_STATUS} (FAILED_FRAME_RATE: an unverified variant, platform-specs C6)` },
  { value: 'INVALID_AUDIO_CHANNELS', category: 'media', action: 'fix-input', retryable: false, advice: 'Use 1 or 2 audio channels.', source: THREADS_STATUS },
  { value: 'INVALID_AUDIO_CHANNEL_LAYOUT', category: 'media', action: 'fix-input', retryable: false, advice: 'Use a mono or stereo channel layout.', source: THREADS_STATUS },
  { value: 'UNKNOWN', category: 'unknown', action: 'unknown', retryable: false, advice: 'Threads gave no reason: check the media against the spec before trying a new container.', source: THREADS_STATUS },
];

export const containerStatusRules: readonly ContainerStatusRule[] = [
  { status: 'IN_PROGRESS', category: 'processing', action: 'retry', retryable: true, documentedError: 'media-processing', waitSeconds: 60, advice: 'The container is still processing: poll its status once a minute (for up to 5 minutes) and publish when it is FINISHED.', source: `${THREADS_STATUS}; polling advice: platform-specs §1.4 and §2.2` },
  { status: 'EXPIRED', category: 'processing', action: 'retry', retryable: true, advice: 'The container was not published within 24 hours: create a new container and publish it sooner.', source: THREADS_STATUS },
];

export const tiktokPublishStatusRules: readonly TikTokRule[] = [
  { value: 'PROCESSING_UPLOAD', category: 'processing', action: 'retry', retryable: true, advice: 'TikTok is still receiving the upload: poll the publish status again (at most 30 requests a minute).', source: TIKTOK_STATUS },
  { value: 'PROCESSING_DOWNLOAD', category: 'processing', action: 'retry', retryable: true, advice: 'TikTok is still pulling the media: poll the publish status again (at most 30 requests a minute).', source: TIKTOK_STATUS },
];

/** Most specific first: a media host's 403 is not an app permission problem. */
export const httpStatusRules: readonly HttpStatusRule[] = [
  { status: 401, target: 'media-url', category: 'url', action: 'fix-url', retryable: false, advice: 'The media host wants credentials, and platforms fetch without them: serve the file publicly.', source: MEDIA_HOST },
  { status: 403, target: 'media-url', category: 'url', action: 'fix-url', retryable: false, advice: "The media host refused the fetch (often robots.txt or a firewall blocking Meta's crawler): allow it, or host the file elsewhere.", source: MEDIA_HOST },
  { status: 404, target: 'media-url', category: 'url', action: 'fix-url', retryable: false, advice: 'The media URL does not exist: fix the URL.', source: MEDIA_HOST },
  { status: 410, target: 'media-url', category: 'url', action: 'fix-url', retryable: false, advice: 'The media URL is gone (expired link?): host the file somewhere lasting.', source: MEDIA_HOST },
  { status: 401, platform: 'tiktok', category: 'auth', action: 'reconnect', retryable: false, advice: 'TikTok answers 401 for access_token_invalid (reconnect) and scope_not_authorized (fix the app): read the body to tell them apart.', source: TIKTOK_API },
  { status: 403, platform: 'tiktok', category: 'url', action: 'fix-url', retryable: false, advice: "TikTok's documented 403 is url_ownership_unverified: verify the URL prefix or domain. Read the body to be sure.", source: TIKTOK_API },
  { status: 401, category: 'auth', action: 'reconnect', retryable: false, advice: 'The token was refused: reconnect the account.', source: HTTP },
  { status: 403, category: 'permission', action: 'fix-app', retryable: false, advice: 'The API refused the request: check the app permissions, app review and the account role. If the 403 came from fetching a media URL, fix the URL instead.', source: HTTP },
  { status: 408, category: 'transient', action: 'retry', retryable: true, advice: 'The request timed out: retry with backoff.', source: HTTP },
  { status: 413, category: 'media', action: 'fix-input', retryable: false, advice: 'The upload is too large: make the file smaller.', source: HTTP },
  { status: 415, category: 'media', action: 'fix-input', retryable: false, advice: 'The media type is not accepted: convert the file.', source: HTTP },
  { status: 429, category: 'rate-limit', action: 'retry', retryable: true, advice: 'Too many requests: wait, then retry with backoff.', source: HTTP },
  { status: 500, statusMax: 599, category: 'transient', action: 'retry', retryable: true, advice: 'A server error: retry with backoff.', source: HTTP },
];

export const tiktokErrorCodeRules: readonly TikTokRule[] = [
  { value: 'access_token_invalid', category: 'auth', action: 'reconnect', retryable: false, advice: 'The access token is invalid or expired: reconnect the TikTok account.', source: TIKTOK_API },
  { value: 'scope_not_authorized', category: 'permission', action: 'fix-app', retryable: false, advice: 'The token lacks a scope (e.g. video.publish or video.upload): get the scope approved and have the user grant it.', source: TIKTOK_API },
  { value: 'rate_limit_exceeded', category: 'rate-limit', action: 'retry', retryable: true, advice: 'Too many requests: wait, then retry with backoff.', source: TIKTOK_API },
  { value: 'url_ownership_unverified', category: 'url', action: 'fix-url', retryable: false, advice: 'Verify the URL prefix or domain in the TikTok developer portal, or upload the file instead of PULL_FROM_URL.', source: TIKTOK_API },
  { value: 'internal_error', category: 'transient', action: 'retry', retryable: true, advice: 'TikTok server error: try again later.', source: TIKTOK_API },
];

export const tiktokFailReasonRules: readonly TikTokRule[] = [
  { value: 'file_format_check_failed', category: 'media', action: 'fix-input', retryable: false, advice: 'Use MP4 (recommended), WebM or MOV with H.264, H.265, VP8 or VP9.', source: TIKTOK_REASONS },
  { value: 'duration_check_failed', category: 'media', action: 'fix-input', retryable: false, advice: "Trim the video to the creator's max_video_post_duration_sec.", source: TIKTOK_REASONS },
  { value: 'frame_rate_check_failed', category: 'media', action: 'fix-input', retryable: false, advice: 'Re-encode at 23–60 FPS.', source: TIKTOK_REASONS },
  { value: 'picture_size_check_failed', category: 'media', action: 'fix-input', retryable: false, advice: 'Keep width and height within 360–4096 px (photos: at most 1080p).', source: `${TIKTOK_API} (official example)` },
  { value: 'video_pull_failed', category: 'url', action: 'fix-url', retryable: false, advice: 'TikTok could not pull the video: use a verified https URL that does not redirect and stays up for the whole download.', source: TIKTOK_REASONS },
  { value: 'photo_pull_failed', category: 'url', action: 'fix-url', retryable: false, advice: 'TikTok could not pull the photo: use a verified https URL that does not redirect.', source: TIKTOK_REASONS },
  { value: 'auth_removed', category: 'auth', action: 'reconnect', retryable: false, advice: 'The user removed the app’s access: reconnect the TikTok account.', source: TIKTOK_REASONS },
  { value: 'spam_risk_text', category: 'content', action: 'fix-input', retryable: false, advice: 'The caption was flagged as spam: change the text.', source: `${TIKTOK_REASONS}; content mapping [inference]` },
  { value: 'spam_risk_too_many_posts', category: 'rate-limit', action: 'retry', retryable: true, advice: 'The creator hit the daily post cap: retry after 24 hours.', source: TIKTOK_REASONS },
  { value: 'spam_risk_user_banned_from_posting', category: 'account', action: 'resolve-in-app', retryable: false, advice: 'The user is banned from posting: they must resolve it in the TikTok app.', source: TIKTOK_REASONS },
  { value: 'spam_risk', category: 'account', action: 'resolve-in-app', retryable: false, advice: 'TikTok flagged the post as a spam risk: the user must resolve it in the app; do not retry automatically.', source: TIKTOK_REASONS },
  { value: 'reached_active_user_cap', category: 'rate-limit', action: 'retry', retryable: true, advice: "The app's daily cap of active publishing users was reached: retry tomorrow.", source: TIKTOK_REASONS },
  { value: 'internal', category: 'transient', action: 'retry', retryable: true, advice: 'TikTok internal error: try again later.', source: TIKTOK_REASONS },
  { value: 'publish_cancelled', category: 'unknown', action: 'unknown', retryable: false, advice: 'The publish was cancelled; nothing in the media needs fixing.', source: TIKTOK_REASONS },
];

/**
 * Phrases matched in free text, most specific first. The guide's seven patterns come first, then
 * the messages Meta and TikTok use for the same failures, then network failures.
 */
export const phraseRules: readonly PhraseRule[] = [
  { name: 'revoked_access_token', pattern: /revoked[_ ]access[_ ]token|access token has been revoked|has not authorized application/, category: 'auth', action: 'reconnect', retryable: false, advice: 'Reconnect Threads through the linked Instagram or Meta account.', source: GUIDE },
  { name: 'token is invalid', pattern: /token is invalid|invalid (?:oauth )?access token|access_token_invalid|error validating access token/, category: 'auth', action: 'reconnect', retryable: false, advice: 'Reconnect the account and clear any Instagram security prompts.', source: GUIDE },
  { name: 'session has been invalidated', pattern: /session has been invalidated|session (?:has )?expired|session is invalid/, category: 'auth', action: 'reconnect', retryable: false, advice: 'Reconnect after password changes or security checks.', source: GUIDE },
  { name: 'account restricted', pattern: /account (?:is |has been )?restricted|restricted account/, category: 'account', action: 'resolve-in-app', retryable: false, advice: 'The user must resolve the restriction in the Threads or Instagram app.', source: GUIDE },
  { name: 'media fetch failed', pattern: /media fetch failed|could not be fetched|media download has failed|failed[_ ]downloading[_ ]video|(?:video|photo)_pull_failed/, category: 'url', action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed', advice: 'Make the media URL public and crawler-friendly, then retry.', source: GUIDE },
  { name: 'media processing', pattern: /media processing|not ready for publishing|still (?:being )?processing/, category: 'processing', action: 'retry', retryable: true, documentedError: 'media-processing', advice: 'Retry with backoff and give larger videos more time to process.', source: GUIDE },
  { name: 'video format', pattern: /video format/, category: 'media', action: 'fix-input', retryable: false, documentedError: 'video-format', advice: 'Convert the video to MP4 with H.264 video and AAC audio.', source: GUIDE },
  { name: 'video codec', pattern: /video codec|unsupported codec|codec (?:is )?not supported/, category: 'media', action: 'fix-input', retryable: false, documentedError: 'video-codec', advice: 'Avoid unsupported codecs and re-export with H.264/AAC.', source: GUIDE },
  { name: 'duration exceed', pattern: /duration exceed|exceeds? (?:the )?(?:max(?:imum)? )?duration/, category: 'media', action: 'fix-input', retryable: false, documentedError: 'duration-exceed', advice: 'Trim the video to the supported duration before publishing.', source: GUIDE },
  { name: 'temporarily blocked', pattern: /temporarily blocked/, category: 'account', action: 'resolve-in-app', retryable: false, advice: 'A policy block: retries lengthen it; let the account owner resolve it in the app.', source: GRAPH_ERRORS },
  { name: 'duplicate', pattern: /duplicate (?:post|content)/, category: 'content', action: 'fix-input', retryable: false, advice: 'Change the content: duplicates cannot be published consecutively.', source: GRAPH_ERRORS },
  { name: 'rate limit', pattern: /rate[_ ]limit|too many (?:calls|requests)|request limit reached/, category: 'rate-limit', action: 'retry', retryable: true, advice: 'Wait for the rate-limit window, then retry with backoff.', source: GRAPH_RATE },
  { name: 'network failure', pattern: /econnreset|etimedout|econnrefused|econnaborted|epipe|eai_again|ehostunreach|enetunreach|socket hang up|fetch failed|network error|timed out|und_err_(?:connect|headers|body)_timeout|und_err_socket/, category: 'transient', action: 'retry', retryable: true, advice: 'A network failure or timeout: retry with backoff.', source: 'retry-safety rule in threads-errors-reference.txt (timeouts are temporary)' },
];
