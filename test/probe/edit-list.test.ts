import { describe, expect, it } from 'vitest';
import { classifyEditList } from '../../src/isobmff/edit-list.js';

/** Unit cases for the edit-list classifier; the fixtures test it end to end against real files. */
describe('classifyEditList', () => {
  const frame = 1 / 30;
  it('one segment skipping encoder delay is benign', () => {
    expect(classifyEditList([{ segmentDuration: 2000, mediaTime: 1024, rate: 1 }], 15360, 1000, frame).kind).toBe('benign');
  });
  it('the 21 ms empty edit a remux or concat leaves before the media is benign', () => {
    const r = classifyEditList([{ segmentDuration: 21, mediaTime: -1, rate: 1 }, { segmentDuration: 600000, mediaTime: 0, rate: 1 }], 15360, 1000, frame);
    expect(r).toMatchObject({ kind: 'benign', segments: 2 });
    expect(r.detail).toMatch(/0\.021 s start offset/);
  });
  it('a one-second empty edit is real', () => {
    expect(classifyEditList([{ segmentDuration: 1000, mediaTime: -1, rate: 1 }, { segmentDuration: 4000, mediaTime: 1024, rate: 1 }], 15360, 1000, frame).kind).toBe('real');
  });
  it('a short empty edit followed by a large skip is still real', () => {
    expect(classifyEditList([{ segmentDuration: 21, mediaTime: -1, rate: 1 }, { segmentDuration: 4000, mediaTime: 15360, rate: 1 }], 15360, 1000, frame).kind).toBe('real');
  });
  it('several segments and other rates are real', () => {
    expect(classifyEditList([{ segmentDuration: 1000, mediaTime: 0, rate: 1 }, { segmentDuration: 1000, mediaTime: 30720, rate: 1 }], 15360, 1000, frame).kind).toBe('real');
    expect(classifyEditList([{ segmentDuration: 1000, mediaTime: 0, rate: 2 }], 15360, 1000, frame).kind).toBe('real');
  });
});
