import { parseArgs } from 'node:util';
import { probe } from '../../probe/probe.js';
import type { MediaInfo } from '../../probe/media-info.js';
import { isMediaPreflightError } from '../../errors/media-preflight-error.js';
import { exitCodes, UsageError } from '../exit-codes.js';
import { formatMediaInfo } from '../format-media-info.js';
import { paint, type Terminal } from '../terminal.js';

export const probeHelp = `Usage: media-preflight probe <file|url>... [--json]

Prints the media facts platforms judge: container, faststart, codecs, profile,
size, frame rate, chroma, bit depth, scan, rotation, audio, duration.

Options:
  --json     one JSON document on stdout: { "schemaVersion": 1, "probes": [...] }
  -h, --help show this help

Exit status: 0 all inputs readable, 1 any input damaged or unreadable, 2 usage or I/O error.
`;

export async function probeCommand(argv: string[], term: Terminal): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    term.out(probeHelp);
    return exitCodes.ok;
  }
  if (positionals.length === 0) throw new UsageError('probe needs at least one file or URL');
  const probes: Array<{ input: string; media: MediaInfo | null; error: { code: string; message: string } | null }> = [];
  let status: number = exitCodes.ok;
  for (const input of positionals) {
    try {
      const media = await probe(input);
      probes.push({ input, media, error: null });
      if (media.unreadable && status === exitCodes.ok) status = exitCodes.findings;
      if (!values.json) term.out(formatMediaInfo(term, input, media));
    } catch (error) {
      if (!isMediaPreflightError(error)) throw error;
      probes.push({ input, media: null, error: { code: error.code, message: error.message } });
      status = exitCodes.usage;
      term.err(`${paint(term, 'red', 'error')} ${input}: ${error.message}\n`);
    }
  }
  if (values.json) term.out(JSON.stringify({ schemaVersion: 1, probes }, null, 2) + '\n');
  return status;
}
