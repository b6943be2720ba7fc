import { sources } from '../sources.js';
import { GB, MiB, recommended, required } from '../limit-helpers.js';
import type { ImageRules, TargetProfile, VideoRules } from '../target-profile.js';

const s = sources.threadsOverview;

/** Threads video rules, shared by the single-post and carousel targets. */
export const threadsVideo: VideoRules = {
  containers: required(['mp4', 'mov'], s),
  faststart: required(true, s),
  noEditLists: required(true, s),
  videoCodecs: required(['h264', 'hevc'], s),
  chroma: required(['4:2:0'], s),
  progressive: required(true, s),
  closedGop: required(true, s),
  frameRate: required({ min: 23, max: 60 }, s),
  width: required({ max: 1920 }, s),
  aspectRatio: required({ min: 0.01, max: 10 }, s),
  recommendedAspectRatio: recommended(9 / 16, s),
  videoBitrate: required(
    { max: 100_000_000 },
    { ...s, note: 'The current page says VBR 100 Mbps maximum; older copies and most vendor pages say 25 Mbps.' },
  ),
  audioCodecs: required(['aac'], s),
  sampleRate: required({ max: 48_000 }, s),
  channels: required({ min: 1, max: 2 }, s),
  audioBitrate: recommended({ max: 128_000 }, { ...s, note: 'The page lists "128 kbps" without saying whether it is a cap.' }),
  duration: required({ min: 0.001, max: 300 }, s),
  fileSize: required({ max: GB }, { ...s, note: 'Meta does not say whether GB is decimal or binary; the smaller, decimal figure is used.' }),
};

export const threadsImage: ImageRules = {
  formats: required(['jpeg', 'png'], sources.threadsImages),
  fileSize: required({ max: 8 * MiB }, { ...sources.threadsImages, note: 'Read as 8 MiB, the unit Meta uses in the matching Instagram error (2207004).' }),
  aspectRatio: required({ min: 0.1, max: 10 }, sources.threadsImages),
  width: recommended({ min: 320, max: 1440 }, { ...sources.threadsImages, note: 'Images outside 320–1440 px wide are scaled, not refused.' }),
};

export const threads: TargetProfile = {
  id: 'threads',
  name: 'Threads post',
  platform: 'Threads',
  accepts: ['video', 'image'],
  video: threadsVideo,
  image: threadsImage,
  notes: [
    'Video bitrate: the current Threads page says 100 Mbps; older copies said 25 Mbps.',
    'Threads fetches video_url/image_url from a public server at publish time (see the URL check).',
  ],
};

export const threadsCarousel: TargetProfile = {
  id: 'threads-carousel',
  name: 'Threads carousel',
  platform: 'Threads',
  accepts: ['video', 'image'],
  video: threadsVideo,
  image: threadsImage,
  items: required({ min: 2, max: 20 }, sources.threadsCarousel),
  notes: ['Each item must pass the single-post rules; a carousel counts as one post for rate limits.'],
};
