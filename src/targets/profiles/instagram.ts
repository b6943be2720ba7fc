import { sources } from '../sources.js';
import { MB, MiB, recommended, required } from '../limit-helpers.js';
import type { ImageRules, TargetProfile, VideoRules } from '../target-profile.js';

const s = sources.igMedia;

const igVideoBase: VideoRules = {
  containers: required(['mp4', 'mov'], s),
  faststart: required(true, s),
  noEditLists: required(true, s),
  videoCodecs: required(['h264', 'hevc'], s),
  chroma: required(['4:2:0'], s),
  progressive: required(true, s),
  closedGop: required(true, s),
  frameRate: required({ min: 23, max: 60 }, s),
  width: required({ max: 1920 }, s),
  recommendedAspectRatio: recommended(9 / 16, s),
  videoBitrate: required({ max: 25_000_000 }, s),
  audioCodecs: required(['aac'], s),
  sampleRate: required({ max: 48_000 }, s),
  channels: required({ min: 1, max: 2 }, s),
  audioBitrate: recommended({ max: 128_000 }, s),
};

const igJpeg: ImageRules = {
  formats: required(['jpeg'], { ...s, note: 'JPEG is the only image format supported; MPO and JPS are not.' }),
  fileSize: required({ max: 8 * MiB }, { ...sources.igErrors, note: 'Error 2207004: "It should be less than 8 MiB".' }),
};

export const instagramReels: TargetProfile = {
  id: 'instagram-reels',
  name: 'Instagram Reel',
  platform: 'Instagram',
  accepts: ['video'],
  video: {
    ...igVideoBase,
    aspectRatio: required({ min: 0.01, max: 10 }, s),
    duration: required({ min: 3, max: 15 * 60 }, s),
    fileSize: required({ max: 300 * MB }, { ...s, note: 'The v24.0 reference says 300 MB; older copies said 1 GB.' }),
  },
  notes: ['Reels file size: 300 MB in the current reference, 1 GB in older copies; the current figure is used.'],
};

export const instagramStory: TargetProfile = {
  id: 'instagram-story',
  name: 'Instagram Story',
  platform: 'Instagram',
  accepts: ['video', 'image'],
  video: {
    ...igVideoBase,
    aspectRatio: required({ min: 0.1, max: 10 }, s),
    duration: required({ min: 3, max: 60 }, s),
    fileSize: required({ max: 100 * MB }, s),
  },
  image: igJpeg,
  notes: [],
};

export const instagramFeedImage: TargetProfile = {
  id: 'instagram-feed-image',
  name: 'Instagram feed image',
  platform: 'Instagram',
  accepts: ['image'],
  image: {
    ...igJpeg,
    aspectRatio: required({ min: 0.8, max: 1.91 }, { ...sources.igErrors, note: 'Error 2207009: use an image within a 4:5 to 1.91:1 range.' }),
    width: recommended({ min: 320, max: 1440 }, { ...s, note: 'Images outside 320–1440 px wide are scaled, not refused.' }),
  },
  notes: [],
};
