import nock from 'nock';
import type { TransportSettings } from '../../../src/odoo/transports/transport';

export const ODOO_URL = 'http://odoo.test';
export const PASSWORD = 'pw-Sup3r-Secret-42';
export const API_KEY = 'key-0123456789abcdef-secret';

/** Settings for a transport under test; the secret defaults to the password. */
export function settingsFor(overrides: Partial<TransportSettings> = {}): TransportSettings {
  return {
    url: ODOO_URL,
    db: 'tally',
    login: 'bot@example.com',
    secret: PASSWORD,
    secretKind: 'password',
    timeoutMs: 2000,
    userAgent: 'tally-test',
    ...overrides,
  };
}

/** nock set-up shared by the transport tests: no real network except the loopback. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}

/** A JSON-RPC error envelope as Odoo 16/17 sends it (odoo-verified.md "Error shapes"). */
export function jsonRpcError(name: string, message: string, code = 200): object {
  return {
    jsonrpc: '2.0',
    id: 1,
    error: {
      code,
      message: 'Odoo Server Error',
      data: {
        name,
        message,
        arguments: [message],
        context: {},
        debug: 'Traceback (most recent call last): ...',
      },
    },
  };
}

export function jsonRpcResult(result: unknown): object {
  return { jsonrpc: '2.0', id: 1, result };
}

/** A minimal XML-RPC value encoder for scripted answers (ints, strings, booleans, arrays, structs). */
export function xmlValue(value: unknown): string {
  if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === 'number' && Number.isInteger(value))
    return `<value><int>${value}</int></value>`;
  if (typeof value === 'number') return `<value><double>${value}</double></value>`;
  if (typeof value === 'string') return `<value><string>${value}</string></value>`;
  if (Array.isArray(value))
    return `<value><array><data>${value.map(xmlValue).join('')}</data></array></value>`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .map(([name, item]) => `<member><name>${name}</name>${xmlValue(item)}</member>`)
      .join('');
    return `<value><struct>${members}</struct></value>`;
  }
  throw new Error(`cannot encode ${String(value)}`);
}

export function xmlResponse(value: unknown): string {
  return `<?xml version="1.0"?><methodResponse><params><param>${xmlValue(value)}</param></params></methodResponse>`;
}

export function xmlFault(faultCode: number, faultString: string): string {
  return `<?xml version="1.0"?><methodResponse><fault>${xmlValue({ faultCode, faultString })}</fault></methodResponse>`;
}
