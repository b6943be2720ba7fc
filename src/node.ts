/**
 * Node-only helpers: file-path sources and isolated probing in a worker thread.
 * Import from `media-preflight/node`; the main entry stays browser-safe.
 */
export { FileSource } from './sources/file-source.js';
export { probeInWorker, type ProbeInWorkerOptions } from './node/probe-in-worker.js';
export { createNodeTransport, type NodeTransportOptions } from './url/node-transport.js';
