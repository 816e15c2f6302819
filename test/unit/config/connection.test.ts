import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConnection } from '../../../src/config/load-connection';
import type { OdooConnectionOptions } from '../../../src/odoo/connection';
import { SecretScrubber } from '../../../src/shared/redact';
import type { LogFields, Logger } from '../../../src/shared/logger';

const baseEnv = {
  ODOO_URL: 'https://erp.example.com/',
  ODOO_DB: 'production',
  ODOO_LOGIN: 'bot@example.com',
  ODOO_API_KEY: 'key-abcdef-123456',
};

function load(
  env: Record<string, string | undefined>,
  file?: string,
  scrubber = new SecretScrubber(),
) {
  return loadConnection({ env, scrubber, ...(file === undefined ? {} : { file }) });
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as { details: { issues: string[] } }).details.issues;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConnection from the environment', () => {
  it('applies defaults and trims the URL', () => {
    const connection = load(baseEnv);
    expect(connection).toEqual({
      odoo: {
        url: 'https://erp.example.com',
        db: 'production',
        login: 'bot@example.com',
        apiKey: 'key-abcdef-123456',
        protocol: 'auto',
        timeoutMs: 30000,
        tlsRejectUnauthorized: true,
      },
      redis: { url: 'redis://127.0.0.1:6379' },
    });
    // The odoo part is what the client takes, with no adapter in between.
    const options: OdooConnectionOptions = connection.odoo;
    expect(options.url).toBe('https://erp.example.com');
  });

  const invalid: readonly [string, Record<string, string | undefined>, string][] = [
    ['no URL', { ...baseEnv, ODOO_URL: undefined }, 'ODOO_URL'],
    ['not a URL', { ...baseEnv, ODOO_URL: 'erp.example.com' }, 'ODOO_URL'],
    ['ftp URL', { ...baseEnv, ODOO_URL: 'ftp://erp.example.com' }, 'ODOO_URL'],
    ['no database', { ...baseEnv, ODOO_DB: undefined }, 'ODOO_DB'],
    ['no login', { ...baseEnv, ODOO_LOGIN: undefined }, 'ODOO_LOGIN'],
    ['neither secret', { ...baseEnv, ODOO_API_KEY: undefined }, 'ODOO_PASSWORD'],
    ['both secrets', { ...baseEnv, ODOO_PASSWORD: 'pw-123456' }, 'ODOO_API_KEY'],
    ['unknown protocol', { ...baseEnv, ODOO_PROTOCOL: 'soap' }, 'ODOO_PROTOCOL'],
    ['bad timeout', { ...baseEnv, ODOO_TIMEOUT_MS: 'soon' }, 'ODOO_TIMEOUT_MS'],
    [
      'bad TLS flag',
      { ...baseEnv, ODOO_TLS_REJECT_UNAUTHORIZED: 'maybe' },
      'ODOO_TLS_REJECT_UNAUTHORIZED',
    ],
  ];

  it.each(invalid)('%s → CONFIG_INVALID naming %s', (_case, env, variable) => {
    expect(() => load(env)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(issuesOf(() => load(env)).join('\n')).toContain(variable);
  });

  it('names every variable a first run needs when none is set', () => {
    expect(issuesOf(() => load({}))).toEqual([
      'ODOO_URL, ODOO_DB, ODOO_LOGIN: are not set: set ODOO_URL, ODOO_DB, ODOO_LOGIN and ODOO_API_KEY or ODOO_PASSWORD (tally sandbox prints a block to paste for a throw-away Odoo)',
    ]);
  });

  it('says a required variable "is not set" rather than how zod saw it', () => {
    const { ODOO_DB: _db, ...withoutDb } = baseEnv;
    expect(issuesOf(() => load(withoutDb))).toEqual(['ODOO_DB: is not set']);
  });

  it('reports all problems at once', () => {
    expect(issuesOf(() => load({ ODOO_PROTOCOL: 'soap' }))).toHaveLength(5);
  });

  it('never puts a secret in the error', () => {
    let message = '';
    try {
      load({ ...baseEnv, ODOO_PASSWORD: 'pw-very-secret-1' });
    } catch (error) {
      message = JSON.stringify(error) + String((error as Error).message);
    }
    expect(message).toContain('ODOO_API_KEY');
    expect(message).not.toContain('pw-very-secret-1');
    expect(message).not.toContain(baseEnv.ODOO_API_KEY);
  });

  it.each([
    ['jsonrpc', 'jsonrpc'],
    ['JSON2', 'json2'],
    ['detect', 'auto'],
  ])('reads ODOO_PROTOCOL=%s as %s', (value, expected) => {
    expect(load({ ...baseEnv, ODOO_PROTOCOL: value }).odoo.protocol).toBe(expected);
  });

  it('registers the secrets, including a Redis password, with the scrubber', () => {
    const scrubber = new SecretScrubber();
    load(
      {
        ...baseEnv,
        REDIS_URL: 'redis://:r3dis-pass@cache:6379',
        TALLY_CONFIG: 'config/agreements.default.yaml',
      },
      undefined,
      scrubber,
    );
    expect(scrubber.scrub(`key ${baseEnv.ODOO_API_KEY} redis r3dis-pass`)).toBe(
      'key [redacted] redis [redacted]',
    );
  });

  it('warns when TLS verification is turned off', () => {
    const warnings: LogFields[] = [];
    const logger: Logger = {
      error: () => undefined,
      warn: (_m, fields) => void warnings.push(fields),
      info: () => undefined,
      debug: () => undefined,
      child: () => logger,
    };
    const connection = loadConnection({
      env: { ...baseEnv, ODOO_TLS_REJECT_UNAUTHORIZED: 'false' },
      scrubber: new SecretScrubber(),
      logger,
    });
    expect(connection.odoo.tlsRejectUnauthorized).toBe(false);
    expect(warnings.map((fields) => fields.event)).toEqual(['config.tls_unverified']);
  });
});

