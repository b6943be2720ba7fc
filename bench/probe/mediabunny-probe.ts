// The same facts as our probe, read with mediabunny, through a file source that counts its reads.
// Self-contained (imports only mediabunny and Node) because the RSS child runs it as plain JS.
import { open } from 'node:fs/promises';
import { ALL_FORMATS, CustomSource, Input } from 'mediabunny';

/** The "lite" set: what a preflight check needs, a fair match for our MediaInfo facts. */
export type MediabunnyFacts = {
  format: string;
  durationSeconds: number;
  tracks: Array<{
    kind: 'video' | 'audio' | 'other';
    codec: string | null;
    codecString: string | null;
    width?: number;
    height?: number;
    rotation?: number;
    sampleRate?: number;
    channels?: number;
  }>;
  io: { bytesRead: number; reads: number };
};

/**
 * Probes `path` with mediabunny. The source mirrors mediabunny's own FilePathSource (a Node
 * FileHandle, the 'fileSystem' prefetch profile) and adds byte and read counters.
 */
export async function probeWithMediabunny(path: string): Promise<MediabunnyFacts> {
  const handle = await open(path, 'r');
  const io = { bytesRead: 0, reads: 0 };
  const source = new CustomSource({
    getSize: async () => (await handle.stat()).size,
    read: async (start, end) => {
      const buffer = new Uint8Array(end - start);
      const { bytesRead } = await handle.read(buffer, 0, end - start, start);
      io.reads++;
      io.bytesRead += bytesRead;
      return buffer;
    },
    prefetchProfile: 'fileSystem',
  });
  const input = new Input({ source, formats: ALL_FORMATS });
  try {
    const format = (await input.getFormat()).name;
    const tracks: MediabunnyFacts['tracks'] = [];
    for (const track of await input.getTracks()) {
      if (track.isVideoTrack()) {
        tracks.push({
          kind: 'video',
          codec: track.codec,
          codecString: await track.getCodecParameterString(),
          width: track.displayWidth,
          height: track.displayHeight,
          rotation: track.rotation,
        });
      } else if (track.isAudioTrack()) {
        tracks.push({
          kind: 'audio',
          codec: track.codec,
          codecString: await track.getCodecParameterString(),
          sampleRate: track.sampleRate,
          channels: track.numberOfChannels,
        });
      } else {
        tracks.push({ kind: 'other', codec: null, codecString: null });
      }
    }
    const durationSeconds = await input.computeDuration();
    return { format, durationSeconds, tracks, io };
  } finally {
    input.dispose();
    await handle.close();
  }
}
