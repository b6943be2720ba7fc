import { isUnknownVerdict, unknownVerdict, verdictFromRule } from './build-verdict.js';
import type { ClassifyContext } from './classify-context.js';
import { classifyHttpStatus } from './classify-http-status.js';
import { headerLookup } from './header-lookup.js';
import type { VerdictRule } from './known-error-codes.js';
import { asFields, clip, field, integerField, stringField } from './read-field.js';
import type { PlatformErrorVerdict } from './verdict.js';

/**
 * Thrown errors: network failures and timeouts (retry), HTTP-client errors that carry the
 * platform's answer (classify that), and this library's own MediaSourceError from fetching a
 * media URL (a 403 there means fix the URL).
 */

/** Node and undici codes for a connection that failed or stalled; all are worth a retry. */
const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN',
  'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'E_SOURCE_NETWORK', 'E_SOURCE_TIMEOUT',
]);
const TIMEOUT_NAMES = new Set(['AbortError', 'TimeoutError']);
/** Cause chains are short; a cycle or a pathological chain stops here. */
const MAX_CAUSE_DEPTH = 8;

const NETWORK_RULE: VerdictRule = {
  category: 'transient', action: 'retry', retryable: true,
  advice: 'A network failure or timeout, not a platform verdict: retry with backoff.',
  source: 'retry-safety rule in threads-errors-reference.txt (timeouts are temporary)',
};

export function isErrorLike(x: object): boolean {
  if (x instanceof Error) return true;
  return typeof field(x, 'name') === 'string' && typeof field(x, 'message') === 'string' &&
    (typeof field(x, 'stack') === 'string' || field(x, 'cause') !== undefined);
}

export function classifyThrownError(error: object, ctx: ClassifyContext): PlatformErrorVerdict {
  const fromBody = platformAnswer(error, ctx);
  if (fromBody) return fromBody;

  const chain = causeChain(error);
  for (const link of chain) {
    const name = stringField(link, 'name');
    const code = stringField(link, 'code');
    if ((name !== undefined && TIMEOUT_NAMES.has(name)) || (code !== undefined && NETWORK_CODES.has(code))) {
      return verdictFromRule(NETWORK_RULE, { what: `${name ?? 'Error'}${code ? ` ${code}` : ''}: ${clip(stringField(link, 'message') ?? '', 200)}`, platform: ctx.platform });
    }
  }

  // HTTP clients put the status on the error; ours (MediaSourceError) did so for a media URL.
  const status = integerField(error, 'status') ?? integerField(error, 'statusCode');
  if (status !== undefined && status >= 400 && status <= 599) {
    if (stringField(error, 'code')?.startsWith('E_SOURCE')) ctx.target ??= 'media-url';
    const verdict = classifyHttpStatus(status, ctx);
    if (!isUnknownVerdict(verdict)) return verdict;
  }

  for (const link of chain) {
    const message = stringField(link, 'message');
    if (!message) continue;
    const verdict = ctx.nested(message);
    if (!isUnknownVerdict(verdict)) return verdict;
  }
  return unknownVerdict(`${stringField(error, 'name') ?? 'Error'}: ${clip(stringField(error, 'message') ?? '', 200)}`, { platform: ctx.platform });
}

/** The platform's answer carried by an SDK error: axios `response.data`, or `body`/`data`/`error`. */
function platformAnswer(error: object, ctx: ClassifyContext): PlatformErrorVerdict | undefined {
  const response = asFields(field(error, 'response'));
  if (response) {
    const lookup = headerLookup(field(response, 'headers'));
    if (lookup) ctx.headers.push(lookup);
    const status = integerField(response, 'status');
    if (status !== undefined && status >= 100 && status <= 599) ctx.httpStatus ??= status;
    const body = field(response, 'data') ?? field(response, 'body');
    if (body !== undefined && body !== null) {
      const verdict = ctx.nested(body);
      if (!isUnknownVerdict(verdict)) return verdict;
    }
    if (status !== undefined && status >= 400) return classifyHttpStatus(status, ctx);
  }
  for (const key of ['body', 'data', 'error'] as const) {
    const value = field(error, key);
    if (typeof value !== 'object' || value === null) continue;
    const verdict = ctx.nested(value);
    if (!isUnknownVerdict(verdict)) return verdict;
  }
  return undefined;
}

function causeChain(error: object): object[] {
  const chain: object[] = [];
  let link: unknown = error;
  while (typeof link === 'object' && link !== null && chain.length < MAX_CAUSE_DEPTH && !chain.includes(link)) {
    chain.push(link);
    link = field(link, 'cause');
  }
  return chain;
}
