import type { RuleContext } from '../rule-context.js';
import { list } from '../format.js';

const WEB_VIDEO = new Set(['h264', 'hevc']);
const WEB_AUDIO = new Set(['aac']);

/** The container must be one the platform takes (MP4/MOV for Meta). */
export function checkContainer(ctx: RuleContext): void {
  const rule = ctx.target.video?.containers;
  const { container, video, audio } = ctx.media;
  if (!rule || rule.value.includes(container.format)) return;
  // Codecs that already fit only need a new container; anything else is a re-encode.
  const copyable = (!video || WEB_VIDEO.has(video.codec)) && (!audio || WEB_AUDIO.has(audio.codec));
  ctx.report({
    code: 'video-format',
    limit: rule,
    message: `${container.formatName} is not a container ${ctx.target.platform} takes; it takes ${list(rule.value.map((f) => f.toUpperCase()))}.`,
    expected: list(rule.value),
    actual: container.format,
    remedy: copyable ? 'remux' : 'transcode-video',
    fix: copyable ? 'Remux into MP4 (the streams are copied, nothing is re-encoded).' : 'Convert to MP4 with H.264 video and AAC audio.',
  });
}

/** The moov (the file's index) must come before the media data, so processing can start at once. */
export function checkFaststart(ctx: RuleContext): void {
  const rule = ctx.target.video?.faststart;
  if (!rule || ctx.media.container.faststart !== false) return;
  ctx.report({
    code: 'moov-not-at-front',
    limit: rule,
    message: `The moov atom is at the end of the file (offset ${ctx.media.container.moov?.offset ?? '?'}); ${ctx.target.platform} wants it at the front.`,
    expected: 'moov before mdat (faststart)',
    actual: 'moov after mdat',
    remedy: 'remux',
    fix: 'Remux with the moov moved to the front (ffmpeg -c copy -movflags +faststart).',
  });
}

/** Edit lists that change what plays; the one-segment priming/B-frame skip every encoder writes passes. */
export function checkEditLists(ctx: RuleContext): void {
  const rule = ctx.target.video?.noEditLists;
  if (!rule) return;
  for (const track of ctx.media.tracks) {
    if (track.editList.kind !== 'real') continue;
    ctx.report({
      code: 'edit-list',
      limit: rule,
      message: `Track ${track.id} (${track.kind}) has an edit list: ${track.editList.detail}. ${ctx.target.platform} asks for no edit lists.`,
      expected: 'no edit list (or only encoder delay)',
      actual: track.editList.detail ?? 'edit list',
      remedy: 'remux',
      fix: 'Rewrite the file without the edit list; where the edit trims media, re-encode that part.',
      trackId: track.id,
    });
  }
}
