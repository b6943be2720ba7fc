import { Worker } from 'node:worker_threads';
import { MediaSourceError } from '../errors/media-source-error.js';
import { MediaPreflightError } from '../errors/media-preflight-error.js';
import type { MediaInfo } from '../probe/media-info.js';
import { emptyMediaInfo } from '../probe/empty-media-info.js';

/** Options for {@link probeInWorker}. */
export type ProbeInWorkerOptions = {
  /** Wall-clock budget for the whole probe, in milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Heap cap for the worker, in MiB. @default 256 */
  maxHeapMb?: number;
  signal?: AbortSignal;
};

/**
 * Probes a file path, URL or bytes inside a worker thread with a heap cap and a timeout, so that
 * no input, however hostile, can take the host process down or hold it. A probe that runs out of
 * time or memory gives a MediaInfo with `unreadable` set (`timeout` / `limit-exceeded`).
 *
 * @example
 * const info = await probeInWorker('upload.mp4', { timeoutMs: 5000 });
 */
export async function probeInWorker(input: string | Uint8Array, options: ProbeInWorkerOptions = {}): Promise<MediaInfo> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxHeapMb = options.maxHeapMb ?? 256;
  options.signal?.throwIfAborted();
  const worker = new Worker(workerUrl(), {
    workerData: { input },
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, maxHeapMb / 4) },
    stdout: true,
    stderr: true,
  });
  const label = typeof input === 'string' ? input : 'bytes';
  return new Promise<MediaInfo>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => resolve(failed(input, 'timeout', `probing took longer than ${timeoutMs} ms`))), timeoutMs);
    const onAbort = () => finish(() => reject(options.signal?.reason));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: { ok: true; media: MediaInfo } | { ok: false; error: { code: string; message: string; status?: number } }) => {
      if (m.ok) finish(() => resolve(m.media));
      else if (m.error.code.startsWith('E_SOURCE')) finish(() => reject(new MediaSourceError(m.error.message, label, { code: m.error.code, ...(m.error.status ? { status: m.error.status } : {}) })));
      else finish(() => reject(new MediaPreflightError(m.error.message, m.error.code)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(() => resolve(failed(input, 'limit-exceeded', `probing needed more than ${maxHeapMb} MiB of memory`)));
      } else {
        finish(() => reject(new MediaPreflightError(`probe worker failed: ${error.message}`, 'E_PROBE_WORKER', { cause: error })));
      }
    });
    worker.on('exit', (code) => {
      finish(() => reject(new MediaPreflightError(`probe worker exited with code ${code}`, 'E_PROBE_WORKER')));
    });
  });
}

/** The worker is the compiled probe-worker.js beside this module (dist/node/). */
function workerUrl(): URL {
  return new URL('./probe-worker.js', import.meta.url);
}

function failed(input: string | Uint8Array, reason: 'timeout' | 'limit-exceeded', message: string): MediaInfo {
  return emptyMediaInfo(typeof input === 'string' ? 0 : input.length, undefined, { reason, message, offset: null });
}
