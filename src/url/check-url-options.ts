import { MediaPreflightError } from '../errors/media-preflight-error.js';
import type { TargetInput } from '../targets/targets.js';
import type { Resolver, UrlTransport } from './transport.js';

/** Options for {@link checkUrl}. */
export type CheckUrlOptions = {
  /** Target id or profile. @default 'threads' */
  target?: TargetInput;
  /** Cancels the check; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overall time for the whole check (every request, the probe and robots.txt). @default 20000 */
  timeoutMs?: number;
  /** Most body bytes read over every request together. @default 16 MiB */
  maxBytes?: number;
  /** The crawler's User-Agent. @default 'facebookexternalhit/1.1' */
  userAgent?: string;
  /** Allow loopback, private and other non-public addresses (testing a local server). @default false */
  allowPrivateNetwork?: boolean;
  /** How long after the check the platform may still fetch the URL; presigned URLs must outlive it. @default 3600 */
  publishWindowSeconds?: number;
  /** Name resolution for the Node transport (tests). @default the system resolver, all addresses */
  resolver?: Resolver;
  /** Time to the first body byte before `url-slow`. @default 5000 */
  firstByteBudgetMs?: number;
  /** Redirects followed before `url-too-many-redirects`. @default 5 */
  maxRedirects?: number;
  /** Fetch and apply robots.txt (Node only). @default true */
  robots?: boolean;
  /** The network layer; default: node:http(s) with address checks in Node, `fetch` in a browser. `resolver` applies only to the default. */
  transport?: UrlTransport;
};

export type ResolvedCheckUrlOptions = Required<Omit<CheckUrlOptions, 'signal' | 'resolver' | 'transport'>> &
  Pick<CheckUrlOptions, 'signal' | 'resolver' | 'transport'>;

/** The defaults checkUrl uses for every option not given. */
export const checkUrlDefaults = {
  target: 'threads',
  timeoutMs: 20_000,
  /** Independent of the file's moov size: enough for the moov of a multi-hour file, far below a whole video. */
  maxBytes: 16 * 1024 * 1024,
  userAgent: 'facebookexternalhit/1.1',
  allowPrivateNetwork: false,
  publishWindowSeconds: 3600,
  firstByteBudgetMs: 5000,
  maxRedirects: 5,
  robots: true,
} as const;

/** Applies defaults and rejects bad options (programmer errors, so they throw). */
export function resolveCheckUrlOptions(options: CheckUrlOptions): ResolvedCheckUrlOptions {
  const o = { ...checkUrlDefaults, ...stripUndefined(options) };
  positive('timeoutMs', o.timeoutMs);
  positive('firstByteBudgetMs', o.firstByteBudgetMs);
  if (!Number.isSafeInteger(o.maxBytes) || o.maxBytes < 1) bad(`maxBytes must be a positive integer, got ${String(o.maxBytes)}`);
  if (!Number.isInteger(o.maxRedirects) || o.maxRedirects < 0 || o.maxRedirects > 20) bad(`maxRedirects must be an integer from 0 to 20, got ${String(o.maxRedirects)}`);
  if (!Number.isFinite(o.publishWindowSeconds) || o.publishWindowSeconds < 0) bad(`publishWindowSeconds must be a non-negative number, got ${String(o.publishWindowSeconds)}`);
  if (typeof o.userAgent !== 'string' || o.userAgent.trim() === '' || /[\r\n]/.test(o.userAgent)) bad('userAgent must be a non-empty single-line string');
  if (o.resolver !== undefined && typeof o.resolver !== 'function') bad('resolver must be a function');
  if (o.transport !== undefined && typeof o.transport?.request !== 'function') bad('transport must have a request function');
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) bad('signal must be an AbortSignal');
  return o;
}

function positive(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) bad(`${name} must be a positive number, got ${String(value)}`);
}

function bad(message: string): never {
  throw new MediaPreflightError(`checkUrl: ${message}`, 'E_BAD_ARGUMENT');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
