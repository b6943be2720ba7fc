import { sources } from '../sources.js';
import { GB, MB, recommended, required } from '../limit-helpers.js';
import type { TargetProfile } from '../target-profile.js';

const s = sources.tiktok;

export const tiktok: TargetProfile = {
  id: 'tiktok',
  name: 'TikTok video (Content Posting API)',
  platform: 'TikTok',
  accepts: ['video', 'image'],
  video: {
    containers: required(['mp4', 'webm', 'mov'], s),
    videoCodecs: required(['h264', 'hevc', 'vp8', 'vp9'], s),
    frameRate: required({ min: 23, max: 60 }, s),
    shortSide: required({ min: 360 }, { ...s, note: 'Minimum 360 px and maximum 4096 px for both height and width.' }),
    longSide: required({ max: 4096 }, s),
    duration: required(
      { max: 600 },
      { ...s, note: 'The API accepts up to 10 minutes; each creator has a lower limit (max_video_post_duration_sec), often 3 minutes.' },
    ),
    fileSize: required({ max: 4 * GB }, s),
  },
  image: {
    formats: required(['webp', 'jpeg'], s),
    fileSize: required({ max: 20 * MB }, s),
    height: recommended({ max: 1080 }, { ...s, note: 'Images up to 1080p.' }),
  },
  notes: ['Pulling from a URL needs a verified domain and https, with no redirects.'],
};
