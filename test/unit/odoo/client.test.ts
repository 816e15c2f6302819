import nock from 'nock';
import { OdooClient } from '../../../src/odoo/client';
import { chooseProtocol } from '../../../src/odoo/connection';
import { RoundTripCounter } from '../../../src/odoo/round-trips';
import type { LogFields, Logger } from '../../../src/shared/logger';
import { API_KEY, ODOO_URL, PASSWORD, jsonRpcResult, useNock } from './transport-fixtures';

useNock();

const V17 = { server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''] };
const V19 = { server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''] };

interface Harness {
  client: OdooClient;
  slept: number[];
  trips: RoundTripCounter;
  warnings: LogFields[];
}

function capturingLogger(warnings: LogFields[]): Logger {
  const logger: Logger = {
    error: () => undefined,
    warn: (_message, fields) => void warnings.push(fields),
    info: () => undefined,
    debug: () => undefined,
    child: () => logger,
  };
  return logger;
}

function harness(
  connection: Partial<ConstructorParameters<typeof OdooClient>[0]['connection']> = {},
): Harness {
  const slept: number[] = [];
  const trips = new RoundTripCounter();
  const warnings: LogFields[] = [];
  const client = new OdooClient({
    connection: {
      url: ODOO_URL,
      db: 'tally',
      login: 'bot',
      password: PASSWORD,
      protocol: 'jsonrpc',
      ...connection,
    },
    retryEffects: { sleep: async (ms) => void slept.push(ms), random: () => 0.5 },
    retryPolicy: { baseDelayMs: 100 },
    roundTrips: trips,
    logger: capturingLogger(warnings),
  });
  return { client, slept, trips, warnings };
}

/** A connected JSON-RPC client (version + authenticate already answered). */
async function connectedJsonRpc(): Promise<Harness> {
  nock(ODOO_URL)
    .post('/jsonrpc')
    .reply(200, jsonRpcResult(V17))
    .post('/jsonrpc')
    .reply(200, jsonRpcResult(2));
  const h = harness();
  await h.client.connect();
  h.trips.reset();
  return h;
}

const html502 = (): [number, string, Record<string, string>] => [
  502,
  '<html><title>502 Bad Gateway</title></html>',
  { 'Content-Type': 'text/html' },
];

describe('chooseProtocol', () => {
  const rows: readonly [
    'auto' | 'jsonrpc' | 'xmlrpc' | 'json2',
    number,
    boolean,
    string,
    boolean,
  ][] = [
    ['auto', 16, true, 'jsonrpc', false],
    ['auto', 18, false, 'jsonrpc', false],
    ['auto', 19, true, 'json2', false],
    ['auto', 19, false, 'jsonrpc', true],
    ['auto', 20, true, 'json2', false],
    ['xmlrpc', 19, true, 'xmlrpc', false],
    ['json2', 19, true, 'json2', false],
  ];
  it.each(rows)('%s on %i (api key: %s) → %s', (setting, major, hasKey, kind, warns) => {
    const choice = chooseProtocol(setting, { major, minor: 0, label: `${major}.0` }, hasKey);
    expect(choice.kind).toBe(kind);
    expect(choice.warning !== undefined).toBe(warns);
  });
});

