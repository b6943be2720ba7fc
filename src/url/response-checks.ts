import type { TargetProfile } from '../targets/target-profile.js';
import type { MediaInfo } from '../probe/media-info.js';
import { judgeContentType, kindOfMediaType, parseMediaType } from './content-type.js';
import type { OpenedMedia } from './open-media.js';
import type { UrlFindings } from './url-findings.js';

/** What the opening answer says about the crawler's download: redirects, speed, Range, type, length. */
export function checkOpening(findings: UrlFindings, opened: OpenedMedia, firstByteBudgetMs: number): void {
  const { target } = findings;
  const redirects = opened.exchange.redirects;
  if (redirects.length > 0) {
    const tiktok = target.platform === 'TikTok';
    findings.add('url-redirects', {
      message: `The URL redirects ${redirects.length} time${redirects.length === 1 ? '' : 's'} before the file${tiktok ? '; TikTok says a pulled URL "should not redirect"' : ''}.`,
      expected: 'the file at the URL itself',
      actual: [redirects[0]!.from, ...redirects.map((h) => `${h.status ?? '3xx'} ${h.to}`)].join(' → '),
    });
  }
  if (redirects.length > 0 && opened.exchange.url.protocol === 'http:' && !findings.has('url-not-https')) {
    const tiktok = target.platform === 'TikTok';
    findings.add('url-not-https', {
      severity: tiktok ? 'error' : 'warning',
      documentedError: tiktok ? 'media-fetch-failed' : null,
      message: 'The https URL redirects to plain http.',
      expected: 'https all the way',
      actual: redirects.at(-1)!.to,
    });
  }
  if (opened.firstByteMs > firstByteBudgetMs) {
    findings.add('url-slow', {
      message: `The first bytes took ${Math.round(opened.firstByteMs)} ms to arrive; crawlers expect content "within a few seconds".`,
      expected: `first byte within ${firstByteBudgetMs} ms`,
      actual: `${Math.round(opened.firstByteMs)} ms`,
    });
  }
  if (!opened.rangeSupported) {
    findings.add('url-no-range', {
      message: `The server ignored the Range request and answered ${opened.status} with the whole file.`,
      expected: '206 Partial Content for a Range request',
      actual: `HTTP ${opened.status}`,
    });
  }
  if (!opened.lengthDeclared) {
    findings.add('url-no-length', {
      message: 'The server sends no Content-Length, so the crawler cannot know the size or check the download.',
      expected: 'a Content-Length (or a Content-Range total)',
      actual: 'no length',
    });
  }
  const encoding = opened.contentEncoding?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    findings.add('url-content-encoding', {
      message: `The server compresses the media with Content-Encoding: ${encoding}, although the request asked for identity.`,
      expected: 'Content-Encoding: identity (or none)',
      actual: encoding,
    });
  }
  checkContentType(findings, opened.contentType, target);
}

function checkContentType(findings: UrlFindings, header: string | null, target: TargetProfile): void {
  const fit = judgeContentType(header, target);
  const expected = 'video/mp4, video/quicktime, image/jpeg or image/png (what the target takes)';
  if (fit.fit === 'html') {
    findings.add('url-content-type', {
      message: 'The URL serves a web page (HTML), not the media file: link the file itself, not the page that shows it.',
      expected,
      actual: fit.mediaType,
    });
  } else if (fit.fit === 'not-media') {
    findings.add('url-content-type', {
      message: `The URL serves ${fit.mediaType}, which is neither photo nor video ("Only photo or video can be accepted as media type").`,
      expected,
      actual: fit.mediaType,
    });
  } else if (fit.fit === 'unspecific') {
    findings.add('url-content-type-unspecific', {
      message: fit.mediaType ? `The server labels the file ${fit.mediaType}, not as photo or video.` : 'The server sends no Content-Type.',
      expected,
      actual: fit.mediaType ?? '(none)',
    });
  } else if (fit.fit === 'unexpected') {
    findings.add('url-content-type-unexpected', {
      message: `The server labels the file ${fit.mediaType}, a type ${target.platform} does not take.`,
      expected,
      actual: fit.mediaType,
    });
  }
}

/** The size against the target's limit, for the kind the probe found (or the Content-Type announced). */
export function checkSize(findings: UrlFindings, size: number, contentType: string | null, media: MediaInfo | null): void {
  const { target } = findings;
  const kind = media?.kind === 'image' ? 'image' : media?.kind === 'video' ? 'video' : (kindOfMediaType(parseMediaType(contentType)) ?? 'video');
  const limit = kind === 'image' ? target.image?.fileSize : target.video?.fileSize;
  const max = limit?.value.max;
  if (!limit || max === undefined || size <= max) return;
  findings.add('url-too-large', {
    severity: limit.severity,
    message: `The file is ${formatBytes(size)}; ${target.name} takes ${kind === 'image' ? 'images' : 'videos'} up to ${formatBytes(max)}.`,
    expected: `at most ${max} bytes`,
    actual: `${size} bytes`,
    remedy: kind === 'image' ? 'convert-image' : 'transcode-video',
    source: limit.source,
  });
}

function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}
