import { OdooClient } from '../../../src/odoo/client';
import { isOdooError } from '../../../src/odoo/errors';
import { useSandbox } from '../../support/start-sandbox';
import { startTlsProxy } from '../../support/tls-proxy';

describe('TLS certificate verification', () => {
  const sandbox = useSandbox({ seed: 'demo', odooVersion: 17 });
  let proxy: Awaited<ReturnType<typeof startTlsProxy>>;
  beforeAll(async () => {
    proxy = await startTlsProxy(sandbox().url);
  });
  afterAll(async () => proxy.close());

  const client = (options: { tls?: boolean; protocol?: 'jsonrpc' | 'xmlrpc' }) =>
    new OdooClient({
      connection: {
        url: proxy.url,
        db: sandbox().db,
        login: sandbox().login,
        apiKey: sandbox().apiKey,
        protocol: options.protocol ?? 'jsonrpc',
        ...(options.tls === undefined ? {} : { tlsRejectUnauthorized: options.tls }),
      },
      retryPolicy: { maxAttempts: 1 },
    });

  it('is on by default: a self-signed server is refused', async () => {
    const error = await client({})
      .connect()
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(isOdooError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/certificate|TLS|self.signed/i);
  });

  it('can be turned off explicitly for JSON-RPC, with a warning', async () => {
    const warnings: string[] = [];
    const odoo = new OdooClient({
      connection: {
        url: proxy.url,
        db: sandbox().db,
        login: sandbox().login,
        apiKey: sandbox().apiKey,
        protocol: 'jsonrpc',
        tlsRejectUnauthorized: false,
      },
      logger: {
        error: () => undefined,
        info: () => undefined,
        debug: () => undefined,
        warn: (message) => warnings.push(message),
        child() {
          return this;
        },
      },
    });
    await odoo.connect();
    expect(await odoo.model('res.partner').searchCount([])).toBeGreaterThan(0);
    expect(warnings.join(' ')).toMatch(/NOT verified/);
    await odoo.close();
  });

  it('over XML-RPC says plainly it cannot be turned off', async () => {
    const error = await client({ tls: false, protocol: 'xmlrpc' })
      .connect()
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(String((error as Error).message)).toMatch(/not possible over XML-RPC/);
  });
});
