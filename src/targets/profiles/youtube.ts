import { sources } from '../sources.js';
import { GB, recommended, required } from '../limit-helpers.js';
import type { TargetProfile, VideoRules } from '../target-profile.js';

const e = sources.youtubeEncoding;

const youtubeVideo: VideoRules = {
  containers: recommended(['mp4', 'mov', 'webm'], { ...e, note: 'MP4 is recommended; the API accepts any video/* type.' }),
  faststart: recommended(true, e),
  noEditLists: recommended(true, { ...e, note: '"No Edit Lists (or the video might not be processed correctly)".' }),
  videoCodecs: recommended(['h264'], e),
  h264Profiles: recommended(['High', 'Main', 'Constrained Baseline', 'Baseline'], { ...e, note: 'High Profile recommended.' }),
  progressive: recommended(true, e),
  closedGop: recommended(true, e),
  chroma: recommended(['4:2:0'], e),
  audioCodecs: recommended(['aac'], e),
  aacProfiles: recommended(['AAC-LC'], e),
  sampleRates: recommended([48_000, 96_000], e),
  fileSize: required({ max: 256 * GB }, sources.youtubeApi),
};

export const youtube: TargetProfile = {
  id: 'youtube',
  name: 'YouTube video',
  platform: 'YouTube',
  accepts: ['video'],
  video: {
    ...youtubeVideo,
    duration: recommended(
      { max: 12 * 3600 },
      sources.thirdParty('12 hours for verified accounts, 15 minutes for unverified', 'https://support.google.com/youtube/answer/71673'),
    ),
  },
  notes: ['Uploads from unverified API projects created after 28 July 2020 are private.'],
};

export const youtubeShorts: TargetProfile = {
  id: 'youtube-shorts',
  name: 'YouTube Short',
  platform: 'YouTube',
  accepts: ['video'],
  video: {
    ...youtubeVideo,
    duration: required({ max: 180 }, { ...sources.youtubeShorts, note: 'Square or vertical videos up to 3 minutes are Shorts (uploads from 15 Oct 2024).' }),
    aspectRatio: required({ max: 1 }, { ...sources.youtubeShorts, note: 'Square or vertical.' }),
  },
  notes: ['A Short over 1 minute with an active Content ID claim is blocked.'],
};
