// Worker-thread entry for probeInWorker: probes one input and posts the MediaInfo back.
import { parentPort, workerData } from 'node:worker_threads';
import { probe } from '../probe/probe.js';
import { isMediaPreflightError } from '../errors/media-preflight-error.js';

type Job = { input: string | Uint8Array };

const { input } = workerData as Job;
try {
  const media = await probe(input);
  parentPort?.postMessage({ ok: true, media });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    error: {
      name: (error as Error)?.name ?? 'Error',
      code: isMediaPreflightError(error) ? error.code : 'E_PROBE_WORKER',
      message: (error as Error)?.message ?? String(error),
      input: (error as { input?: string }).input,
      status: (error as { status?: number }).status,
    },
  });
}
