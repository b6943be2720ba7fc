import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit-codes.js';
import { fixCommand, fixHelp } from '../../src/cli/commands/fix-command.js';
import type { Terminal } from '../../src/cli/terminal.js';
import { ffprobe } from '../helpers/ffprobe.js';
import { fixture, tempDir } from './fix-test-helpers.js';

/** A terminal that records what the command writes. */
function captureTerminal(isErrTTY = false): Terminal & { stdout: string; stderr: string } {
  const t = {
    stdout: '',
    stderr: '',
    color: false,
    isErrTTY,
    out: (s: string) => {
      t.stdout += s;
    },
    err: (s: string) => {
      t.stderr += s;
    },
  };
  return t;
}

describe('media-preflight fix', () => {
  it('prints the plan first, then the verdict on the output, and exits 0 when it passes', async () => {
    const term = captureTerminal();
    const out = join(tempDir(), 'fixed.mp4');
    const status = await fixCommand([fixture('isobmff/h264-mp3.mp4'), '-o', out, '--engine', 'native', '--preset', 'ultrafast'], term);
    expect(status).toBe(0);
    const plan = term.stdout.indexOf('Plan for');
    const verdict = term.stdout.indexOf(`PASS ${out}`);
    expect(plan).toBeGreaterThanOrEqual(0);
    expect(verdict).toBeGreaterThan(plan);
    expect(term.stdout).toMatch(/transcode-audio/);
    expect(term.stdout).toMatch(/\[audio-codec\]/);
    expect(ffprobe(out).streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
    // stderr is not a terminal: no progress bar.
    expect(term.stderr).toBe('');
  });

  it('draws a progress bar on stderr when stderr is a terminal', async () => {
    const term = captureTerminal(true);
    const status = await fixCommand([fixture('container/vp9-opus.webm'), '-o', join(tempDir(), 'p.mp4'), '-e', 'native', '-p', 'ultrafast'], term);
    expect(status).toBe(0);
    expect(term.stderr).toMatch(/\] +\d+% (loading|encoding|finishing|verifying)/);
    expect(term.stderr).toMatch(/100% verifying/);
    expect(term.stdout).not.toMatch(/%/);
  });

  it('prints one JSON document with --json', async () => {
    const term = captureTerminal();
    const out = join(tempDir(), 'j.mp4');
    const status = await fixCommand([fixture('isobmff/h264-moov-end.mp4'), '-o', out, '--engine', 'native', '--json'], term);
    expect(status).toBe(0);
    const doc = JSON.parse(term.stdout) as { schemaVersion: number; result: { ok: boolean; plan: { action: string }; after: { ok: boolean }; output: string } };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.result).toMatchObject({ ok: true, plan: { action: 'remux' }, after: { ok: true }, output: out });
  });

  it('exits 1 with the reason when the fix is refused, writing nothing', async () => {
    const term = captureTerminal();
    const out = join(tempDir(), 'av1.mp4');
    const status = await fixCommand([fixture('isobmff/av1.mp4'), '-o', out, '--engine', 'wasm'], term);
    expect(status).toBe(1);
    expect(term.stdout).toMatch(/REFUSED .*\(undecodable\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for an input that cannot be opened, and throws UsageError for bad options', async () => {
    const term = captureTerminal();
    expect(await fixCommand([join(tempDir(), 'missing.mp4'), '--engine', 'native'], term)).toBe(2);
    expect(term.stderr).toMatch(/error/);
    await expect(fixCommand([fixture('isobmff/h264-aac.mp4'), '--engine', 'gpu'], captureTerminal())).rejects.toBeInstanceOf(UsageError);
    await expect(fixCommand([fixture('isobmff/h264-aac.mp4'), '--preset', 'warp'], captureTerminal())).rejects.toBeInstanceOf(UsageError);
    await expect(fixCommand([fixture('isobmff/h264-aac.mp4'), '--target', 'myspace'], captureTerminal())).rejects.toBeInstanceOf(UsageError);
    await expect(fixCommand([], captureTerminal())).rejects.toBeInstanceOf(UsageError);
  });

  it('has help that names every option', async () => {
    const term = captureTerminal();
    expect(await fixCommand(['--help'], term)).toBe(0);
    for (const option of ['--output', '--target', '--engine', '--preset', '--json']) expect(fixHelp).toContain(option);
    expect(term.stdout).toBe(fixHelp);
  });
});
