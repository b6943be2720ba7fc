import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress } from './classify-address.js';
import { TransportFailure, type Resolver } from './transport.js';

/**
 * A `lookup` for node:net/http that resolves with `resolver` and, when `vet` is on, refuses the
 * name unless every address is public. It runs inside the socket's connect, before any
 * connection attempt, and the socket connects only to the addresses it returns, so a DNS answer
 * cannot change between the check and the connection (DNS rebinding).
 */
export function createSafeLookup(resolver: Resolver, vet: boolean): LookupFunction {
  return (name, options, done) => {
    // Node calls back as (err, address, family) or, with `all`, (err, addresses).
    const callback = done as unknown as (error: Error | null, ...result: unknown[]) => void;
    const requested = options.family as number | string | undefined;
    const family = requested === 'IPv4' ? 4 : requested === 'IPv6' ? 6 : Number(requested ?? 0);
    resolver(name).then(
      (found) => {
        const addresses: LookupAddress[] = found
          .map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))
          .filter((a) => family === 0 || a.family === family);
        if (addresses.length === 0) {
          callback(new TransportFailure('dns', `${name} has no address`, { code: 'ENOTFOUND' }));
          return;
        }
        if (vet) {
          // Every address must be public: the socket may try any of them (Happy Eyeballs).
          for (const a of addresses) {
            const verdict = classifyAddress(a.address);
            if (!verdict) {
              callback(new TransportFailure('dns', `${name} resolved to something that is not an address: ${a.address}`, { code: 'EBADRESP' }));
              return;
            }
            if (!verdict.public) {
              callback(
                new TransportFailure('private-address', `${name} resolves to ${verdict.address} (${verdict.label})`, {
                  address: { address: verdict.address, label: `${name} resolves to ${verdict.label}` },
                }),
              );
              return;
            }
          }
        }
        if ((options as { all?: boolean }).all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        const text = typeof code === 'string' ? code : undefined;
        callback(new TransportFailure('dns', `${name} did not resolve${text ? ` (${text})` : ''}`, { cause: error, code: text }));
      },
    );
  };
}
