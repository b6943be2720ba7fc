import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckOutputSchema } from '../../src/validate/report.js';
import { startHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';
import { runCliAsync } from '../helpers/run-cli.js';

/** `check URL` through the real bin against a real server on 127.0.0.1. */
describe('media-preflight check <url>', () => {
  let server: HttpTestServer;
  beforeAll(async () => {
    server = await startHttpTestServer();
    server.route('/good.mp4', { body: readFileSync('fixtures/isobmff/h264-aac.mp4'), contentType: 'video/mp4' });
    server.route('/page.html', { body: new TextEncoder().encode('<!doctype html><p>not a video</p>'), contentType: 'text/html' });
  });
  afterAll(() => server?.close());

  it('refuses a loopback address by default, before connecting: a finding, exit 1', async () => {
    const before = server.connections();
    const r = await runCliAsync(['check', '--json', server.url('/good.mp4')]);
    expect(r.status).toBe(1);
    const doc = CheckOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.reports[0]!.issues.map((i) => i.code)).toContain('url-private-address');
    expect(server.connections()).toBe(before);
  });

  it('with --allow-private-network, fetches like the crawler and probes through range reads', async () => {
    const r = await runCliAsync(['check', '--json', '--allow-private-network', '--skip-robots', server.url('/good.mp4'), 'fixtures/isobmff/h264-aac.mp4']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = CheckOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.reports[0]!.ok).toBe(true);
    expect(doc.reports[0]!.media!.video!.codec).toBe('h264');
    expect(doc.reports[0]!.media).toMatchObject({ durationSeconds: doc.reports[1]!.media!.durationSeconds });
    const crawl = server.requestsTo('/good.mp4');
    expect(crawl.length).toBeGreaterThan(0);
    expect(crawl.every((q) => q.headers['user-agent']?.startsWith('facebookexternalhit/1.1'))).toBe(true);
  });

  it('an HTML page instead of the file is an error', async () => {
    const r = await runCliAsync(['check', '--json', '--allow-private-network', '--skip-robots', server.url('/page.html')]);
    expect(r.status).toBe(1);
    const doc = CheckOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.reports[0]!.issues.map((i) => i.code)).toContain('url-content-type');
  });
});
