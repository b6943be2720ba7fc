import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRunGuard } from '../../src/fix/wasm-run-guard.js';

const never = new Promise<never>(() => {});

describe('createRunGuard', () => {
  it('rejects with the signal’s AbortError and stops the work once', async () => {
    const controller = new AbortController();
    let stops = 0;
    const guard = createRunGuard({ signal: controller.signal, stallTimeoutMs: 10_000, stallError: () => new Error('stall'), stop: () => stops++ });
    const raced = guard.race(never);
    controller.abort();
    controller.abort();
    await expect(raced).rejects.toMatchObject({ name: 'AbortError' });
    expect(stops).toBe(1);
  });

  it('rejects a run already aborted', async () => {
    const guard = createRunGuard({ signal: AbortSignal.abort(), stallTimeoutMs: 10_000, stallError: () => new Error('stall'), stop: () => {} });
    await expect(guard.race(Promise.resolve(1))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops a run that goes quiet, and touch() keeps a talkative one alive', async () => {
    let stops = 0;
    const guard = createRunGuard({ stallTimeoutMs: 40, stallError: () => new Error('stalled'), stop: () => stops++ });
    const raced = guard.race(never);
    for (let i = 0; i < 4; i++) {
      await sleep(20);
      guard.touch();
    }
    expect(stops).toBe(0);
    await expect(raced).rejects.toThrow('stalled');
    expect(stops).toBe(1);
  });

  it('lets the work’s own result through and goes quiet after release()', async () => {
    const controller = new AbortController();
    let stops = 0;
    const guard = createRunGuard({ signal: controller.signal, stallTimeoutMs: 10, stallError: () => new Error('stall'), stop: () => stops++ });
    await expect(guard.race(Promise.resolve('done'))).resolves.toBe('done');
    guard.release();
    controller.abort();
    await sleep(30);
    expect(stops).toBe(0);
  });

  it('cancel() rejects with the given reason', async () => {
    const guard = createRunGuard({ stallTimeoutMs: 10_000, stallError: () => new Error('stall'), stop: () => {} });
    const raced = guard.race(never);
    guard.cancel(new Error('disposed'));
    await expect(raced).rejects.toThrow('disposed');
  });
});
