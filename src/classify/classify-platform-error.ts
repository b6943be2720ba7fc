import { isUnknownVerdict, unknownVerdict } from './build-verdict.js';
import type { ClassifyContext } from './classify-context.js';
import { classifyContainerStatus, looksLikeContainerStatus } from './classify-container-status.js';
import { classifyGraphError, looksLikeGraphError } from './classify-graph-error.js';
import { classifyHttpStatus, classifyResponse, isResponseLike } from './classify-http-status.js';
import { classifyText } from './classify-text.js';
import { classifyThrownError, isErrorLike } from './classify-thrown-error.js';
import { classifyTikTok, looksLikeTikTokError, looksLikeTikTokPublishStatus } from './classify-tiktok-error.js';
import { headerLookup } from './header-lookup.js';
import { headerWait } from './rate-limit-headers.js';
import { asFields, field, integerField, type Fields } from './read-field.js';
import type { PlatformErrorVerdict } from './verdict.js';

export interface ClassifyPlatformErrorOptions {
  /** The clock for HTTP-date Retry-After values (tests pin it). */
  now?: Date;
  /** The response headers that came with a body: Retry-After and Meta's usage headers. */
  headers?: Headers | Record<string, string>;
}

/** Bodies inside errors inside responses: a few levels is all real inputs use. */
const MAX_NESTING = 6;
/** Total nested classifications per call, so no input can make the work grow. */
const MAX_STEPS = 32;

/**
 * Says what to do about a platform's error answer: reconnect, retry later (and when), fix the
 * media or content, fix the media URL, resolve it in the platform's app, or fix the app.
 * Accepts Graph/Threads/Instagram error bodies, container status objects, TikTok errors and
 * publish statuses, `Error`s, `Response`s, JSON strings and plain text. Never throws; anything
 * it does not recognise is `unknown` and not retryable.
 */
export function classifyPlatformError(x: unknown, options: ClassifyPlatformErrorOptions = {}): PlatformErrorVerdict {
  let depth = 0;
  let steps = 0;
  const ctx: ClassifyContext = {
    now: validDate(options?.now) ?? new Date(),
    headers: [],
    nested: (value) => {
      if (depth >= MAX_NESTING || steps >= MAX_STEPS) return unknownVerdict('The value nests too deeply (or refers to itself) to read');
      depth++;
      steps++;
      try {
        return classifyValue(value, ctx);
      } finally {
        depth--;
      }
    },
  };
  try {
    const given = headerLookup(options?.headers);
    if (given) ctx.headers.push(given);
    return finish(classifyValue(x, ctx), ctx, x);
  } catch {
    // A hostile getter or proxy: say so rather than throw at a caller who is handling an error.
    return { ...unknownVerdict('The value could not be read'), raw: x };
  }
}

function classifyValue(x: unknown, ctx: ClassifyContext): PlatformErrorVerdict {
  if (typeof x === 'string') return classifyText(x, ctx);
  if (typeof x !== 'object' || x === null) return unknownVerdict(`${x === null ? 'null' : typeof x} is not an error answer`);
  if (Array.isArray(x)) return unknownVerdict('An array is not an error answer');
  if (isResponseLike(x)) return classifyResponse(x, ctx);
  if (isErrorLike(x)) return classifyThrownError(x, ctx);
  return classifyObject(x as Fields, ctx);
}

function classifyObject(o: Fields, ctx: ClassifyContext): PlatformErrorVerdict {
  const error = field(o, 'error');
  const errorObject = asFields(error);
  const data = asFields(field(o, 'data'));
  if ((errorObject && looksLikeTikTokError(errorObject)) || (data && looksLikeTikTokPublishStatus(data))) return classifyTikTok(o, ctx);
  if (errorObject && looksLikeGraphError(errorObject)) return classifyGraphError(errorObject, ctx);
  if (looksLikeContainerStatus(o)) return classifyContainerStatus(o, ctx);
  if (looksLikeTikTokPublishStatus(o) || looksLikeTikTokError(o)) return classifyTikTok(o, ctx);
  if (looksLikeGraphError(o)) return classifyGraphError(o, ctx);
  // OAuth-style `{ error: "invalid_token", error_description }` or an error message string.
  if (typeof error === 'string') {
    const description = field(o, 'error_description') ?? field(o, 'message');
    return ctx.nested(typeof description === 'string' ? `${error}: ${description}` : error);
  }
  // A response-like wrapper: `{ status, headers, body }` (fetch helpers, axios responses).
  const status = integerField(o, 'status') ?? integerField(o, 'statusCode');
  if (status !== undefined && status >= 100 && status <= 599) {
    ctx.httpStatus ??= status;
    const lookup = headerLookup(field(o, 'headers'));
    if (lookup) ctx.headers.push(lookup);
    const body = field(o, 'body') ?? field(o, 'data');
    if (body !== undefined && body !== null) {
      const verdict = ctx.nested(body);
      if (!isUnknownVerdict(verdict)) return verdict;
    }
    return classifyHttpStatus(status, ctx);
  }
  if (errorObject) return ctx.nested(errorObject);
  const message = field(o, 'message');
  if (typeof message === 'string') return ctx.nested(message);
  return unknownVerdict('Not a known error shape (Graph, container status, TikTok, HTTP)');
}

/** Raw input back, the longest wait any header asks for, and nothing to wait for when not retryable. */
function finish(verdict: PlatformErrorVerdict, ctx: ClassifyContext, x: unknown): PlatformErrorVerdict {
  const out: PlatformErrorVerdict = { ...verdict, raw: x };
  if (out.platform === undefined && ctx.platform !== undefined) out.platform = ctx.platform;
  if (out.httpStatus === undefined && ctx.httpStatus !== undefined) out.httpStatus = ctx.httpStatus;
  if (!out.retryable) {
    delete out.retryAfterSeconds;
    return out;
  }
  // Usage headers describe throttling, so they only set the wait of a rate-limit verdict.
  const wait = headerWait(ctx.headers, ctx.now, out.category === 'rate-limit');
  if (wait && wait.seconds > (out.retryAfterSeconds ?? -1)) {
    out.retryAfterSeconds = wait.seconds;
    out.message = `${out.message} Wait at least ${wait.seconds} s (${wait.header}).`;
  }
  return out;
}

function validDate(value: unknown): Date | undefined {
  return value instanceof Date && Number.isFinite(value.getTime()) ? value : undefined;
}
