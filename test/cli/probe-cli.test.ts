import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MediaInfoSchema } from '../../src/probe/media-info.js';
import { runCli } from '../helpers/run-cli.js';

const ProbeOutputSchema = z.object({
  schemaVersion: z.literal(1),
  probes: z.array(z.object({ input: z.string(), media: z.nullable(MediaInfoSchema), error: z.nullable(z.object({ code: z.string(), message: z.string() })) })),
});

const tmp = mkdtempSync(join(tmpdir(), 'mp-cli-'));
const damaged = join(tmp, 'cut.mp4');
writeFileSync(damaged, readFileSync('fixtures/isobmff/h264-aac.mp4').subarray(0, 3000));

describe('media-preflight probe', () => {
  it('prints one JSON document on stdout and nothing on stderr', () => {
    const r = runCli(['probe', '--json', 'fixtures/isobmff/h264-aac.mp4', 'fixtures/isobmff/prores.mov']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const doc = ProbeOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.probes.map((p) => p.media?.video?.codec)).toEqual(['h264', 'prores']);
  });

  it('exits 1 when an input is damaged, and still prints its facts', () => {
    const r = runCli(['probe', '--json', damaged]);
    expect(r.status).toBe(1);
    const doc = ProbeOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.probes[0]!.media!.unreadable!.reason).toBe('truncated');
  });

  it('exits 2 for a missing file, with the reason on stderr only', () => {
    const r = runCli(['probe', '--json', join(tmp, 'nope.mp4')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.mp4/);
    const doc = ProbeOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.probes[0]!.error!.code).toBe('E_SOURCE_NOT_FOUND');
  });

  it('exits 2 for usage errors and prints help with --help', () => {
    expect(runCli(['probe']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['probe', '--bogus', 'x']).status).toBe(2);
    const help = runCli(['probe', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: media-preflight probe/);
    expect(runCli(['--help']).stdout).toMatch(/Commands:/);
  });

  it('colours only when asked, and NO_COLOR wins', () => {
    const coloured = runCli(['probe', damaged], { FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain('\u001b[');
    const plain = runCli(['probe', damaged], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toMatch(/unreadable truncated/);
  });
});
