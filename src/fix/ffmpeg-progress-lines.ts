/**
 * Reads ffmpeg's `-progress` output: blocks of `key=value` lines, each ending with
 * `progress=continue` or `progress=end`. Only the output time matters here.
 */
export type ProgressReader = {
  /** Feeds a chunk of stdout; calls `onTime` with the output time in seconds once per block that has one. */
  push(chunk: string): void;
};

export function createProgressReader(onTime: (seconds: number) => void): ProgressReader {
  let pending = '';
  let timeUs: number | null = null;
  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      // A line that never ends (garbage on stdout) must not grow without bound.
      if (pending.length > 4096) pending = '';
      for (const raw of lines) {
        const eq = raw.indexOf('=');
        if (eq < 0) continue;
        const key = raw.slice(0, eq).trim();
        const value = raw.slice(eq + 1).trim();
        // out_time_us and out_time_ms are both microseconds (a long-standing ffmpeg quirk); "N/A" before output starts.
        if (key === 'out_time_us' || (key === 'out_time_ms' && timeUs === null)) {
          const n = Number(value);
          if (Number.isFinite(n) && n >= 0) timeUs = n;
        } else if (key === 'progress') {
          if (timeUs !== null) onTime(timeUs / 1e6);
          timeUs = null;
        }
      }
    },
  };
}
