import type { MediaSource } from './source.js';
import { MediaSourceError } from '../errors/media-source-error.js';
import { BytesSource } from './bytes-source.js';
import { BlobSource } from './blob-source.js';
import { UrlSource, redactedLabel, type UrlSourceOptions } from './url-source.js';

/** Everything the probe accepts as input. A string is an http(s) URL or, in Node, a file path. */
export type ProbeInput = Blob | Uint8Array | ArrayBuffer | ArrayBufferView | string | URL | MediaSource;

/** Options for opening an input; only URL inputs use more than `signal`. */
export type OpenSourceOptions = UrlSourceOptions;

/** Turns any accepted input into a random-access source. Node file support is loaded only when used. */
export async function openSource(input: ProbeInput, options: OpenSourceOptions = {}): Promise<MediaSource> {
  options.signal?.throwIfAborted();
  if (isMediaSource(input)) return input;
  if (isBlob(input)) return new BlobSource(input);
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return new BytesSource(input);
  if (input instanceof URL) return openUrl(input, options);
  if (typeof input === 'string') {
    if (/^https?:\/\//i.test(input) || /^file:/i.test(input)) return openUrl(new URL(input), options);
    // Any other scheme ("ftp://", "s3://") is neither a URL we fetch nor a path.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw unsupportedUrl(input);
    return openFilePath(input);
  }
  throw new MediaSourceError(`Unsupported input of type ${describeType(input)}`, 'input', { code: 'E_SOURCE_UNSUPPORTED' });
}

/** An object that already reads like a source (size + read) is used as is. */
export function isMediaSource(value: unknown): value is MediaSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { size?: unknown }).size === 'number' &&
    typeof (value as { read?: unknown }).read === 'function'
  );
}

function openUrl(url: URL, options: OpenSourceOptions): Promise<MediaSource> {
  if (url.protocol === 'http:' || url.protocol === 'https:') return UrlSource.open(url, options);
  if (url.protocol === 'file:') return openFilePath(url);
  throw unsupportedUrl(url.href);
}

async function openFilePath(path: string | URL): Promise<MediaSource> {
  const label = typeof path === 'string' ? path : path.href;
  if (!isNode()) {
    throw new MediaSourceError(
      `Cannot open "${label}": file paths work only in Node. In a browser pass a File, a Blob, bytes or an http(s) URL.`,
      label,
      { code: 'E_SOURCE_UNSUPPORTED' },
    );
  }
  // Lazy: keeps node:fs out of browser bundles and out of Node startup when no path is opened.
  const { FileSource } = await import('./file-source.js');
  return FileSource.open(path);
}

function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  // A Blob from another realm (iframe, worker) fails instanceof but has the same shape.
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Blob).size === 'number' &&
    typeof (value as Blob).slice === 'function' &&
    typeof (value as Blob).arrayBuffer === 'function'
  );
}

function isNode(): boolean {
  const process = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof process?.versions?.node === 'string';
}

function unsupportedUrl(href: string): MediaSourceError {
  let label = href;
  try {
    label = redactedLabel(new URL(href));
  } catch {
    // keep the raw text
  }
  return new MediaSourceError(`Only http(s) and file URLs are supported, not ${label}`, label, {
    code: 'E_SOURCE_UNSUPPORTED',
  });
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}
