import { readdirSync, readFileSync } from 'node:fs';
import { concatBytes as concat } from '../helpers/bytes.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerFormats, type ContainerFormat } from '../../src/probe/media-info.js';
import { sniffContainer } from '../../src/sniff/sniff-container.js';
import { readEbmlElementHeader } from '../../src/containers/ebml-vint.js';
import { id3v2TagLength } from '../../src/sniff/sniff-mpeg-audio.js';
import { headOf } from '../containers/bytes-source-for-tests.js';

const dir = join(import.meta.dirname, '../../fixtures/container');
const load = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
const sniff = (bytes: Uint8Array) => sniffContainer(headOf(bytes), bytes.length);

/** The container each fixture was written as (the muxer fixtures/make-container-fixtures.sh asked ffmpeg for). */
const expected: Record<string, ContainerFormat> = {
  'vp9-opus.webm': 'webm',
  'vp9-opus-live.webm': 'webm',
  'vp8-vorbis.webm': 'webm',
  'av1-opus.webm': 'webm',
  'h264-aac.mkv': 'matroska',
  'hevc-aac.mkv': 'matroska',
  'mpeg4-mp3.avi': 'avi',
  'h264-pcm.avi': 'avi',
  'h264-aac.ts': 'mpegts',
  'h264-aac.m2ts': 'mpegts',
  'h264-mp2.ts': 'mpegts',
  'mpeg2-mp2.mpg': 'mpegps',
  'theora-vorbis.ogv': 'ogg',
  'h264-aac.flv': 'flv',
  'wmv2-wmav2.wmv': 'asf',
  'tone.mp3': 'mp3',
  'tone.aac': 'aac-adts',
  'tone.wav': 'wav',
  'tone.flac': 'flac',
  'tone.opus': 'ogg',
  'h264-aac.mp4': 'mp4',
  'h264-aac.mov': 'mov',
  'h264-aac.3gp': '3gp',
  'tone.m4a': 'm4a',
  'still.avif': 'avif',
  'still.png': 'png',
  'still.jpg': 'jpeg',
  'still.gif': 'gif',
  'still.bmp': 'bmp',
  'still.tiff': 'tiff',
  'still.webp': 'webp',
  'sample.pdf': 'pdf',
  'sample.zip': 'zip',
  'sample.html': 'html',
  'sample.xml': 'xml',
  'sample.txt': 'text',
};

/** Replaces the ftyp major brand of a real MP4 (a derived input: only the brand differs). */
function withMajorBrand(bytes: Uint8Array, brand: string, compatible?: string): Uint8Array {
  const copy = bytes.slice();
  copy.set(new TextEncoder().encode(brand), 8);
  if (compatible) copy.set(new TextEncoder().encode(compatible), 16);
  return copy;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffContainer on real encoder output', () => {
  it('has an expected format for every fixture the script makes', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, format] of Object.entries(expected)) {
    it(`${name} is ${format}`, () => {
      expect(sniff(load(name)).format).toBe(format);
    });
  }

  it('gives every format a name, and a MIME type for every known format', () => {
    for (const name of Object.keys(expected)) {
      const r = sniff(load(name));
      expect(r.formatName.length).toBeGreaterThan(0);
      expect(r.mimeType).not.toBeNull();
    }
  });

  it('reports the ftyp brands ffmpeg wrote', () => {
    expect(sniff(load('h264-aac.mp4')).isobmff).toEqual({
      majorBrand: 'isom',
      minorVersion: 0x200,
      compatibleBrands: ['isom', 'iso2', 'avc1', 'mp41'],
    });
    expect(sniff(load('h264-aac.mov')).isobmff?.majorBrand).toBe('qt  ');
    expect(sniff(load('tone.m4a')).isobmff?.majorBrand).toBe('M4A ');
    expect(sniff(load('h264-aac.3gp')).isobmff?.majorBrand).toMatch(/^3gp/);
    expect(sniff(load('sample.pdf')).isobmff).toBeUndefined();
  });

  it('says what each format normally holds', () => {
    expect(sniff(load('vp9-opus.webm')).kind).toBe('video');
    expect(sniff(load('tone.m4a')).kind).toBe('audio');
    expect(sniff(load('tone.wav')).kind).toBe('audio');
    expect(sniff(load('still.avif')).kind).toBe('image');
    expect(sniff(load('still.png')).kind).toBe('image');
    expect(sniff(load('sample.pdf')).kind).toBe('other');
    expect(sniff(load('sample.txt')).kind).toBe('other');
    expect(sniffContainer(new Uint8Array(0), 0).kind).toBe('unknown-media');
  });

  it('tells Ogg video (Theora) from Ogg audio (Opus)', () => {
    expect(sniff(load('theora-vorbis.ogv'))).toMatchObject({ kind: 'video', mimeType: 'video/ogg' });
    expect(sniff(load('tone.opus'))).toMatchObject({ kind: 'audio', mimeType: 'audio/ogg' });
  });

  it('uses the right MIME types for WebM, Matroska and MPEG-TS', () => {
    expect(sniff(load('vp9-opus.webm')).mimeType).toBe('video/webm');
    expect(sniff(load('h264-aac.mkv')).mimeType).toBe('video/x-matroska');
    expect(sniff(load('h264-aac.ts')).mimeType).toBe('video/mp2t');
  });
});

