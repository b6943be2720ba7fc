import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Packaging checks on the built package (npm test builds first). Packing uses --ignore-scripts:
 * `prepare` would rebuild dist/ while other test files run against it.
 */
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 240_000 });
let tarball = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'mp-pack-'));
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
  tarball = join(dir, name);
});

describe('the package', () => {
  it('passes publint', () => {
    const r = run('npx', ['publint', '--pack', 'false', '--strict']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Errors:|Warnings:/);
  });

  it('passes @arethetypeswrong/cli with the esm-only profile', () => {
    const r = run('npx', ['attw', tarball, '--profile', 'esm-only']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('stays within its size-limit budgets', () => {
    const r = run('npx', ['size-limit']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('ships no tests or fixtures', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files.some((f) => f.startsWith('dist/index.js'))).toBe(true);
    expect(files.filter((f) => /^(test|fixtures|bench|demo|examples)\//.test(f))).toEqual([]);
  });

  it('keeps @ffmpeg/* out of the main entry\'s module graph, and node: modules out of its browser bundle', async () => {
    const result = await build({ entryPoints: ['dist/index.js'], bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', logLevel: 'silent' });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((i) => i.includes('@ffmpeg/'))).toEqual([]);
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
    expect(inputs.some((i) => i.includes('mp4box'))).toBe(true);
  });

  it('documents every public symbol', () => {
    const r = run('npx', ['tsx', 'scripts/check-docs.ts']);
    expect(r.status, r.stderr).toBe(0);
  });
});
