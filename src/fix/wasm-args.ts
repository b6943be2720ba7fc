/**
 * Argument rewriting shared by the wasm engines. Pure string work: runs in Node and in browsers.
 */

/** Replaces `{input}` and `{output}` wherever they occur in an argument (`file:{output}` too). */
export function substituteJobPaths(args: readonly string[], paths: { input: string; output: string }): string[] {
  return args.map((arg) => arg.replaceAll('{input}', paths.input).replaceAll('{output}', paths.output));
}

/**
 * Puts `-loglevel <level>` first unless the arguments choose one. A core that ran before keeps the
 * previous run's log level (measured), and the log tail in error reports needs `info` lines.
 */
export function withExplicitLogLevel(args: readonly string[], level = 'info'): string[] {
  return args.includes('-loglevel') || args.includes('-v') ? [...args] : ['-loglevel', level, ...args];
}

/**
 * Puts `-threads <n>` just before the output path unless the arguments choose a thread count.
 * The multi-thread core crashed libx264 ("function signature mismatch") with the default count.
 */
export function withExplicitThreads(args: readonly string[], threads: number, outputPath: string): string[] {
  if (args.includes('-threads')) return [...args];
  const at = args.lastIndexOf(outputPath);
  const count = String(Math.max(1, Math.floor(threads)));
  return at < 0 ? [...args, '-threads', count] : [...args.slice(0, at), '-threads', count, ...args.slice(at)];
}

/**
 * A safe virtual file name that keeps the host name's extension: ffmpeg picks the output muxer
 * from it, and it is a hint for the input demuxer.
 */
export function virtualFileName(base: string, hostName: string): string {
  const leaf = hostName.split(/[\\/]/).pop() ?? '';
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(leaf)?.[1];
  return ext ? `${base}.${ext.toLowerCase()}` : base;
}
