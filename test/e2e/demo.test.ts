import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { probe } from '../../src/probe/probe.js';
import { validate } from '../../src/validate/validate.js';
import { guardNetwork, hasChromium, launchChromium, startDemoServer } from '../helpers/browser.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';

/** The demo page as a person uses it, in Debian's Chromium. Screenshots go to test-results/e2e/. */
const shots = 'test-results/e2e';

describe.runIf(hasChromium())('demo upload page in Chromium', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let media: HttpTestServer;
  let url: string;
  let page: Page;
  let outside: string[];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ({ server, url } = await startDemoServer());
    media = await startHttpTestServer();
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Content-Type, Accept-Ranges' };
    media.route('/public.mp4', { body: readFileSync('fixtures/isobmff/h264-aac.mp4'), contentType: 'video/mp4', headers: cors });
    media.route('/private.mp4', { body: readFileSync('fixtures/isobmff/h264-aac.mp4'), contentType: 'video/mp4' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await media?.close();
  });

  async function openPage(): Promise<void> {
    page = await browser.newPage({ viewport: { width: 1100, height: 1300 }, acceptDownloads: true });
    outside = await guardNetwork(page);
    await page.goto(url);
  }

  it('a valid MP4 shows a pass with its facts', async () => {
    await openPage();
    await page.setInputFiles('#file-input', 'fixtures/isobmff/h264-aac.mp4');
    const card = page.locator('.card[data-file="h264-aac.mp4"]');
    await card.locator('.badge.pass, .badge.warn').waitFor();
    expect(await card.getAttribute('data-verdict')).toBe('pass');
    expect(await card.locator('.facts').textContent()).toMatch(/h264 High 320x180 30 fps/);
    expect(await card.locator('.fix').isHidden()).toBe(true);
    await page.screenshot({ path: `${shots}/pass.png`, fullPage: true });
  });

  it('a WebM shows its issues; Fix reaches 100 %, the fixed file re-checks as a pass and downloads', async () => {
    await openPage();
    await page.setInputFiles('#file-input', 'fixtures/container/vp9-opus.webm');
    const card = page.locator('.card[data-file="vp9-opus.webm"]');
    await card.locator('.badge.fail').waitFor();
    const codes = await card.locator('.issues > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(codes).toEqual(expect.arrayContaining(['video-format', 'video-codec', 'frame-rate', 'audio-codec']));
    await page.screenshot({ path: `${shots}/webm-issues.png`, fullPage: true });

    const progress: number[] = [];
    await page.exposeFunction('recordProgress', (v: number) => progress.push(v));
    await card.evaluate((el) => new MutationObserver(() => (window as unknown as { recordProgress(v: number): void }).recordProgress(Number(el.getAttribute('data-progress')))).observe(el, { attributes: true, attributeFilter: ['data-progress'] }));
    await card.locator('.fix').click();
    await page.waitForSelector('.card[data-fix]', { timeout: 120_000 });
    expect(await card.getAttribute('data-fix')).toBe('passed');
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await card.locator('.verdict-box strong').textContent()).toBe('Re-check: PASS');

    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('a[download]').click()]);
    expect(download.suggestedFilename()).toBe('vp9-opus.fixed.mp4');
    const saved = `${shots}/vp9-opus.fixed.mp4`;
    await download.saveAs(saved);
    const fixed = await probe(saved);
    expect(fixed.video?.codec).toBe('h264');
    expect(fixed.audio?.codec).toBe('aac');
    expect(fixed.container.faststart).toBe(true);
    expect(validate(fixed, 'threads').ok).toBe(true);
    await page.screenshot({ path: `${shots}/webm-fixed.png`, fullPage: true });
    expect(outside).toEqual([]);
  });

  it('Cancel stops a running fix', async () => {
    await openPage();
    // 901 s at 1 fps: a trim plus a frame-rate re-encode, long enough to cancel mid-way.
    await page.setInputFiles('#file-input', 'fixtures/isobmff/h264-901s.mp4');
    const card = page.locator('.card[data-file="h264-901s.mp4"]');
    await card.locator('.badge.fail').waitFor();
    await card.locator('.fix').click();
    await page.waitForFunction(() => Number(document.querySelector('.card')?.getAttribute('data-progress') ?? 0) > 5, undefined, { timeout: 60_000 });
    await card.locator('.cancel').click();
    await page.waitForSelector('.card[data-fix="cancelled"]', { timeout: 10_000 });
    const after = await card.getAttribute('data-progress');
    await page.waitForTimeout(1500);
    expect(await card.getAttribute('data-progress')).toBe(after);
    expect(await card.locator('a[download]').count()).toBe(0);
    await page.screenshot({ path: `${shots}/cancelled.png`, fullPage: true });
  });

  it('the URL check runs against a local server, and says what CORS hid', async () => {
    await openPage();
    await page.fill('#url-input', media.url('/public.mp4'));
    await page.click('#url-check');
    const box = page.locator('#url-result .verdict-box');
    await box.waitFor();
    expect(await box.getAttribute('data-verdict')).toBe('pass');
    expect(await box.locator('.facts').textContent()).toMatch(/h264/);
    expect(media.requestsTo('/public.mp4').length).toBeGreaterThan(0);

    await page.fill('#url-input', media.url('/private.mp4'));
    await page.click('#url-check');
    await page.waitForSelector('#url-result [data-code="url-cors-blocked"]');
    expect(await page.locator('#url-result .verdict-box').getAttribute('data-verdict')).toBe('unknown');
    await page.screenshot({ path: `${shots}/url-check.png`, fullPage: true });
    expect(outside).toEqual([]);
  });

  it('explains a pasted platform error', async () => {
    await openPage();
    await page.fill('#explain-input', JSON.stringify({ error: { message: 'Error validating access token: The session has been invalidated', type: 'OAuthException', code: 190, error_subcode: 460 } }));
    await page.click('#explain-button');
    const verdict = page.locator('#explain-result dl');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-action')).toBe('reconnect');
    await page.screenshot({ path: `${shots}/explain.png`, fullPage: true });
  });
});
