import { fstatSync, ftruncateSync, readSync, writeSync } from 'node:fs';
import type { EmscriptenFs, EmscriptenFsNode, EmscriptenNodeAttr } from './wasm-core-types.js';

/** Emscripten errno values (they are WASI's, not Linux's). */
const EIO = 29;
const ENODEV = 43;

/**
 * Makes `virtualPath` inside the wasm core a window onto an open host file descriptor: ffmpeg's
 * reads and writes go straight to the host file instead of through MEMFS, which keeps whole
 * files in JS memory (a 1 GB remux through MEMFS took 38 s and 4.2 GB of RSS; through this,
 * about 1.2 s and 160 MB).
 *
 * The core is built with MEMFS and WORKERFS only (no NODEFS), so this patches a MEMFS node's
 * operations. That relies on Emscripten internals (`usedBytes`, `stream_ops`, `node_ops`), which
 * is why @ffmpeg/core is pinned to an exact version. The caller owns `fd` and closes it.
 */
export function attachHostFile(emfs: EmscriptenFs, virtualPath: string, fd: number, access: 'read' | 'write'): EmscriptenFsNode {
  const node = emfs.create(virtualPath, access === 'read' ? 0o444 : 0o666);
  // MEMFS takes the size from usedBytes (stat, SEEK_END), so keep it equal to the host file's.
  node.usedBytes = fstatSync(fd).size;
  const hostCall = <T>(call: () => T): T => {
    try {
      return call();
    } catch {
      // A Node error thrown through the wasm stack would kill the run without a log line;
      // an errno lets ffmpeg report "I/O error" and exit non-zero.
      throw new emfs.ErrnoError(EIO);
    }
  };
  const resize = (size: number): void => {
    hostCall(() => ftruncateSync(fd, size));
    node.usedBytes = size;
  };

  node.stream_ops = {
    // MEMFS's llseek stays: it only needs usedBytes.
    ...node.stream_ops,
    read: (_stream, buffer, offset, length, position) => hostCall(() => readSync(fd, buffer, offset, length, position)),
    write: (_stream, buffer, offset, length, position) => {
      let written = 0;
      while (written < length) {
        const n = hostCall(() => writeSync(fd, buffer, offset + written, length - written, position + written));
        if (n <= 0) throw new emfs.ErrnoError(EIO);
        written += n;
      }
      node.usedBytes = Math.max(node.usedBytes, position + length);
      node.timestamp = Date.now();
      return length;
    },
    allocate: (_stream, offset, length) => {
      if (offset + length > node.usedBytes) resize(offset + length);
    },
    // There is no in-memory copy to map; ffmpeg does not mmap its inputs or outputs.
    mmap: () => {
      throw new emfs.ErrnoError(ENODEV);
    },
    msync: () => {
      throw new emfs.ErrnoError(ENODEV);
    },
  };
  node.node_ops = {
    ...node.node_ops,
    // Called for O_TRUNC and ftruncate: MEMFS would resize its (absent) in-memory contents.
    setattr: (target: EmscriptenFsNode, attr: EmscriptenNodeAttr) => {
      if (attr.mode !== undefined) target.mode = attr.mode;
      if (attr.timestamp !== undefined) target.timestamp = attr.timestamp;
      if (attr.size !== undefined) resize(attr.size);
    },
  };
  return node;
}