describe('sniffContainer on inputs derived from real files', () => {
  it('maps ISO-BMFF brands to formats', () => {
    const mp4 = load('h264-aac.mp4');
    const cases: Array<[string, string | undefined, ContainerFormat, string]> = [
      ['heic', undefined, 'heif', 'image/heic'],
      ['mif1', undefined, 'heif', 'image/heif'],
      ['msf1', undefined, 'heif', 'image/heif-sequence'],
      ['hevc', undefined, 'heif', 'image/heic-sequence'],
      ['mif1', 'avif', 'avif', 'image/avif'],
      ['avis', undefined, 'avif', 'image/avif'],
      ['M4B ', undefined, 'm4a', 'audio/mp4'],
      ['3g2a', undefined, '3gp', 'video/3gpp2'],
      ['3gp4', undefined, '3gp', 'video/3gpp'],
      ['qt  ', undefined, 'mov', 'video/quicktime'],
      ['mp42', undefined, 'mp4', 'video/mp4'],
      ['iso6', undefined, 'mp4', 'video/mp4'],
      ['dash', undefined, 'mp4', 'video/mp4'],
      ['M4V ', undefined, 'mp4', 'video/mp4'],
      ['MSNV', undefined, 'mp4', 'video/mp4'],
    ];
    for (const [brand, compatible, format, mime] of cases) {
      const r = sniff(withMajorBrand(mp4, brand, compatible));
      expect([brand, r.format, r.mimeType]).toEqual([brand, format, mime]);
    }
  });

  it('recognises QuickTime without ftyp (starting with wide, mdat or moov)', () => {
    const mov = load('h264-aac.mov');
    const ftypSize = new DataView(mov.buffer, mov.byteOffset).getUint32(0);
    const withoutFtyp = mov.subarray(ftypSize); // starts with "wide", then "mdat"
    expect(String.fromCharCode(...withoutFtyp.subarray(4, 8))).toBe('wide');
    expect(sniff(withoutFtyp).format).toBe('mov');
    expect(sniff(withoutFtyp.subarray(8)).format).toBe('mov'); // starts with "mdat"
  });

  it('does not mistake text with "free" at byte 4 for QuickTime', () => {
    expect(sniff(text('Set free the birds, and other plain text.\n')).format).toBe('text');
  });

  it('recognises MP3 by its frame headers once the ID3 tag is gone', () => {
    const mp3 = load('tone.mp3');
    const tag = id3v2TagLength(mp3, 0);
    expect(tag).toBeGreaterThan(10);
    expect(sniff(mp3.subarray(tag)).format).toBe('mp3');
  });

  it('skips an ID3 tag in front of ADTS AAC and FLAC', () => {
    const mp3 = load('tone.mp3');
    const tag = mp3.subarray(0, id3v2TagLength(mp3, 0));
    expect(sniff(concat(tag, load('tone.aac'))).format).toBe('aac-adts');
    expect(sniff(concat(tag, load('tone.flac'))).format).toBe('flac');
  });

  it('recognises big-endian TIFF', () => {
    const tiff = load('still.tiff').slice();
    tiff.set([0x4d, 0x4d, 0x00, 0x2a], 0);
    expect(sniff(tiff).format).toBe('tiff');
  });

  it('recognises HTML after a BOM and whitespace, in any case, with or without a doctype', () => {
    const html = new TextDecoder().decode(load('sample.html'));
    const body = html.slice(html.indexOf('<html'));
    expect(sniff(concat(new Uint8Array([0xef, 0xbb, 0xbf]), text('\n  \t' + html))).format).toBe('html');
    expect(sniff(text(body)).format).toBe('html');
    expect(sniff(text(body.replace('<html', '<HTML'))).format).toBe('html');
    expect(sniff(text('<!doctype HTML>\n' + body)).format).toBe('html');
    expect(sniff(text('<?xml version="1.0"?>\n' + html)).format).toBe('html');
  });

  it('recognises UTF-16 text with a BOM', () => {
    const html = new TextDecoder().decode(load('sample.html'));
    const utf16 = new Uint8Array(2 + html.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < html.length; i++) utf16[2 + i * 2] = html.charCodeAt(i);
    expect(sniff(utf16).format).toBe('html');
  });

  it('still calls text text when the head cuts a multi-byte character in half', () => {
    const txt = load('sample.txt');
    const e9 = txt.indexOf(0xa9); // second byte of "é"
    expect(sniffContainer(txt.subarray(0, e9), txt.length).format).toBe('text');
    // ...but a file that really ends mid-character is not valid text.
    expect(sniffContainer(txt.subarray(0, e9), e9).format).toBe('unknown');
  });

  it('does not mistake text with "G" every 188 bytes for a transport stream', () => {
    const line = 'G' + 'o'.repeat(186) + '\n'; // 188 characters, each starting with "G"
    expect(sniff(text(line.repeat(20))).format).toBe('text');
    expect(sniff(text(line.repeat(2) + 'x'.repeat(188 * 10))).format).toBe('text');
  });

  it('needs more than "BM" for a bitmap', () => {
    expect(sniff(text('BMW drivers wrote this line.\n')).format).toBe('text');
  });

  it('finds the DocType by walking the EBML header, not by searching for a string', () => {
    // Rebuild the real Matroska header with a Void child holding the bytes "webm" before the DocType.
    const mkv = load('h264-aac.mkv');
    const header = readEbmlElementHeader(mkv, 0);
    if (!header.ok || header.header.size === null) throw new Error('fixture has no EBML header');
    const childrenStart = header.header.headerLength;
    const children = mkv.subarray(childrenStart, childrenStart + header.header.size);
    const voidWithWebm = concat(new Uint8Array([0xec, 0x84]), text('webm'));
    const newChildren = concat(voidWithWebm, children);
    const size8 = new Uint8Array(8);
    size8[0] = 0x01; // 8-byte size vint
    new DataView(size8.buffer).setUint32(4, newChildren.length);
    const rebuilt = concat(mkv.subarray(0, 4), size8, newChildren, mkv.subarray(childrenStart + header.header.size));
    expect(sniff(rebuilt).format).toBe('matroska');
    // A damaged EBML header (ID bytes zeroed) is no longer EBML.
    const damaged = load('vp9-opus.webm').slice();
    damaged[0] = 0;
    expect(sniff(damaged).format).not.toBe('webm');
  });

  it('recognises a transport stream from a head shorter than three packets', () => {
    const ts = load('h264-aac.ts');
    expect(sniffContainer(ts.subarray(0, 200), 376).format).toBe('mpegts');
  });
});

describe('sniffContainer on hostile input', () => {
  it('calls empty input unknown', () => {
    expect(sniffContainer(new Uint8Array(0), 0).format).toBe('unknown');
    expect(sniffContainer(new Uint8Array(0), 1000).format).toBe('unknown');
  });

  it('never throws on random bytes and returns a known format', () => {
    let seed = 0x2545f491;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const started = performance.now();
    for (let i = 0; i < 3000; i++) {
      const bytes = new Uint8Array(next() % 2048);
      for (let j = 0; j < bytes.length; j++) bytes[j] = next() & 0xff;
      const r = sniffContainer(bytes, bytes.length + (next() % 4096));
      expect(containerFormats).toContain(r.format);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('never throws on any prefix of a real file', () => {
    for (const name of ['vp9-opus.webm', 'h264-aac.mp4', 'tone.mp3', 'h264-aac.ts', 'tone.aac', 'sample.html']) {
      const bytes = load(name);
      for (let n = 0; n <= Math.min(bytes.length, 600); n++) {
        expect(containerFormats).toContain(sniffContainer(bytes.subarray(0, n), bytes.length).format);
      }
    }
  });
});
