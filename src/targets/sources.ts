import type { Source } from './target-profile.js';

/**
 * Where each figure comes from. `retrieved` is the date of the stored copy we read (see
 * shared/reference/platform-specs.md); live pages may have moved on since.
 */
export const sources = {
  threadsOverview: {
    url: 'https://developers.facebook.com/docs/threads/overview/#video-specifications',
    retrieved: '2026-11',
  },
  threadsImages: {
    url: 'https://developers.facebook.com/docs/threads/overview/#image-specifications',
    retrieved: '2026-11',
  },
  threadsCarousel: {
    url: 'https://developers.facebook.com/docs/threads/overview/#carousels',
    retrieved: '2026-11',
    note: 'Older copies said at most 10 children; the current page says 20.',
  },
  igMedia: {
    url: 'https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media',
    retrieved: '2025-07 (v24.0 copy)',
  },
  igErrors: {
    url: 'https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes',
    retrieved: '2026-06',
  },
  fbReels: { url: 'https://developers.facebook.com/docs/video-api/guides/reels-publishing/', retrieved: '2026-11' },
  fbStories: { url: 'https://developers.facebook.com/docs/page-stories-api', retrieved: '2026-11' },
  tiktok: { url: 'https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide', retrieved: '2026-11' },
  youtubeEncoding: { url: 'https://support.google.com/youtube/answer/1722171', retrieved: '2026-11' },
  youtubeApi: { url: 'https://developers.google.com/youtube/v3/docs/videos/insert', retrieved: '2026-11' },
  youtubeShorts: { url: 'https://support.google.com/youtube/answer/15424877', retrieved: '2026-11' },
  x: { url: 'https://docs.x.com/x-api/media/quickstart/best-practices', retrieved: '2026-11' },
  linkedin: { url: 'https://learn.microsoft.com/linkedin/marketing/community-management/shares/videos-api', retrieved: '2026-11' },
  pinterest: { url: 'https://help.pinterest.com/en/business/article/video-pins', retrieved: '2021-01-13 (archived copy)' },
  blueskyLexicon: { url: 'https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/video.json', retrieved: '2026-11' },
  thirdParty: (what: string, url: string): Source => ({ url, retrieved: '2026-11', note: `Third-party figure (${what}); the platform's own pages do not state it.` }),
} satisfies Record<string, Source | ((what: string, url: string) => Source)>;
