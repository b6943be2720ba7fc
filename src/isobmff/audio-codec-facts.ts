import { parseAudioSpecificConfig } from '../codecs/aac-audio-specific-config.js';
import { codecFromMp4aObjectType, lookupSampleEntry } from '../codecs/sample-entry-codecs.js';
import type { SampleEntryFacts } from './mp4box-moov.js';
import type { RawSampleEntry } from './raw-sample-entry.js';

export type AudioCodecFacts = {
  codec: string;
  profile: string | null;
  sampleRate: number;
  channels: number;
  bitDepth: number | null;
};

/**
 * Audio facts with the bitstream's word over the sample entry's: mp4box reports the ISO template
 * value 2 as the channel count of mono AAC, so AAC channels and rates come from AudioSpecificConfig.
 */
export function audioCodecFacts(entry: SampleEntryFacts | null, raw: RawSampleEntry | null): AudioCodecFacts {
  const type = entry?.type ?? raw?.type ?? '';
  let codec = lookupSampleEntry(type)?.codec ?? type;
  const esds = raw?.esds ?? entry?.esds ?? null;
  if (esds && type === 'mp4a') codec = codecFromMp4aObjectType(esds.objectTypeIndication) ?? codec;
  // Damaged entries can hold fractional 16.16 rates; the schema wants whole numbers.
  const templateRate = Math.round(entry?.sampleRate ?? raw?.sampleRate ?? 0);
  const templateChannels = Math.round(raw?.channels ?? entry?.channelCount ?? 0);
  const pcmBits = lookupSampleEntry(type)?.kind === 'audio' && codec === 'pcm' ? (raw?.bitsPerSample ?? entry?.sampleSize ?? null) : null;
  if (codec === 'aac' && esds?.asc) {
    const asc = parseAudioSpecificConfig(esds.asc);
    if (asc) {
      return {
        codec,
        profile: asc.objectTypeName,
        sampleRate: asc.sampleRate || templateRate,
        channels: asc.channels || templateChannels,
        bitDepth: null,
      };
    }
  }
  if (codec === 'opus' && entry?.opus) {
    // Opus always decodes at 48 kHz; InputSampleRate is only the original's rate.
    return { codec, profile: null, sampleRate: 48000, channels: entry.opus.channels || templateChannels, bitDepth: null };
  }
  return { codec, profile: null, sampleRate: templateRate, channels: templateChannels, bitDepth: pcmBits };
}
