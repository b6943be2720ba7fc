// A loopback file server for the URL bench: serves files from disk with Range support, and counts
// requests and the body bytes it handed to each socket (reads wait for drain through pipe()).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FileServer = {
  url(name: string): string;
  /** Requests and body bytes since the last reset. */
  counts(): { requests: number; bytesSent: number };
  reset(): void;
  close(): Promise<void>;
};

export async function startFileServer(files: Record<string, string>): Promise<FileServer> {
  let requests = 0;
  let bytesSent = 0;
  const server = createServer((req, res) => {
    requests++;
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    const path = files[name];
    if (!path) {
      res.writeHead(404, { 'content-length': '0' }).end();
      return;
    }
    const size = statSync(path).size;
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    let status = 200;
    if (m && (m[1] !== '' || m[2] !== '')) {
      if (m[1] === '') {
        start = Math.max(0, size - Number(m[2]));
      } else {
        start = Number(m[1]);
        if (m[2] !== '') end = Math.min(end, Number(m[2]));
      }
      if (start >= size) {
        res.writeHead(416, { 'content-range': `bytes */${size}`, 'content-length': '0' }).end();
        return;
      }
      status = 206;
    }
    const headers: Record<string, string> = {
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'content-length': String(end - start + 1),
    };
    if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(status, headers);
    const stream = createReadStream(path, { start, end, highWaterMark: 64 * 1024 });
    stream.on('data', (chunk) => {
      bytesSent += chunk.length;
    });
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  });
  server.on('connection', (s) => s.on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (name) => `${origin}/${encodeURIComponent(name)}`,
    counts: () => ({ requests, bytesSent }),
    reset: () => {
      requests = 0;
      bytesSent = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
