import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpTestServer, type HttpTestServer } from './http-test-server.js';

/** A key and certificate in PEM. */
export type KeyPair = { key: string; cert: string };

/** Certificates made at test time with the openssl CLI: one test CA and the leaves the TLS tests need. */
export type TestCertificates = {
  /** The test CA's certificate: trust it to make `valid`, `expired` and `wrongHost` verifiable. */
  ca: string;
  /** Signed by the CA for 127.0.0.1 and media.test. */
  valid: KeyPair;
  /** Signed by the CA for 127.0.0.1, with notAfter already past. */
  expired: KeyPair;
  /** Signed by the CA for wrong.example only. */
  wrongHost: KeyPair;
  /** Self-signed for 127.0.0.1 (no CA vouches for it). */
  selfSigned: KeyPair;
  /** Removes the temp dir. */
  cleanup(): void;
};

/** The openssl CLI (Debian's `openssl` package). CI must have it; a missing one is a broken setup. */
export function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/**
 * Generates a CA and four leaves into a temp dir with `openssl req` / `openssl x509`.
 * P-256 keys keep it fast (about 100 ms in all).
 */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'media-preflight-tls-'));
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(['req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=media-preflight test CA', '-days', '2',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);

  const leaf = (name: string, san: string, days: string): KeyPair => {
    openssl(['req', ...key, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`], dir);
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    // `-days -1` gives a notAfter one day before notBefore: a certificate that has already expired.
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', days,
      '-extfile', `${name}.ext`, '-out', `${name}.crt`], dir);
    return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.crt`), 'utf8') };
  };
  const valid = leaf('valid', 'IP:127.0.0.1,DNS:media.test', '2');
  const expired = leaf('expired', 'IP:127.0.0.1,DNS:media.test', '-1');
  const wrongHost = leaf('wrong-host', 'DNS:wrong.example', '2');

  writeFileSync(join(dir, 'self.ext'), 'subjectAltName=IP:127.0.0.1,DNS:media.test\n');
  openssl(['req', '-x509', ...key, '-keyout', 'self.key', '-out', 'self.crt', '-subj', '/CN=self-signed', '-days', '2', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:media.test'], dir);
  const selfSigned = { key: readFileSync(join(dir, 'self.key'), 'utf8'), cert: readFileSync(join(dir, 'self.crt'), 'utf8') };

  return {
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    valid,
    expired,
    wrongHost,
    selfSigned,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A real HTTPS server on 127.0.0.1 with the given certificate; the same routes as the HTTP test server. */
export function startHttpsTestServer(pair: KeyPair): Promise<HttpTestServer> {
  return startHttpTestServer({ tls: pair });
}
