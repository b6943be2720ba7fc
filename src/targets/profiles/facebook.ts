import { sources } from '../sources.js';
import { MB, recommended, required } from '../limit-helpers.js';
import type { TargetProfile, VideoRules } from '../target-profile.js';

const s = sources.fbReels;

const fbReelVideo: VideoRules = {
  containers: recommended(['mp4'], { ...s, note: '.mp4 is "recommended"; other containers are not documented as refused.' }),
  videoCodecs: required(['h264', 'hevc', 'vp9', 'av1'], s),
  progressive: required(true, s),
  closedGop: required(true, s),
  keyframeInterval: recommended({ min: 2, max: 5 }, { ...s, note: 'Closed GOP of 2–5 seconds.' }),
  chroma: required(['4:2:0'], s),
  constantFrameRate: required(true, s),
  frameRate: required({ min: 24, max: 60 }, s),
  shortSide: required({ min: 540 }, { ...s, note: 'Minimum 540x960; 1080x1920 recommended.' }),
  longSide: required({ min: 960 }, s),
  recommendedAspectRatio: recommended(9 / 16, s),
  aacProfiles: recommended(['AAC-LC'], s),
  audioCodecs: required(['aac'], s),
  sampleRates: recommended([48_000], s),
  channels: recommended({ min: 2, max: 2 }, s),
  audioBitrate: recommended({ min: 128_000 }, s),
  duration: required({ min: 3, max: 90 }, s),
};

export const facebookReels: TargetProfile = {
  id: 'facebook-reels',
  name: 'Facebook Reel (Page)',
  platform: 'Facebook',
  accepts: ['video'],
  video: fbReelVideo,
  notes: ['No official maximum file size; third-party pages say 1 GB.'],
};

export const facebookStory: TargetProfile = {
  id: 'facebook-story',
  name: 'Facebook Page Story',
  platform: 'Facebook',
  accepts: ['video', 'image'],
  video: { ...fbReelVideo, duration: required({ min: 3, max: 60 }, { ...sources.fbStories, note: 'A video story can not exceed 60 seconds.' }) },
  image: {
    formats: required(['jpeg', 'bmp', 'png', 'gif', 'tiff'], sources.fbStories),
    fileSize: required({ max: 10 * MB }, { ...sources.fbStories, note: 'PNG under 1 MB recommended.' }),
  },
  notes: ['A photo or video used for a story must not have been used in a previously published post.'],
};
