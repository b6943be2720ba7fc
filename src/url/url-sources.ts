import { sources } from '../targets/sources.js';
import type { Source } from '../targets/target-profile.js';

/** The facts behind each URL finding; which page applies depends on the target's platform. */
export type UrlSourceKey =
  | 'publicServer'
  | 'asciiUrl'
  | 'https'
  | 'redirects'
  | 'contentType'
  | 'crawler'
  | 'crawlerBlocked'
  | 'robots'
  | 'downloadTimeout'
  | 'fileSize';

const threadsPosts: Source = {
  url: 'https://developers.facebook.com/docs/threads/posts/',
  retrieved: '2026-11',
  note: '"We will cURL your image/video using the URL provided so it must be on a public server."',
};
const igPublishing: Source = {
  url: 'https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing',
  retrieved: '2026-11',
  note: '"We cURL media used in publishing attempts, so the media must be hosted on a publicly accessible server at the time of the attempt."',
};
const metaCrawler: Source = {
  url: 'https://developers.facebook.com/docs/sharing/webmasters/crawler',
  retrieved: '2026-11',
  note: "Meta's crawler page (written for link sharing): honour Range or ignore it; content crawlable within a few seconds; facebookexternalhit might bypass robots.txt.",
};
const igError2207052: Source = {
  ...sources.igErrors,
  note: 'Error 9004 / 2207052 "The media could not be fetched from this uri"; a real answer reads "Only photo or video can be accepted as media type."',
};
const igError2207003: Source = { ...sources.igErrors, note: 'Error 2207003 "It takes too long to download the media."' };
const tiktokPull: Source = {
  ...sources.tiktok,
  note: 'PULL_FROM_URL: "The media URL must use \'https\'" and "should not redirect to another URL" (quoted by third parties from this guide).',
};
const robotsThirdParty = sources.thirdParty(
  'Meta publish fetches blocked by robots.txt',
  'https://www.ayrshare.com/docs/help-center/technical-support/meta_media_crawler_blocked',
);
const igAscii: Source = { ...sources.igMedia, note: '"URLs that contain only US ASCII characters, or the request will fail."' };
const igFileSize: Source = { ...sources.igErrors, note: 'Error 2207004 "The image is too large to download."' };

/** The source for a finding, picked for the target's platform. */
export function urlSourceFor(key: UrlSourceKey, platform: string): Source {
  const tiktok = platform === 'TikTok';
  const publicServer = platform === 'Instagram' ? igPublishing : threadsPosts;
  switch (key) {
    case 'publicServer':
      return tiktok ? sources.tiktok : publicServer;
    case 'asciiUrl':
      return igAscii;
    case 'https':
    case 'redirects':
      return tiktok ? tiktokPull : metaCrawler;
    case 'contentType':
      return igError2207052;
    case 'crawler':
      return metaCrawler;
    case 'crawlerBlocked':
    case 'robots':
      return robotsThirdParty;
    case 'downloadTimeout':
      return igError2207003;
    case 'fileSize':
      return tiktok ? sources.tiktok : igFileSize;
  }
}
