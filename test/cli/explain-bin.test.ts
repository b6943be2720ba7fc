import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PlatformErrorVerdictSchema } from '../../src/classify/verdict.js';

/** `explain` through the real bin, with the payload piped on stdin. */
describe('media-preflight explain (bin)', () => {
  it('reads stdin and prints a schema-valid verdict as JSON', () => {
    const payload = JSON.stringify({ status: 'ERROR', id: '17889615691921648', error_message: 'FAILED_DOWNLOADING_VIDEO' });
    const r = spawnSync(process.execPath, ['bin/media-preflight.js', 'explain', '--json'], { input: payload, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const verdict = PlatformErrorVerdictSchema.parse(JSON.parse(r.stdout));
    expect(verdict).toMatchObject({ action: 'fix-url', retryable: false, documentedError: 'media-fetch-failed' });
  });

  it('is listed in the main help', () => {
    const r = spawnSync(process.execPath, ['bin/media-preflight.js', '--help'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/explain \[FILE\]/);
  });
});
