import type { FixProgress } from '../fix/engine.js';
import type { Terminal } from './terminal.js';

const WIDTH = 24;

/** A one-line bar on stderr (phase and percent), redrawn at most every 100 ms; only for a TTY. */
export function createFixProgressBar(term: Terminal): { update: (p: FixProgress) => void; clear: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (p.ratio < 1 && now - last < 100) return;
      last = now;
      const filled = Math.round(p.ratio * WIDTH);
      const time = p.outputSeconds !== undefined ? `  ${p.outputSeconds.toFixed(1)} s` : '';
      term.err(`\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(p.ratio * 100)).padStart(3)}% ${p.phase}${time}`);
      shown = true;
    },
    clear() {
      if (shown) term.err('\r\u001b[2K');
      shown = false;
    },
  };
}
