import type { MediaInfo } from '../probe/media-info.js';
import { frameRateArg } from './plan-frame-rate.js';
import type { FixAction, FixStep } from './plan-types.js';
import type { EncodeSettings } from './plan-video-args.js';
import type { VideoDecisions } from './plan-video.js';

/** The plan's steps in words, each with the issue codes it clears. */
export function videoSteps(media: MediaInfo, d: VideoDecisions, s: EncodeSettings): FixStep[] {
  const steps: FixStep[] = [];
  const v = media.video;
  const copied = [d.video === 'copy' ? 'video' : null, d.audio === 'copy' ? 'audio' : null].filter(Boolean);
  if (d.blind) {
    steps.push({
      what: `Convert the ${media.container.formatName} file to MP4 (H.264 + AAC); the probe cannot list its streams, so the output is checked afterwards`,
      why: d.why.container,
    });
  } else if (d.why.container.length > 0 || copied.length > 0) {
    const copyText = copied.length > 0 ? `; the ${copied.join(' and ')} ${copied.length > 1 ? 'are' : 'is'} copied, not re-encoded` : '';
    steps.push({ what: `Write an MP4 with its index (moov) at the front${copyText}`, why: d.why.container });
  }
  if (d.noEditList) {
    steps.push({ what: 'Write no edit list: the few-millisecond offset between the streams\' starts is dropped (B-frame timing kept with negative composition offsets)', why: [] });
  }
  if (d.video === 'encode') {
    const rate = d.targetBitrate !== null ? `${Math.round(d.targetBitrate / 1000)} kb/s` : `CRF ${s.crf}`;
    const from = v ? ` from ${v.codec}${v.profile ? ` ${v.profile}` : ''}${v.chromaSubsampling ? ` ${v.chromaSubsampling}` : ''}${v.bitDepth ? ` ${v.bitDepth}-bit` : ''}` : '';
    steps.push({
      what: `Re-encode the video${from} as H.264 High${d.level ? ` level ${d.level.name}` : ''}, 8-bit 4:2:0, closed GOPs every ${d.gopFrames} frames (libx264 ${s.preset}, ${rate})`,
      why: d.why.video,
    });
  }
  if (d.deinterlace) steps.push({ what: 'Deinterlace (yadif, one frame per frame)', why: ['interlaced'] });
  if (d.frameRate !== null) {
    const from = v?.frameRate ? `${round(v.frameRate)}${v.frameRateMode === 'variable' ? ' (variable)' : ''} fps` : 'an unknown rate';
    steps.push({ what: `Change the frame rate from ${from} to a constant ${frameRateArg(d.frameRate)} fps`, why: d.why.frameRate });
  }
  if (d.scaleTo && d.inputSize) {
    steps.push({
      what: `Scale the picture from ${d.inputSize.width}x${d.inputSize.height} (as displayed) to ${d.scaleTo.width}x${d.scaleTo.height}, keeping its aspect ratio, with square pixels`,
      why: d.why.scale,
    });
  } else if (d.video === 'encode' && !d.inputSize) {
    steps.push({ what: 'Shrink the picture into the size limits if needed (size unknown to the probe), with square pixels and even sides', why: d.why.scale });
  }
  if (d.geometry?.padded) {
    steps.push({
      what: `Pad with black bars to ${d.geometry.frameWidth}x${d.geometry.frameHeight} to bring the aspect ratio into range`,
      why: d.why.pad,
    });
  }
  if (d.video === 'encode' && d.maxBitrate !== null && d.capped) {
    const budget = d.targetBitrate !== null ? `, aiming at ${Math.round(d.targetBitrate / 1000)} kb/s so the file fits its size limit` : '';
    const byLevel = d.level !== null && d.maxBitrate === d.level.maxBitrate ? ` (the most H.264 level ${d.level.name} allows)` : '';
    steps.push({ what: `Cap the video bitrate at ${Math.round(d.maxBitrate / 1000)} kb/s${byLevel}${budget}`, why: d.why.bitrate });
  }
  if (d.audio === 'encode') {
    const a = media.audio;
    const e = d.audioEncoding;
    const from = a ? ` from ${a.codec} ${a.sampleRate > 0 ? `${a.sampleRate} Hz ` : ''}${a.channels > 0 ? `${a.channels} ch` : ''}`.trimEnd() : '';
    steps.push({
      what: `Re-encode the audio${from} as AAC-LC ${Math.round(e.bitrate / 1000)} kb/s, ${e.sampleRate} Hz, ${e.channels === 1 ? 'mono' : 'stereo'}`,
      why: d.why.audio,
    });
  } else if (d.audio === 'add') {
    steps.push({ what: `Add a silent AAC track (${d.audioEncoding.sampleRate} Hz)`, why: d.why.audio });
  }
  if (d.trim) {
    steps.push({
      what: d.trim.exact
        ? `Trim to ${d.trim.seconds} s, frame-exact (the cut is re-encoded)`
        : `Trim by stream copy at ${d.trim.seconds} s, a few frames short of the limit, so the packet-boundary cut cannot run over`,
      why: d.why.trim,
    });
  }
  return steps;
}

/** The plan's name: its costliest part. */
export function videoAction(d: VideoDecisions): FixAction {
  const audioEncoded = d.audio === 'encode' || d.audio === 'add';
  if (d.video === 'encode') return audioEncoded ? 'transcode' : 'transcode-video';
  if (audioEncoded) return 'transcode-audio';
  return d.trim ? 'trim' : 'remux';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
