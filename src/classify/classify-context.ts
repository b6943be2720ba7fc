import type { HeaderLookup } from './header-lookup.js';
import type { ErrorPlatform, PlatformErrorVerdict } from './verdict.js';

/** What one classification has learnt so far, shared by the nested steps. */
export interface ClassifyContext {
  now: Date;
  /** Every header set met on the way in (the caller's, a Response's, an SDK error's). */
  headers: HeaderLookup[];
  /** The platform the request went to, when a URL told us. */
  platform?: ErrorPlatform;
  /**
   * Whose answer an HTTP status is: the platform's API, or a media host we (or the platform)
   * fetched. A 401/403/404 from a media host means fix the URL, not the token.
   */
  target?: 'api' | 'media-url';
  httpStatus?: number;
  /** Classifies something found inside the input (an embedded body, an SDK error's data). */
  nested: (value: unknown) => PlatformErrorVerdict;
}
