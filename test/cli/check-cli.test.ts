import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CheckOutputSchema } from '../../src/validate/report.js';
import { checkOutputJsonSchema } from '../../src/validate/json-schema.js';
import { runCli } from '../helpers/run-cli.js';

const shipped = JSON.parse(readFileSync('schema/check-output.schema.json', 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateShipped = ajv.compile(shipped);

function parseCheckJson(stdout: string) {
  const doc = JSON.parse(stdout) as unknown;
  if (!validateShipped(doc)) throw new Error(`stdout does not match the shipped schema: ${ajv.errorsText(validateShipped.errors)}`);
  return CheckOutputSchema.parse(doc);
}

const tmp = mkdtempSync(join(tmpdir(), 'mp-check-'));
const dir = join(tmp, 'batch');
mkdirSync(join(dir, 'nested'), { recursive: true });
copyFileSync('fixtures/isobmff/h264-aac.mp4', join(dir, 'good.mp4'));
copyFileSync('fixtures/isobmff/h264-moov-end.mp4', join(dir, 'nested', 'moov-end.mp4'));
writeFileSync(join(dir, 'notes.txt'), 'not media; skipped when walking a directory');

describe('media-preflight check', () => {
  it('the shipped JSON Schema is the one the zod schemas generate', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(checkOutputJsonSchema())));
  });

  it('exits 0 when every input passes, with one schema-valid JSON document and nothing on stderr', () => {
    const r = runCli(['check', '--json', 'fixtures/isobmff/h264-aac.mp4', 'fixtures/isobmff/hevc-hvc1.mp4']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = parseCheckJson(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.reports.map((x) => [x.input, x.target, x.ok])).toEqual([
      ['fixtures/isobmff/h264-aac.mp4', 'threads', true],
      ['fixtures/isobmff/hevc-hvc1.mp4', 'threads', true],
    ]);
    expect(doc.reports[0]!.media!.video!.codec).toBe('h264');
  });

  it('exits 1 when any input has an error, and a damaged file is a finding, not a crash', () => {
    const cut = join(tmp, 'cut.mp4');
    writeFileSync(cut, readFileSync('fixtures/isobmff/h264-aac.mp4').subarray(0, 2000));
    const r = runCli(['check', '--json', '--target', 'instagram-reels', 'fixtures/container/vp9-opus.webm', cut]);
    expect(r.status).toBe(1);
    const doc = parseCheckJson(r.stdout);
    expect(doc.reports[0]!.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['video-format', 'video-codec', 'audio-codec']));
    expect(doc.reports[1]!.issues[0]!.code).toBe('file-unreadable');
  });

  it('walks directories for media files only, and --strict turns warnings into failures', () => {
    const plain = runCli(['check', '--json', '--target', 'x', dir]);
    const doc = parseCheckJson(plain.stdout);
    expect(doc.reports.map((x) => x.input.replace(dir, ''))).toEqual(['/good.mp4', '/nested/moov-end.mp4']);
    const warnOnly = runCli(['check', '--target', 'youtube', join(dir, 'nested', 'moov-end.mp4')]);
    expect(warnOnly.status).toBe(0);
    expect(warnOnly.stdout).toMatch(/warning moov-not-at-front/);
    expect(runCli(['check', '--strict', '--target', 'youtube', join(dir, 'nested', 'moov-end.mp4')]).status).toBe(1);
  });

  it('expands quoted globs', () => {
    const r = runCli(['check', '--json', 'fixtures/isobmff/h264-aac*.mp4']);
    const inputs = parseCheckJson(r.stdout).reports.map((x) => x.input);
    expect(inputs).toContain('fixtures/isobmff/h264-aac-51.mp4');
    expect(inputs).toContain('fixtures/isobmff/h264-aac.mp4');
    expect(inputs.every((i) => /h264-aac[^/]*\.mp4$/.test(i))).toBe(true);
  });

  it('exits 2 for usage errors and missing inputs, with diagnostics on stderr only', () => {
    const missing = runCli(['check', '--json', join(tmp, 'nope.mp4')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.mp4/);
    parseCheckJson(missing.stdout);
    const badTarget = runCli(['check', '--target', 'myspace', 'fixtures/isobmff/h264-aac.mp4']);
    expect(badTarget.status).toBe(2);
    expect(badTarget.stderr).toMatch(/unknown target 'myspace'/);
    expect(badTarget.stdout).toBe('');
    expect(runCli(['check']).status).toBe(2);
  });

  it('prints a readable verdict per file with each issue and its fix', () => {
    const r = runCli(['check', 'fixtures/isobmff/h264-moov-end.mp4', 'fixtures/isobmff/h264-aac.mp4']);
    expect(r.stdout).toMatch(/^FAIL fixtures\/isobmff\/h264-moov-end\.mp4/m);
    expect(r.stdout).toMatch(/error {3}moov-not-at-front: The moov atom is at the end/);
    expect(r.stdout).toMatch(/fix: Remux with the moov moved to the front/);
    expect(r.stdout).toMatch(/^PASS fixtures\/isobmff\/h264-aac\.mp4/m);
    expect(r.stdout).toMatch(/1 passed, 1 failed/);
  });

  it('NO_COLOR wins over FORCE_COLOR', () => {
    expect(runCli(['check', 'fixtures/isobmff/h264-moov-end.mp4'], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(runCli(['check', 'fixtures/isobmff/h264-moov-end.mp4'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('checks a carousel as one post', () => {
    const one = runCli(['check', '--json', '--target', 'threads-carousel', 'fixtures/isobmff/h264-aac.mp4']);
    expect(one.status).toBe(1);
    expect(parseCheckJson(one.stdout).post!.issues[0]!.code).toBe('item-count');
    const two = runCli(['check', '--json', '--target', 'threads-carousel', 'fixtures/isobmff/h264-aac.mp4', 'fixtures/image/png-rgb-80x60.png']);
    expect(two.status).toBe(0);
  });
});

describe('media-preflight targets', () => {
  it('lists every target and prints one with its sources', () => {
    const list = runCli(['targets']);
    expect(list.status).toBe(0);
    for (const id of ['threads', 'instagram-reels', 'tiktok', 'youtube-shorts', 'bluesky']) expect(list.stdout).toContain(id);
    const one = runCli(['targets', 'threads']);
    expect(one.stdout).toMatch(/duration\s+\{"min":0\.001,"max":300\}\s+error/);
    expect(one.stdout).toContain('developers.facebook.com/docs/threads/overview');
    expect(JSON.parse(runCli(['targets', '--json', 'x']).stdout)[0].id).toBe('x');
    expect(runCli(['targets', 'nope']).status).toBe(2);
  });
});
