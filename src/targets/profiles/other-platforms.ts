import { sources } from '../sources.js';
import { GB, MB, recommended, required } from '../limit-helpers.js';
import type { TargetProfile } from '../target-profile.js';

export const x: TargetProfile = {
  id: 'x',
  name: 'X (Twitter) video',
  platform: 'X',
  accepts: ['video', 'image'],
  video: {
    videoCodecs: recommended(['h264'], { ...sources.x, note: 'H.264 High Profile recommended.' }),
    h264Profiles: recommended(['High', 'Main', 'Constrained Baseline', 'Baseline'], sources.x),
    chroma: required(['4:2:0'], sources.x),
    closedGop: required(true, sources.x),
    progressive: required(true, sources.x),
    frameRate: required({ max: 60 }, sources.x),
    shortSide: required({ min: 32 }, sources.x),
    longSide: required(
      { max: 1920 },
      { ...sources.x, note: 'Older pages: at most 1280x1024; newer: 1080p for subscribed accounts, 720p playback otherwise.' },
    ),
    aspectRatio: required({ min: 1 / 3, max: 3 }, sources.x),
    squarePixels: required(true, sources.x),
    audioCodecs: required(['aac'], sources.x),
    aacProfiles: required(['AAC-LC'], { ...sources.x, note: 'High-Efficiency AAC is not supported.' }),
    channels: required({ min: 1, max: 2 }, sources.x),
    audioBitrate: recommended({ min: 128_000 }, sources.x),
    duration: required({ min: 0.5, max: 140 }, sources.x),
    fileSize: required({ max: 512 * MB }, sources.x),
  },
  image: {
    formats: required(['jpeg', 'png', 'gif', 'webp'], sources.x),
    fileSize: required({ max: 5 * MB }, { ...sources.x, note: 'Animated GIFs may be up to 15 MB.' }),
  },
  notes: ['The API pages do not name a container; MP4 is what X encodes to.'],
};

export const linkedin: TargetProfile = {
  id: 'linkedin',
  name: 'LinkedIn video',
  platform: 'LinkedIn',
  accepts: ['video'],
  video: {
    containers: required(['mp4'], sources.linkedin),
    duration: required({ min: 3, max: 30 * 60 }, sources.linkedin),
    fileSize: required({ min: 75_000, max: 500 * MB }, { ...sources.linkedin, note: 'The schema field says 5 GB; the size specification says 500 MB.' }),
    aspectRatio: recommended({ min: 1 / 2.4, max: 2.4 }, sources.thirdParty('aspect ratio 1:2.4 to 2.4:1', 'https://www.ayrshare.com/docs/media-guidelines/linkedin')),
  },
  notes: [],
};

export const pinterest: TargetProfile = {
  id: 'pinterest',
  name: 'Pinterest video Pin',
  platform: 'Pinterest',
  accepts: ['video'],
  video: {
    containers: required(['mp4', 'mov'], { ...sources.pinterest, note: '.mp4, .mov or .m4v (an M4V is an MP4).' }),
    videoCodecs: required(['h264', 'hevc'], sources.pinterest),
    fileSize: required({ max: 2 * GB }, sources.pinterest),
    duration: required({ min: 4, max: 15 * 60 }, sources.pinterest),
    aspectRatio: required({ min: 0.5, max: 1.91 }, { ...sources.pinterest, note: 'Taller than 1.91:1 and shorter than 1:2.' }),
  },
  notes: ['The only official copy found is archived from 2021.'],
};

export const bluesky: TargetProfile = {
  id: 'bluesky',
  name: 'Bluesky video',
  platform: 'Bluesky',
  accepts: ['video'],
  video: {
    containers: required(['mp4'], { ...sources.blueskyLexicon, note: 'The embed blob accepts video/mp4.' }),
    fileSize: required({ max: 100 * MB }, sources.blueskyLexicon),
    duration: recommended({ max: 180 }, sources.thirdParty('3 minutes since app v1.99', 'https://bsky.social/about/blog')),
  },
  notes: ['Daily caps (25 videos or 10 GB at launch) are read live from app.bsky.video.getUploadLimits.'],
};
