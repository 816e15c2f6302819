/**
 * Finds the server's version before a transport is chosen. `/web/webclient/version_info` and
 * `common.version` work on 16-19; `GET /web/version` only on 19 (odoo-verified.md), so it goes last.
 */
import { OdooProtocolUnavailableError } from './errors';
import { parseServerVersion } from './server-version';
import { classifyFailure } from './transports/classify-error';
import { printableServer } from './transports/failure-context';
import { endpoint, exchange, parseJsonBody, type FetchLike } from './transports/http-exchange';
import type { ServerVersion } from './transports/transport';

interface Probe {
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly body?: object;
}

const PROBES: readonly Probe[] = [
  {
    path: '/web/webclient/version_info',
    method: 'POST',
    body: { jsonrpc: '2.0', method: 'call', id: 1, params: {} },
  },
  {
    path: '/jsonrpc',
    method: 'POST',
    body: {
      jsonrpc: '2.0',
      method: 'call',
      id: 1,
      params: { service: 'common', method: 'version', args: [] },
    },
  },
  { path: '/web/version', method: 'GET' },
];

function unwrap(body: unknown): unknown {
  return body !== null && typeof body === 'object' && 'result' in body ? body.result : body;
}

/** Asks the server for its version, trying each known endpoint in turn. */
export async function probeServerVersion(
  url: string,
  fetchImpl: FetchLike,
  timeoutMs: number,
): Promise<ServerVersion> {
  for (const probe of PROBES) {
    try {
      const answer = await exchange(fetchImpl, {
        url: endpoint(url, probe.path),
        method: probe.method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }),
        timeoutMs,
      });
      const version =
        answer.status === 200
          ? parseServerVersion(unwrap(parseJsonBody(answer.bodyText)))
          : undefined;
      if (version !== undefined) return version;
    } catch (error) {
      // A network failure will not go away on the next endpoint of the same server.
      throw classifyFailure(
        { kind: 'thrown', error, timeoutMs },
        {
          transport: 'jsonrpc',
          method: 'version',
          redact: (text) => text,
          server: printableServer(url),
        },
      );
    }
  }
  throw new OdooProtocolUnavailableError(
    'Could not read the Odoo version from /web/webclient/version_info, common.version or /web/version: check ODOO_URL, or set ODOO_PROTOCOL explicitly.',
    { details: { url } },
  );
}
