import { copyFile, rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The few file operations fix() needs for host paths; loaded only when the input is a path. */

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => {});
}

export async function replaceFile(from: string, to: string): Promise<void> {
  await rename(from, to);
}

export async function copyInput(from: string, to: string): Promise<void> {
  await copyFile(from, to);
}

/** True when both paths name the same file (same path, or the same inode when both exist). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}
