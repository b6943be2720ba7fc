import { abortReason } from '../errors/abort.js';

export type RunGuardOptions = {
  signal?: AbortSignal;
  /** No `touch()` for this long stops the run. */
  stallTimeoutMs: number;
  /** The error a stalled run rejects with. */
  stallError: () => unknown;
  /** Kills the work (terminates the worker); called once, on abort or stall. */
  stop: () => void;
};

export type RunGuard = {
  /** Settles like `promise`, or rejects first when the run is aborted or stalls. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Progress or a log line arrived: restart the stall timer. */
  touch(): void;
  /** Stops the run from outside (engine disposed): rejects with `reason`, kills the work. */
  cancel(reason: unknown): void;
  /** The run is over: stop watching the signal and the clock. */
  release(): void;
};

/**
 * The abort and stall watchdog of one wasm run. A synchronous ffmpeg exec inside a worker cannot
 * be asked to stop, so both end the same way: reject the run, then kill the worker.
 */
export function createRunGuard(options: RunGuardOptions): RunGuard {
  let rejectStopped: (reason: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    rejectStopped = reject;
  });
  stopped.catch(() => {}); // observed through race(); never an unhandled rejection
  let timer: ReturnType<typeof setTimeout> | undefined;
  let over = false;
  const stop = (reason: unknown): void => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    // Reject before stopping: the work's own rejections ("terminated") must lose the race.
    rejectStopped(reason);
    options.stop();
  };
  const onAbort = (): void => stop(abortReason(options.signal!));
  const touch = (): void => {
    if (over) return;
    clearTimeout(timer);
    timer = setTimeout(() => stop(options.stallError()), options.stallTimeoutMs);
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  touch();
  return {
    // `stopped` first: once the run is stopped, that wins even over work that has also settled.
    race: <T>(promise: Promise<T>) => Promise.race([stopped, promise]),
    touch,
    cancel: stop,
    release: () => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    },
  };
}
