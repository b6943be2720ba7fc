/**
 * The parts of @ffmpeg/core's Emscripten module that the wasm engines touch. The package ships no
 * types for the core itself. Written against @ffmpeg/core 0.12.10 (pinned in package.json): the
 * file-system node fields below are Emscripten internals, not a public API.
 */

export type CoreLogEvent = { type: string; message: string };
/** `time` is the output timestamp in microseconds; `progress` is time / input duration (unreliable). */
export type CoreProgressEvent = { progress: number; time: number };

/** Emscripten stream operations of a regular file (MEMFS signature). */
export type EmscriptenStreamOps = {
  read?: (stream: unknown, buffer: Int8Array, offset: number, length: number, position: number) => number;
  write?: (stream: unknown, buffer: Int8Array, offset: number, length: number, position: number, canOwn?: boolean) => number;
  llseek?: (stream: unknown, offset: number, whence: number) => number;
  allocate?: (stream: unknown, offset: number, length: number) => void;
  mmap?: (...args: unknown[]) => never;
  msync?: (...args: unknown[]) => never;
};

export type EmscriptenNodeAttr = { mode?: number; timestamp?: number; size?: number };

export type EmscriptenNodeOps = {
  getattr?: (node: EmscriptenFsNode) => unknown;
  setattr?: (node: EmscriptenFsNode, attr: EmscriptenNodeAttr) => void;
};

/** A MEMFS node. MEMFS reports `usedBytes` as the file size (stat, SEEK_END). */
export type EmscriptenFsNode = {
  mode: number;
  timestamp: number;
  usedBytes: number;
  contents: unknown;
  stream_ops: EmscriptenStreamOps;
  node_ops: EmscriptenNodeOps;
};

export type EmscriptenFs = {
  mkdir(path: string, mode?: number): unknown;
  /** Creates a regular MEMFS file node. */
  create(path: string, mode?: number): EmscriptenFsNode;
  unlink(path: string): void;
  ErrnoError: new (errno: number) => Error;
};

export type FfmpegCore = {
  FS: EmscriptenFs;
  /** Runs ffmpeg synchronously ("-nostdin -y" are prepended); returns the exit code. */
  exec(...args: string[]): number;
  ret: number;
  reset(): void;
  setLogger(logger: (event: CoreLogEvent) => void): void;
  setProgress(handler: (event: CoreProgressEvent) => void): void;
  setTimeout(timeoutMs: number): void;
};

export type CreateFfmpegCore = (moduleArg: { wasmBinary?: Uint8Array }) => Promise<FfmpegCore>;
