import { describe, expect, it } from 'vitest';
import { codecFromMp4aObjectType, isPcmSampleEntry, lookupSampleEntry } from '../../src/codecs/sample-entry-codecs.js';
import { sampleEntryVectors } from './vectors/load-vectors.js';

const vectors = sampleEntryVectors();

/** What ffprobe's pcm_* codec name says about the samples: pcm_s24be → signed, 24 bits, big-endian. */
function ffprobePcm(codecName: string) {
  if (codecName === 'pcm_mulaw') return { sampleFormat: 'mulaw', endianness: null };
  if (codecName === 'pcm_alaw') return { sampleFormat: 'alaw', endianness: null };
  const m = /^pcm_([suf])(\d+)(le|be)?$/.exec(codecName)!;
  const sampleFormat = { s: 'signed', u: 'unsigned', f: 'float' }[m[1] as 's' | 'u' | 'f'];
  const endianness = m[3] === 'le' ? 'little' : m[3] === 'be' ? 'big' : null;
  return { sampleFormat, bits: Number(m[2]), endianness };
}

describe('lookupSampleEntry on files written by ffmpeg (expected values from ffprobe)', () => {
  for (const v of vectors) {
    it(`${v.name} (${v.fourcc})`, () => {
      const entry = lookupSampleEntry(v.fourcc);
      expect(entry).toBeDefined();
      expect(entry!.kind).toBe(v.ffprobe.codec_type);
      const isPcm = v.ffprobe.codec_name.startsWith('pcm_');
      expect(isPcmSampleEntry(v.fourcc)).toBe(isPcm);
      if (isPcm) {
        expect(entry!.codec).toBe('pcm');
        const expected = ffprobePcm(v.ffprobe.codec_name);
        expect(entry!.pcm!.sampleFormat).toBe(expected.sampleFormat);
        if (entry!.pcm!.bitsPerSample !== null) expect(entry!.pcm!.bitsPerSample).toBe(v.ffprobe.bits_per_sample);
        // The 4CC's byte order holds unless QuickTime's enda atom says little-endian.
        if (entry!.pcm!.endianness !== null && expected.endianness !== null && v.endaLittleEndian !== true) {
          expect(entry!.pcm!.endianness).toBe(expected.endianness);
        }
        if (v.endaLittleEndian === true) expect(expected.endianness).toBe('little');
      } else if (v.fourcc === 'mp4a') {
        expect(codecFromMp4aObjectType(v.esdsObjectTypeIndication!)).toBe(v.ffprobe.codec_name);
      } else {
        expect(entry!.codec).toBe(v.ffprobe.codec_name);
      }
      if (entry!.profile !== undefined) expect(entry!.profile).toBe(v.ffprobe.profile);
    });
  }

  it('covers every ProRes flavour, both DNx 4CCs and the PCM 4CCs ffmpeg writes', () => {
    const fourccs = new Set(vectors.map((v) => v.fourcc));
    for (const tag of ['apco', 'apcs', 'apcn', 'apch', 'ap4h', 'ap4x', 'AVdn', 'AVdh', 'sowt', 'twos', 'in24', 'in32', 'fl32', 'fl64', 'raw ', 'ulaw', 'alaw']) {
      expect(fourccs, tag).toContain(tag);
    }
  });

  it('names the ProRes flavours by Apple\'s names', () => {
    expect(lookupSampleEntry('apch')?.name).toBe('ProRes 422 HQ');
    expect(lookupSampleEntry('apcn')?.name).toBe('ProRes 422');
    expect(lookupSampleEntry('ap4x')?.name).toBe('ProRes 4444 XQ');
  });
});

describe('codecFromMp4aObjectType', () => {
  it('maps the object types ffmpeg wrote for AAC and MP3 in MP4', () => {
    const aac = vectors.find((v) => v.name === 'audio-mp4a-aac')!;
    const mp3 = vectors.find((v) => v.name === 'audio-mp4a-mp3')!;
    expect([aac.esdsObjectTypeIndication, mp3.esdsObjectTypeIndication]).toEqual([0x40, 0x6b]);
    expect(codecFromMp4aObjectType(aac.esdsObjectTypeIndication!)).toBe('aac');
    expect(codecFromMp4aObjectType(mp3.esdsObjectTypeIndication!)).toBe('mp3');
  });

  it('follows the MP4 registration authority for the rest', () => {
    expect([0x66, 0x67, 0x68].map((oti) => codecFromMp4aObjectType(oti))).toEqual(['aac', 'aac', 'aac']);
    expect(codecFromMp4aObjectType(0x69)).toBe('mp3');
    expect(codecFromMp4aObjectType(0xa5)).toBe('ac3');
    expect(codecFromMp4aObjectType(0xa6)).toBe('eac3');
    expect(codecFromMp4aObjectType(0xad)).toBe('opus');
    expect(codecFromMp4aObjectType(0xdd)).toBe('vorbis');
    expect(codecFromMp4aObjectType(0x00)).toBeUndefined();
    expect(codecFromMp4aObjectType(0x20)).toBeUndefined(); // MPEG-4 video is not audio
  });

  it('lets the AudioSpecificConfig object type override 0x40', () => {
    expect(codecFromMp4aObjectType(0x40, 2)).toBe('aac');
    expect(codecFromMp4aObjectType(0x40, 34)).toBe('mp3');
    expect(codecFromMp4aObjectType(0x40, 36)).toBe('mp4als');
    expect(codecFromMp4aObjectType(0x6b, 36)).toBe('mp3');
  });
});

describe('lookupSampleEntry for unknown 4CCs', () => {
  it('returns undefined and is case-sensitive', () => {
    expect(lookupSampleEntry('xxxx')).toBeUndefined();
    expect(lookupSampleEntry('')).toBeUndefined();
    expect(lookupSampleEntry('AVC1')).toBeUndefined();
    expect(lookupSampleEntry('avc1 ')).toBeUndefined();
    expect(isPcmSampleEntry('xxxx')).toBe(false);
    expect(isPcmSampleEntry('mp4a')).toBe(false);
  });

  it('knows the entries ffmpeg cannot write here', () => {
    expect(lookupSampleEntry('avc3')?.codec).toBe('h264');
    expect(lookupSampleEntry('vp08')?.codec).toBe('vp8');
    expect(lookupSampleEntry('mjpa')?.codec).toBe('mjpeg');
    for (const tag of ['lpcm', 'NONE', 'ipcm', 'fpcm']) expect(isPcmSampleEntry(tag), tag).toBe(true);
  });
});
