/** How many log lines an engine error carries. */
export const LOG_TAIL_LINES = 20;

/** The core ends every run, good or bad, with this line. */
const HARMLESS_ABORT = /^Aborted\(\)/;

export type LogTail = { push(message: string): void; lines(): string[] };

/** Keeps the last `max` meaningful ffmpeg log lines for error reports. */
export function createLogTail(max = LOG_TAIL_LINES): LogTail {
  const kept: string[] = [];
  return {
    push(message) {
      for (const line of message.split(/\r?\n|\r/)) {
        if (line.trim() === '' || HARMLESS_ABORT.test(line)) continue;
        kept.push(line);
        if (kept.length > max) kept.shift();
      }
    },
    lines: () => [...kept],
  };
}
