import { OdooClient } from '../../../src/odoo/client';
import type { OdooConnectionOptions } from '../../../src/odoo/connection';
import type { TransportKind } from '../../../src/odoo/transports/transport';
import type { LogFields, Logger } from '../../../src/shared/logger';
import { ScriptedServer, type ScriptedAnswer } from './scripted-server';
import {
  API_KEY,
  PASSWORD,
  jsonRpcError,
  jsonRpcResult,
  xmlFault,
  xmlResponse,
} from './transport-fixtures';

/** Records every log line verbatim, without any scrubbing, so leaks would show. */
function recordingLogger(lines: string[]): Logger {
  const write = (level: string) => (message: string, fields: LogFields) =>
    void lines.push(JSON.stringify({ level, message, ...fields }));
  const logger: Logger = {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: () => logger,
  };
  return logger;
}

const VERSION = { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''] };
const json = (body: unknown, status = 200): ScriptedAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const xml = (body: string): ScriptedAnswer => ({ headers: { 'Content-Type': 'text/xml' }, body });
const proxyPage = (secret: string): ScriptedAnswer => ({
  status: 502,
  headers: { 'Content-Type': 'text/html' },
  body: `<html><title>502 upstream ${secret}</title></html>`,
});

/** Per transport: how it connects, then three failures that echo the secret back. */
function script(kind: TransportKind, secret: string): ScriptedAnswer[] {
  if (kind === 'jsonrpc') {
    return [
      json(jsonRpcResult(VERSION)),
      json(jsonRpcResult(2)),
      json(
        jsonRpcError(
          'builtins.TypeError',
          `execute_kw() got ['tally', 2, '${secret}'] unexpectedly`,
        ),
      ),
      proxyPage(secret),
      proxyPage(secret),
      json(jsonRpcError('odoo.exceptions.AccessDenied', `Access Denied for ${secret}`)),
    ];
  }
  if (kind === 'xmlrpc') {
    return [
      xml(xmlResponse(VERSION)),
      xml(xmlResponse(2)),
      xml(
        xmlFault(
          1,
          `Traceback (most recent call last):\n  args=('tally', 2, '${secret}')\nTypeError: bad call with ${secret}`,
        ),
      ),
      proxyPage(secret),
      proxyPage(secret),
      xml(xmlFault(3, `Access Denied ${secret}`)),
    ];
  }
  return [
    json({ version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' }),
    json({ uid: 2 }),
    json({ name: 'builtins.TypeError', message: `bad key ${secret}` }, 500),
    proxyPage(secret),
    proxyPage(secret),
    json({ name: 'werkzeug.exceptions.Unauthorized', message: `Invalid apikey ${secret}` }, 401),
  ];
}

const cases: readonly [TransportKind, 'password' | 'apiKey'][] = [
  ['jsonrpc', 'password'],
  ['jsonrpc', 'apiKey'],
  ['xmlrpc', 'password'],
  ['xmlrpc', 'apiKey'],
  ['json2', 'apiKey'],
];

describe('secrets never reach logs or errors', () => {
  let server: ScriptedServer;
  beforeEach(async () => {
    server = new ScriptedServer();
    await server.start();
  });
  afterEach(async () => {
    await server.stop();
  });

  it.each(cases)('%s with a %s', async (kind, secretKind) => {
    const secret = secretKind === 'password' ? PASSWORD : API_KEY;
    server.answer(...script(kind, secret));
    const lines: string[] = [];
    const connection: OdooConnectionOptions = {
      url: server.url,
      db: 'tally',
      login: 'bot',
      protocol: kind,
      ...(secretKind === 'password' ? { password: PASSWORD } : { apiKey: API_KEY }),
    };
    const client = new OdooClient({
      connection,
      logger: recordingLogger(lines),
      retryPolicy: { maxAttempts: 2 },
      retryEffects: { sleep: async () => undefined, random: () => 0 },
    });
    await client.connect();
    const errors: unknown[] = [];
    const partners = client.model('res.partner');
    await partners.searchRead([]).catch((error: unknown) => errors.push(error));
    await partners.searchCount([]).catch((error: unknown) => errors.push(error));
    await partners.write([1], { name: 'x' }).catch((error: unknown) => errors.push(error));

    expect(errors).toHaveLength(3);
    // The secret did travel (classic RPC sends it in every body; JSON-2 in the header) ...
    const sent = server.received
      .map((request) => request.body + JSON.stringify(request.headers))
      .join('\n');
    expect(sent).toContain(secret);
    // ... but it is in no log line and no error text, and the server's echo of it is redacted.
    expect(lines.some((line) => line.includes('odoo.retry'))).toBe(true);
    const texts = [
      ...lines,
      ...errors.flatMap((error) => [
        String((error as Error).message),
        JSON.stringify(error),
        JSON.stringify((error as { details: unknown }).details),
      ]),
    ];
    for (const text of texts) expect(text).not.toContain(secret);
    expect(JSON.stringify(errors)).toContain('[redacted]');
  });
});
