import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The Node example runs against the built package (self-reference through the exports map). */
describe('examples', () => {
  it('node-preflight.mjs passes a good file and fails a bad one', () => {
    const good = spawnSync(process.execPath, ['examples/node-preflight.mjs', 'fixtures/isobmff/h264-aac.mp4'], { encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/OK: .* is ready for threads/);
    const bad = spawnSync(process.execPath, ['examples/node-preflight.mjs', 'fixtures/isobmff/h264-moov-end.mp4'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/moov-not-at-front/);
  });
});
