import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { probe } from '../../src/probe/probe.js';
import { validate } from '../../src/validate/validate.js';
import { guardNetwork, hasChromium, launchChromium, startDemoServer } from '../helpers/browser.js';

/**
 * The probe and the validator in real Chromium, reading real File objects (BlobSource), compared
 * with the same calls in Node on the same fixtures.
 */
const files = [
  ...readdirSync('fixtures/isobmff').filter((f) => /\.(mp4|mov|m4a)$/.test(f)).map((f) => `fixtures/isobmff/${f}`),
  ...readdirSync('fixtures/container').filter((f) => !f.endsWith('.md')).map((f) => `fixtures/container/${f}`),
  ...readdirSync('fixtures/image').filter((f) => !f.endsWith('.md')).map((f) => `fixtures/image/${f}`),
];

describe.runIf(hasChromium())('library in Chromium', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let page: Page;
  let outside: string[];

  beforeAll(async () => {
    const started = await startDemoServer();
    server = started.server;
    browser = await launchChromium();
    page = await browser.newPage();
    outside = await guardNetwork(page);
    await page.exposeFunction('readFixture', (path: string) => readFileSync(path).toString('base64'));
    await page.goto(started.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`probes and validates ${files.length} fixtures from File objects exactly as Node does`, async () => {
    const root = resolve('.');
    // Written as a string: Vitest would rewrite a real import() inside a function before Playwright serialises it.
    const script = `(async ({ root, files }) => {
      const lib = await import(\`/@fs\${root}/src/index.ts\`);
      const out = {};
      for (const path of files) {
        // Bytes come from Node: Vite would transpile a fixture that ends in .ts (MPEG-TS) if fetched.
        const bytes = Uint8Array.from(atob(await window.readFixture(path)), (c) => c.charCodeAt(0));
        const file = new File([bytes], path.split('/').pop());
        const media = await lib.probe(file);
        out[path] = { media, threads: lib.validate(media, 'threads'), tiktok: lib.validate(media, 'tiktok') };
      }
      return out;
    })(${JSON.stringify({ root, files })})`;
    const inBrowser = (await page.evaluate(script)) as Record<string, { media: Awaited<ReturnType<typeof probe>>; threads: unknown; tiktok: unknown }>;
    for (const path of files) {
      const media = await probe(path);
      // Same facts and the same bytes and reads: BlobSource slices exactly what FileSource reads.
      expect(inBrowser[path]!.media, path).toEqual(media);
      expect(inBrowser[path]!.threads, path).toEqual(validate(media, 'threads'));
      expect(inBrowser[path]!.tiktok, path).toEqual(validate(media, 'tiktok'));
    }
    expect(outside).toEqual([]);
  });
});
