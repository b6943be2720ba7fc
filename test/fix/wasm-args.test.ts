import { describe, expect, it } from 'vitest';
import { substituteJobPaths, virtualFileName, withExplicitLogLevel, withExplicitThreads } from '../../src/fix/wasm-args.js';

describe('wasm argument rewriting', () => {
  it('replaces {input} and {output} whole and inside arguments, leaving the caller’s array alone', () => {
    const args = ['-i', '{input}', '-f', 'mp4', 'file:{output}', '{output}'];
    expect(substituteJobPaths(args, { input: '/job/input.mov', output: '/job/output.mp4' })).toEqual(['-i', '/job/input.mov', '-f', 'mp4', 'file:/job/output.mp4', '/job/output.mp4']);
    expect(args[1]).toBe('{input}');
  });

  it('adds -loglevel info first unless -loglevel or -v is there', () => {
    expect(withExplicitLogLevel(['-i', 'a', 'b'])).toEqual(['-loglevel', 'info', '-i', 'a', 'b']);
    expect(withExplicitLogLevel(['-v', 'error', '-i', 'a', 'b'])).toEqual(['-v', 'error', '-i', 'a', 'b']);
    expect(withExplicitLogLevel(['-loglevel', 'debug', '-i', 'a', 'b'])).toEqual(['-loglevel', 'debug', '-i', 'a', 'b']);
  });

  it('puts -threads just before the output unless a count is chosen', () => {
    expect(withExplicitThreads(['-i', 'in', '-c:v', 'libx264', 'out.mp4'], 2, 'out.mp4')).toEqual(['-i', 'in', '-c:v', 'libx264', '-threads', '2', 'out.mp4']);
    expect(withExplicitThreads(['-i', 'in', '-threads', '1', 'out.mp4'], 4, 'out.mp4')).toEqual(['-i', 'in', '-threads', '1', 'out.mp4']);
    expect(withExplicitThreads(['-i', 'in', '-f', 'null', '-'], 3, 'out.mp4')).toEqual(['-i', 'in', '-f', 'null', '-', '-threads', '3']);
  });

  it('names virtual files after the host file’s extension only', () => {
    expect(virtualFileName('output', '/tmp/My Clip (final).MP4')).toBe('output.mp4');
    expect(virtualFileName('input', 'C:\\videos\\clip.webm')).toBe('input.webm');
    expect(virtualFileName('input', 'no-extension')).toBe('input');
    expect(virtualFileName('input', '../../etc/passwd;rm -rf .x y')).toBe('input');
  });
});