describe('loadConnection from a file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-connection-'));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('parses the shipped example', () => {
    const connection = load({}, path.join(__dirname, '../../../config/connection.example.yaml'));
    expect(connection.odoo).toMatchObject({
      url: 'https://erp.example.com',
      protocol: 'auto',
      timeoutMs: 30000,
    });
    expect(connection.agreementsPath).toBe('config/agreements.default.yaml');
  });

  it('lets the environment override the file', () => {
    const file = write(
      'c.yaml',
      'odoo:\n  url: https://a.example.com\n  db: a\n  login: bot\n  password: from-file-pw\n',
    );
    const connection = load({ ODOO_DB: 'b', ODOO_PROTOCOL: 'xmlrpc' }, file);
    expect(connection.odoo).toMatchObject({
      url: 'https://a.example.com',
      db: 'b',
      protocol: 'xmlrpc',
      password: 'from-file-pw',
    });
  });

  it('names the key and the variable for a bad file value', () => {
    const file = write(
      'bad.yaml',
      'odoo:\n  url: nope\n  db: a\n  login: bot\n  apiKey: k-123456\n',
    );
    expect(issuesOf(() => load({}, file))).toEqual([
      'odoo.url / ODOO_URL: must be an http:// or https:// URL',
    ]);
  });

  it.each([
    ['missing file', path.join(dir, 'absent.yaml'), 'cannot be read'],
    ['not YAML', 'odoo: [unclosed', 'not valid YAML'],
    ['a list', '- 1\n- 2\n', 'must be a mapping'],
  ])('reports a %s as CONFIG_INVALID', (_case, content, message) => {
    const file = content.startsWith(dir) ? content : write(`${_case}.yaml`, content);
    expect(issuesOf(() => load({}, file)).join('\n')).toContain(message);
  });
});
