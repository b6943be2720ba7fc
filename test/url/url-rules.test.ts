import { describe, expect, it } from 'vitest';
import { matchesPattern, parseRobotsTxt, productToken, robotsDecision } from '../../src/url/robots-txt.js';
import { presignedExpiry } from '../../src/url/presigned-expiry.js';
import { acceptedMediaTypes, judgeContentType, parseMediaType } from '../../src/url/content-type.js';
import { resolveTarget } from '../../src/targets/targets.js';
import { IssueCodeSchema } from '../../src/validate/issue.js';
import { urlIssue, urlIssueCodes } from '../../src/url/url-issue.js';
import { checkUrl } from '../../src/url/check-url.js';
import { MediaPreflightError } from '../../src/errors/media-preflight-error.js';

describe('robots.txt (RFC 9309)', () => {
  const robots = (text: string, path: string, agent = 'facebookexternalhit') => robotsDecision(parseRobotsTxt(text), agent, path);

  it('the longest match wins, and Allow wins a tie', () => {
    const text = 'User-agent: *\nDisallow: /media/\nAllow: /media/public/\nDisallow: /x\nAllow: /x\n';
    expect(robots(text, '/media/a.mp4').allowed).toBe(false);
    expect(robots(text, '/media/public/a.mp4').allowed).toBe(true);
    expect(robots(text, '/x').allowed).toBe(true);
    expect(robots(text, '/other').allowed).toBe(true);
  });

  it('matches the product token case-insensitively and ignores the version', () => {
    const text = 'User-agent: FacebookExternalHit/1.1\nDisallow: /\n';
    expect(robots(text, '/a.mp4').allowed).toBe(false);
    expect(robots(text, '/a.mp4', 'googlebot').allowed).toBe(true);
    expect(productToken('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)')).toBe('facebookexternalhit');
  });

  it('groups several user-agent lines, and a later user-agent after rules starts a new group', () => {
    const text = 'User-agent: a\nUser-agent: facebookexternalhit\nDisallow: /private\nUser-agent: b\nDisallow: /\n';
    expect(robots(text, '/private/x').allowed).toBe(false);
    expect(robots(text, '/public').allowed).toBe(true);
    expect(robots(text, '/public', 'b').allowed).toBe(false);
  });

  it('an empty Disallow allows all; comments and junk lines are ignored; /robots.txt is always allowed', () => {
    expect(robots('User-agent: *\nDisallow:\n', '/a').allowed).toBe(true);
    expect(robots('# hi\nUser-agent: * # all\nDisallow: /a # no\nnonsense\n\u0000\n', '/a/b').allowed).toBe(false);
    expect(robots('User-agent: *\nDisallow: /\n', '/robots.txt').allowed).toBe(true);
  });

  it('wildcards and end anchors', () => {
    expect(matchesPattern('/*.mp4$', '/v/clip.mp4')).toBe(true);
    expect(matchesPattern('/*.mp4$', '/v/clip.mp4?x=1')).toBe(false);
    expect(matchesPattern('/*.mp4', '/v/clip.mp4?x=1')).toBe(true);
    expect(matchesPattern('/a*b*c', '/axxbyyc/zz')).toBe(true);
    expect(matchesPattern('/a*b*c', '/axxbyy')).toBe(false);
    expect(matchesPattern('/fish$', '/fish')).toBe(true);
    expect(matchesPattern('/fish$', '/fishes')).toBe(false);
    expect(matchesPattern('*', '/anything')).toBe(true);
  });

  it('compares percent-encoded and raw paths alike', () => {
    expect(robots('User-agent: *\nDisallow: /caf%C3%A9/\n', '/café/a.mp4'.replace('é', '%c3%a9')).allowed).toBe(false);
    expect(robots('User-agent: *\nDisallow: /%7Euser/\n', '/~user/a').allowed).toBe(false);
  });

  it('stays fast on a hostile pattern', () => {
    const text = `User-agent: *\nDisallow: /${'*a'.repeat(500)}b\n`;
    const started = performance.now();
    expect(robots(text, `/${'a'.repeat(2000)}`).allowed).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('presigned URL expiry', () => {
  it('S3 SigV4: X-Amz-Date + X-Amz-Expires', () => {
    const e = presignedExpiry(new URL('https://b.s3.amazonaws.com/k?X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-Signature=s'));
    expect(e).toEqual({ scheme: 's3-v4', expiresAtMs: Date.UTC(2026, 0, 1, 1, 0, 0) });
  });

  it('GCS V4: X-Goog-Date + X-Goog-Expires, case-insensitive names', () => {
    const e = presignedExpiry(new URL('https://storage.googleapis.com/b/k?x-goog-date=20260101T120000Z&x-goog-expires=60&x-goog-signature=s'));
    expect(e).toEqual({ scheme: 'gcs-v4', expiresAtMs: Date.UTC(2026, 0, 1, 12, 1, 0) });
  });

  it('CloudFront canned Expires and custom Policy', () => {
    expect(presignedExpiry(new URL('https://d.cloudfront.net/k?Expires=1767225600&Signature=s&Key-Pair-Id=K')))
      .toEqual({ scheme: 'cloudfront', expiresAtMs: 1767225600_000 });
    const policy = btoa(JSON.stringify({ Statement: [{ Resource: 'https://d.cloudfront.net/k', Condition: { DateLessThan: { 'AWS:EpochTime': 1767225600 } } }] }))
      .replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');
    expect(presignedExpiry(new URL(`https://d.cloudfront.net/k?Policy=${policy}&Signature=s&Key-Pair-Id=K`)))
      .toEqual({ scheme: 'cloudfront-policy', expiresAtMs: 1767225600_000 });
  });

  it('caps X-Amz-Expires at 7 days and ignores an unsigned expires parameter', () => {
    const e = presignedExpiry(new URL('https://b.s3.amazonaws.com/k?X-Amz-Date=20260101T000000Z&X-Amz-Expires=999999999&X-Amz-Signature=s'));
    expect(e!.expiresAtMs).toBe(Date.UTC(2026, 0, 8));
    expect(presignedExpiry(new URL('https://example.com/video.mp4?expires=1'))).toBeNull();
    expect(presignedExpiry(new URL('https://example.com/video.mp4?X-Amz-Date=garbage&X-Amz-Expires=60'))).toBeNull();
    expect(presignedExpiry(new URL('https://example.com/video.mp4?Policy=%%%&Key-Pair-Id=K'))).toBeNull();
  });
});

describe('Content-Type', () => {
  const threads = resolveTarget('threads');
  it('parses media types', () => {
    expect(parseMediaType('Video/MP4; charset=binary')).toBe('video/mp4');
    expect(parseMediaType('nonsense')).toBeNull();
    expect(parseMediaType(null)).toBeNull();
  });
  it('derives the accepted types from the target', () => {
    expect(acceptedMediaTypes(threads).sort()).toEqual(['image/jpeg', 'image/png', 'video/mp4', 'video/quicktime']);
    expect(acceptedMediaTypes(resolveTarget('tiktok'))).toContain('video/webm');
    expect(acceptedMediaTypes(resolveTarget('instagram-reels'))).not.toContain('image/jpeg');
  });
  it('judges each family', () => {
    expect(judgeContentType('text/html', threads).fit).toBe('html');
    expect(judgeContentType('application/xhtml+xml', threads).fit).toBe('html');
    expect(judgeContentType('application/json', threads).fit).toBe('not-media');
    expect(judgeContentType('binary/octet-stream', threads).fit).toBe('unspecific');
    expect(judgeContentType(undefined, threads).fit).toBe('unspecific');
    expect(judgeContentType('image/gif', threads).fit).toBe('unexpected');
    expect(judgeContentType('video/quicktime', threads).fit).toBe('accepted');
  });
});

describe('issues and options', () => {
  it('every url code is a valid issue code, and carries FAILED_DOWNLOADING_VIDEO only on Meta targets', () => {
    for (const code of urlIssueCodes) {
      expect(IssueCodeSchema.safeParse(code).success, code).toBe(true);
      const onThreads = urlIssue(code, { message: 'm', expected: 'e', actual: 'a' }, resolveTarget('threads'));
      const onYoutube = urlIssue(code, { message: 'm', expected: 'e', actual: 'a' }, resolveTarget('youtube'));
      expect(onThreads.platformError).toBe(onThreads.documentedError === 'media-fetch-failed' ? 'FAILED_DOWNLOADING_VIDEO' : null);
      expect(onYoutube.platformError).toBeNull();
      expect(onThreads.fix.length).toBeGreaterThan(10);
    }
  });

  it('throws for bad options (programmer errors) and for a non-URL argument', async () => {
    const bad = [{ timeoutMs: 0 }, { timeoutMs: Number.NaN }, { maxBytes: -1 }, { maxBytes: 1.5 }, { maxRedirects: 99 }, { publishWindowSeconds: -1 }, { userAgent: '' }, { userAgent: 'a\r\nX-Evil: 1' }, { target: 'no-such-target' }, { transport: {} as never }];
    for (const options of bad) {
      await expect(checkUrl('https://example.com/a.mp4', options as never), JSON.stringify(options)).rejects.toBeInstanceOf(MediaPreflightError);
    }
    await expect(checkUrl(42 as never)).rejects.toBeInstanceOf(MediaPreflightError);
  });

  it('rejects with the caller\u2019s abort reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(checkUrl('https://example.com/a.mp4', { signal: controller.signal })).rejects.toThrow('stop');
  });
});
