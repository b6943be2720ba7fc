import { exitCodes, UsageError } from './exit-codes.js';
import { nodeTerminal, paint, type Terminal } from './terminal.js';

const mainHelp = `media-preflight: catch the media errors platforms return after upload, before you publish.

Usage: media-preflight <command> [options]

Commands:
  check <file|dir|url>...  check media against a platform's limits (--target threads)
  fix <in> -o <out>        fix what can be fixed (remux, trim, scale, transcode) and re-check
  probe <file|url>...      print the media facts (container, codecs, size, rate, ...)
  explain [FILE]           classify a platform error response: reconnect, retry or fix
  targets [T]              list the targets, or one target's limits and sources

Run 'media-preflight <command> --help' for a command's options.
Environment: NO_COLOR disables colour.
`;

type Command = (argv: string[], term: Terminal) => Promise<number>;

/**
 * Each command is loaded only when it runs: `probe` need not parse the URL checker, the fixer or
 * the classifier's tables, which is most of a short run's time.
 */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check-command.js')).checkCommand,
  fix: async () => (await import('./commands/fix-command.js')).fixCommand,
  explain: async () => {
    const { explainCommand } = await import('./commands/explain-command.js');
    return (argv, term) => explainCommand(argv, term);
  },
  probe: async () => (await import('./commands/probe-command.js')).probeCommand,
  targets: async () => (await import('./commands/targets-command.js')).targetsCommand,
};

/** Runs the CLI and returns the exit status; the bin script sets process.exitCode from it. */
export async function main(argv: string[], term: Terminal = nodeTerminal()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    term.out(mainHelp);
    return name ? exitCodes.ok : exitCodes.usage;
  }
  if (name === '--version' || name === '-v') {
    term.out(`${await packageVersion()}\n`);
    return exitCodes.ok;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command '${name}'`);
    return await (await command())(rest, term);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      term.err(`${paint(term, 'red', 'error')} ${(error as Error).message}\nRun 'media-preflight ${command ? `${name} ` : ''}--help' for usage.\n`);
      return exitCodes.usage;
    }
    term.err(`${paint(term, 'red', 'error')} ${(error as Error)?.stack ?? String(error)}\n`);
    return exitCodes.usage;
  }
}

/** The package's version; package.json sits one level up from dist/cli.js, two from dist/cli/main.js. */
async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(await readFile(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'media-preflight' && pkg.version) return pkg.version;
    } catch {
      // Not at this level; try the next.
    }
  }
  return 'unknown';
}
