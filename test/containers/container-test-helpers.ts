import { expect } from 'vitest';
import { isContainerFactsFailure, type ContainerFacts, type ContainerFactsFound } from '../../src/containers/container-facts.js';
import type { MediaSource } from '../../src/sources/source.js';
import { BytesSourceForTests, headOf } from './bytes-source-for-tests.js';
import type { ExpectedFile } from './expected-streams-for-tests.js';

type ContainerProbe = (source: MediaSource, head: Uint8Array) => Promise<ContainerFacts>;

/** Runs a container probe on bytes, as the main probe would: a head read plus the source for more. */
export async function probeContainerBytes(probe: ContainerProbe, bytes: Uint8Array, headLength = 64 * 1024): Promise<{ facts: ContainerFacts; source: BytesSourceForTests }> {
  const source = new BytesSourceForTests(bytes);
  return { facts: await probe(source, headOf(bytes, headLength)), source };
}

/** The facts, or a test failure naming why the probe failed. */
export function found(facts: ContainerFacts): ContainerFactsFound {
  if (isContainerFactsFailure(facts)) throw new Error(`unexpected failure: ${facts.failure.message}`);
  return facts;
}

/** Tracks match the expected streams: kind and codec, then sizes and rates per kind. */
export function expectTracksMatch(facts: ContainerFactsFound, expected: ExpectedFile): void {
  expect(facts.tracks.map((t) => [t.kind, t.codec])).toEqual(expected.streams.map((s) => [s.kind, s.codec]));
  expected.streams.forEach((s, i) => {
    const t = facts.tracks[i]!;
    if (s.kind === 'video') {
      expect({ width: t.width, height: t.height, frameRate: t.frameRate }).toEqual({ width: s.width, height: s.height, frameRate: s.frameRate });
    } else if (s.kind === 'audio') {
      expect({ sampleRate: t.sampleRate, channels: t.channels }).toEqual({ sampleRate: s.sampleRate, channels: s.channels });
    }
  });
}
