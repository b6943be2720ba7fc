/**
 * Output helpers for the CLI: colour for a terminal (or when FORCE_COLOR asks for it), never when
 * NO_COLOR is set (https://no-color.org).
 */

export type Terminal = {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
  isErrTTY: boolean;
};

export function nodeTerminal(): Terminal {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  const forceColor = Boolean(process.env.FORCE_COLOR) && process.env.FORCE_COLOR !== '0';
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: !noColor && (forceColor || (Boolean(process.stdout.isTTY) && process.env.TERM !== 'dumb')),
    isErrTTY: Boolean(process.stderr.isTTY),
  };
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

export function paint(term: Terminal, style: keyof typeof CODES, text: string): string {
  return term.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}
