/**
 * Abort helpers shared by the sources. An abort rejects with the signal's own reason (an
 * AbortError DOMException unless the caller chose another), the way `fetch` does.
 */

/** The value to reject with once `signal` has aborted. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** True for the AbortError (and TimeoutError) DOMExceptions that aborted signals produce. */
export function isAbortError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

/**
 * Settles like `promise`, or rejects as soon as `signal` aborts. Used for work that cannot be
 * cancelled itself (Blob.arrayBuffer): the caller stops waiting; the work finishes unobserved.
 */
export function raceWithAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {}); // the losing promise must not surface as an unhandled rejection
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