describe('OdooClient.connect', () => {
  it('auto-detects 17 through /web/webclient/version_info and uses JSON-RPC', async () => {
    nock(ODOO_URL)
      .post('/web/webclient/version_info')
      .reply(200, jsonRpcResult(V17))
      .post('/jsonrpc')
      .reply(200, jsonRpcResult(2));
    const { client } = harness({ protocol: 'auto' });
    await expect(client.connect()).resolves.toEqual({
      uid: 2,
      version: { major: 17, minor: 0, label: '17.0' },
      transportKind: 'jsonrpc',
    });
    expect(client.transportKind).toBe('jsonrpc');
  });

  it('auto-detects 19 and uses JSON-2 when an API key is configured', async () => {
    nock(ODOO_URL)
      .post('/web/webclient/version_info')
      .reply(200, jsonRpcResult(V19))
      .post('/json/2/res.users/context_get')
      .matchHeader('authorization', `bearer ${API_KEY}`)
      .reply(200, { uid: 5, tz: 'UTC' });
    const { client } = harness({ protocol: 'auto', password: undefined, apiKey: API_KEY });
    expect((await client.connect()).transportKind).toBe('json2');
  });

  it('falls back to /web/version when version_info is missing, and to JSON-RPC with a warning without an API key', async () => {
    nock(ODOO_URL)
      .post('/web/webclient/version_info')
      .reply(404, '<html></html>', { 'Content-Type': 'text/html' })
      .post('/jsonrpc')
      .reply(404, '<html></html>', { 'Content-Type': 'text/html' })
      .get('/web/version')
      .reply(200, { version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' })
      .post('/jsonrpc')
      .reply(200, jsonRpcResult(2));
    const { client, warnings } = harness({ protocol: 'auto' });
    expect((await client.connect()).transportKind).toBe('jsonrpc');
    expect(warnings.map((fields) => fields.event)).toContain('odoo.protocol_fallback');
  });

  it('refuses forced JSON-2 on a server without it', async () => {
    nock(ODOO_URL).get('/web/version').reply(404, '<html></html>', { 'Content-Type': 'text/html' });
    const { client } = harness({ protocol: 'json2', password: undefined, apiKey: API_KEY });
    await expect(client.connect()).rejects.toMatchObject({ code: 'ODOO_PROTOCOL_UNAVAILABLE' });
  });

  it('never retries authentication, even on a retryable failure', async () => {
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(200, jsonRpcResult(V17))
      .post('/jsonrpc')
      .reply(...html502());
    const { client, trips } = harness();
    await expect(client.connect()).rejects.toMatchObject({ code: 'ODOO_TRANSPORT' });
    expect(trips.count('res.users', 'authenticate')).toBe(1);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('stops on a false uid with ODOO_AUTH_FAILED', async () => {
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(200, jsonRpcResult(V17))
      .post('/jsonrpc')
      .reply(200, jsonRpcResult(false));
    await expect(harness().client.connect()).rejects.toMatchObject({
      code: 'ODOO_AUTH_FAILED',
      retryable: false,
    });
  });
});

describe('OdooClient retries', () => {
  it('retries a read through 502, 502 and succeeds on the third call', async () => {
    const { client, slept, trips } = await connectedJsonRpc();
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(...html502())
      .post('/jsonrpc')
      .reply(...html502())
      .post('/jsonrpc')
      .reply(200, jsonRpcResult([{ id: 1 }]));
    await expect(client.model('res.partner').searchRead([], { fields: ['name'] })).resolves.toEqual(
      [{ id: 1 }],
    );
    expect(trips.total).toBe(3);
    expect(trips.failures).toBe(2);
    expect(slept).toEqual([50, 100]);
  });

  it('does not retry a write that is not marked idempotent', async () => {
    const { client, trips } = await connectedJsonRpc();
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(...html502());
    await expect(client.model('res.partner').write([1], { name: 'x' })).rejects.toMatchObject({
      code: 'ODOO_TRANSPORT',
    });
    expect(trips.total).toBe(1);
  });

  it('retries a write marked idempotent', async () => {
    const { client, trips } = await connectedJsonRpc();
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(...html502())
      .post('/jsonrpc')
      .reply(200, jsonRpcResult(true));
    await client.model('res.partner').write([1], { name: 'x' }, { idempotent: true });
    expect(trips.total).toBe(2);
  });

  it('never retries create', async () => {
    const { client, trips } = await connectedJsonRpc();
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(...html502());
    await expect(client.model('res.partner').create([{ name: 'x' }])).rejects.toMatchObject({
      code: 'ODOO_TRANSPORT',
    });
    expect(trips.total).toBe(1);
  });

  it('honours Retry-After through the injected sleep', async () => {
    const { client, slept } = await connectedJsonRpc();
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(429, 'slow down', { 'Retry-After': '2' })
      .post('/jsonrpc')
      .reply(200, jsonRpcResult(3));
    await expect(client.model('res.partner').searchCount([])).resolves.toBe(3);
    expect(slept).toEqual([2000]);
  });

  it('does not retry access errors', async () => {
    const { client, trips } = await connectedJsonRpc();
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(200, {
        jsonrpc: '2.0',
        id: 1,
        error: {
          code: 200,
          message: 'Odoo Server Error',
          data: {
            name: 'odoo.exceptions.AccessError',
            message: "You are not allowed to access 'Journal Entry' (account.move) records.",
          },
        },
      });
    await expect(client.model('account.move').searchRead([])).rejects.toMatchObject({
      code: 'ODOO_ACCESS_DENIED',
    });
    expect(trips.total).toBe(1);
  });
});

describe('OdooClient request content', () => {
  it('sends the default context merged under the call context, and a batch create in one call', async () => {
    const { client, trips } = await connectedJsonRpc();
    let sent: unknown[] = [];
    nock(ODOO_URL)
      .post('/jsonrpc', (body: { params: { args: unknown[] } }) => {
        sent = body.params.args;
        return true;
      })
      .reply(200, jsonRpcResult([10, 11, 12]));
    const ids = await client
      .model('account.move.line')
      .create([{ name: 'a' }, { name: 'b' }, { name: 'c' }], { lang: 'sv_SE' });
    expect(ids).toEqual([10, 11, 12]);
    expect(trips.total).toBe(1);
    expect(sent.slice(3)).toEqual([
      'account.move.line',
      'create',
      [[{ name: 'a' }, { name: 'b' }, { name: 'c' }]],
      { context: { tz: 'UTC', lang: 'sv_SE' } },
    ]);
  });

  it('turns an answer of the wrong shape into ODOO_UNEXPECTED_RESPONSE naming the model and path', async () => {
    const { client } = await connectedJsonRpc();
    nock(ODOO_URL)
      .post('/jsonrpc')
      .reply(200, jsonRpcResult([{ id: 1 }, { name: 'no id' }]));
    await expect(client.model('res.partner').searchRead([])).rejects.toMatchObject({
      code: 'ODOO_UNEXPECTED_RESPONSE',
      details: { model: 'res.partner', method: 'search_read', path: '1.id' },
    });
  });
});

describe('OdooClient TLS opt-out', () => {
  it('warns on every start that certificates are not verified', () => {
    const { warnings } = harness({ tlsRejectUnauthorized: false });
    expect(warnings.map((fields) => fields.event)).toEqual(['odoo.tls_unverified']);
  });
});
