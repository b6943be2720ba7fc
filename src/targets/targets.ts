import { facebookReels, facebookStory } from './profiles/facebook.js';
import { instagramFeedImage, instagramReels, instagramStory } from './profiles/instagram.js';
import { bluesky, linkedin, pinterest, x } from './profiles/other-platforms.js';
import { threads, threadsCarousel } from './profiles/threads.js';
import { tiktok } from './profiles/tiktok.js';
import { youtube, youtubeShorts } from './profiles/youtube.js';
import { TargetProfileSchema, type TargetProfile } from './target-profile.js';
import { MediaPreflightError } from '../errors/media-preflight-error.js';

/** Every built-in target, by id. */
export const targets: Readonly<Record<string, TargetProfile>> = Object.freeze(
  Object.fromEntries(
    [threads, threadsCarousel, instagramReels, instagramStory, instagramFeedImage, facebookReels, facebookStory, tiktok, youtube, youtubeShorts, x, linkedin, pinterest, bluesky].map(
      (t) => [t.id, t],
    ),
  ),
);

/** The ids of the built-in targets, in a stable order. */
export const targetIds = Object.keys(targets);

/** A target given by id, or a user's own profile (validated). */
export type TargetInput = string | TargetProfile;

/**
 * Resolves a target id or checks a user profile with zod, throwing a TypeError that names every
 * bad field (`video.frameRate.value.min: Expected number`).
 */
export function resolveTarget(target: TargetInput): TargetProfile {
  if (typeof target === 'string') {
    const found = targets[target];
    if (!found) throw new MediaPreflightError(`unknown target '${target}'; known targets: ${targetIds.join(', ')}`, 'E_UNKNOWN_TARGET');
    return found;
  }
  const parsed = TargetProfileSchema.safeParse(target);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MediaPreflightError(`invalid target profile: ${details}`, 'E_INVALID_TARGET');
  }
  return parsed.data;
}

/**
 * Builds a profile from a built-in one with some limits replaced or removed (`undefined` removes).
 *
 * @example
 * const strict = extendTarget('threads', { id: 'threads-60s', video: { duration: { value: { max: 60 }, severity: 'error', source } } });
 */
export function extendTarget(base: TargetInput, changes: Partial<Omit<TargetProfile, 'video' | 'image'>> & { video?: Partial<TargetProfile['video']>; image?: Partial<TargetProfile['image']> }): TargetProfile {
  const b = resolveTarget(base);
  const merged = {
    ...b,
    ...changes,
    video: b.video || changes.video ? stripUndefined({ ...b.video, ...changes.video }) : undefined,
    image: b.image || changes.image ? stripUndefined({ ...b.image, ...changes.image }) : undefined,
    notes: changes.notes ?? b.notes,
  };
  return resolveTarget(merged as TargetProfile);
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
