import { runCli } from '../support/cli';
import { useSandbox } from '../support/start-sandbox';
import { SCENARIO_NOW } from '../integration/sync/connect';
import { writeScenario } from '../integration/write/write-scenario';

/**
 * Secrets never reach the output: every command here runs with debug logs in both formats, over
 * each transport, with the password or the API key, and its stdout and stderr are searched.
 */
describe('secrets in logs and errors (built CLI)', () => {
  const sandbox = useSandbox({
    seed: writeScenario(),
    clock: SCENARIO_NOW,
    password: 'S3cret-Pass-9931',
    apiKey: 'tally-test-key-7f3a9c2e11d0',
  });
  const base = () => ({
    ODOO_URL: sandbox().url,
    ODOO_DB: sandbox().db,
    ODOO_LOGIN: sandbox().login,
  });
  const secrets = () => [sandbox().password, sandbox().apiKey, 'Wr0ng-Secret-4711'];

  const scan = (text: string) => secrets().filter((secret) => text.includes(secret));

  it('setup runs first (with the password)', async () => {
    const result = await runCli(['setup'], {
      ...base(),
      ODOO_PASSWORD: sandbox().password,
      TALLY_LOG_LEVEL: 'debug',
    });
    expect(result.code).toBe(0);
    expect(scan(result.stdout + result.stderr)).toEqual([]);
  });

  it.each([
    ['json', 'jsonrpc', 'password'],
    ['pretty', 'xmlrpc', 'password'],
    ['json', 'xmlrpc', 'apiKey'],
    ['pretty', 'jsonrpc', 'apiKey'],
  ] as const)(
    'sync with %s logs over %s with the %s prints no secret',
    async (format, protocol, secret) => {
      const result = await runCli(['sync', '--period', '2026-01'], {
        ...base(),
        ODOO_PROTOCOL: protocol,
        ...(secret === 'password'
          ? { ODOO_PASSWORD: sandbox().password }
          : { ODOO_API_KEY: sandbox().apiKey }),
        TALLY_LOG_LEVEL: 'debug',
        TALLY_LOG_FORMAT: format,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(format === 'json' ? '"event":"odoo.call"' : 'odoo.call');
      expect(scan(result.stdout + result.stderr)).toEqual([]);
    },
  );

  it.each(['jsonrpc', 'xmlrpc'])(
    'a wrong password over %s fails with one sentence and no secret',
    async (protocol) => {
      const result = await runCli(['sync', '--period', '2026-01'], {
        ...base(),
        ODOO_PROTOCOL: protocol,
        ODOO_PASSWORD: 'Wr0ng-Secret-4711',
        TALLY_LOG_LEVEL: 'debug',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Odoo refused/);
      expect(scan(result.stdout + result.stderr)).toEqual([]);
    },
  );

  it('a bad log setting is a configuration error naming the variable', async () => {
    const result = await runCli(['sync', '--period', '2026-01'], {
      ...base(),
      ODOO_API_KEY: sandbox().apiKey,
      TALLY_LOG_LEVEL: 'loud',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TALLY_LOG_LEVEL');
  });
});
