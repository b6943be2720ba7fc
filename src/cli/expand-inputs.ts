import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** File endings `check` picks up when it walks a directory; files named explicitly are always checked. */
const MEDIA_EXTENSIONS = new Set([
  'mp4', 'm4v', 'mov', 'm4a', '3gp', '3g2', 'webm', 'mkv', 'avi', 'ts', 'mts', 'm2ts', 'mpg', 'mpeg', 'ogv', 'ogg', 'opus',
  'flv', 'wmv', 'asf', 'mp3', 'aac', 'wav', 'flac', 'jpg', 'jpeg', 'png', 'webp', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'avif',
]);

/** Directory levels walked at most, so a symlink loop or a deep tree cannot run away. */
const MAX_DEPTH = 32;

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const hasGlob = (s: string) => /[*?[]/.test(s);

/**
 * Turns the arguments of `check` into a list of inputs: URLs as given, files as given, directories
 * walked for media files, and quoted globs (`'videos/**\/*.mp4'`) matched here for shells that do not.
 * Returns the inputs in a stable, sorted order per argument, and the arguments that matched nothing.
 */
export async function expandInputs(args: string[]): Promise<{ inputs: string[]; missing: string[] }> {
  const inputs: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      inputs.push(arg);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) inputs.push(...(await walk(arg, 0)).sort());
    else if (info) inputs.push(arg);
    else if (hasGlob(arg)) {
      const matched = await glob(arg);
      if (matched.length === 0) missing.push(arg);
      inputs.push(...matched);
    } else missing.push(arg);
  }
  return { inputs: [...new Set(inputs)], missing };
}

async function walk(dir: string, depth: number): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...(await walk(path, depth + 1)));
    else if (entry.isFile() && MEDIA_EXTENSIONS.has(entry.name.split('.').pop()!.toLowerCase())) out.push(path);
  }
  return out;
}

/** Minimal glob: `*` and `?` within a path segment, `**` across segments, `[...]` classes. */
async function glob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const staticParts: string[] = [];
  for (const p of parts) {
    if (hasGlob(p)) break;
    staticParts.push(p);
  }
  const root = staticParts.length > 0 ? staticParts.join(sep) || sep : '.';
  const regex = globToRegExp(parts.slice(staticParts.length).join('/'));
  const candidates = await walkAll(root, 0).catch(() => []);
  return candidates.filter((f) => regex.test(relative(root, f).split(sep).join('/'))).sort();
}

async function walkAll(dir: string, depth: number): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...(await walkAll(path, depth + 1)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end === -1) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
