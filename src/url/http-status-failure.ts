import { UrlFailure } from './url-failure.js';
import type { UrlIssueCode } from './url-issue.js';

/** A non-2xx answer the crawler does not follow, as the finding it is. */
export function httpStatusFailure(status: number, statusText: string): UrlFailure {
  const code = codeForStatus(status);
  const text = statusText ? ` ${statusText}` : '';
  const actual = `HTTP ${status}${text}`;
  return new UrlFailure(code, `${messageForStatus(status)} (${actual}).`, actual);
}

function codeForStatus(status: number): UrlIssueCode {
  switch (status) {
    case 401:
      return 'url-http-401';
    case 403:
      return 'url-http-403';
    case 404:
      return 'url-http-404';
    case 410:
      return 'url-http-410';
    case 429:
      return 'url-http-429';
  }
  return status >= 500 && status <= 599 ? 'url-http-5xx' : 'url-http-status';
}

function messageForStatus(status: number): string {
  if (status === 401) return 'The server asks for credentials: the file is not public, and the crawler sends none';
  if (status === 403) return 'The server refuses the crawler: the file is not public, the crawler is blocked, or a presigned URL expired';
  if (status === 404) return 'The server has no file at this URL';
  if (status === 410) return 'The file is gone from this URL';
  if (status === 429) return 'The server is rate limiting right now (temporary); at publish time the fetch fails if it still does';
  if (status >= 500 && status <= 599) return 'The server failed (temporary); at publish time the fetch fails if it still does';
  return 'The server did not answer with the file';
}
