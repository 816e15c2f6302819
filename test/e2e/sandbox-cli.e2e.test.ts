import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCli, startCli, type RunningCli } from '../support/cli';

const run = promisify(execFile);
const DOCS_CLIENT = path.join(__dirname, 'fixtures/odoo-docs-client.py');

interface Fault {
  faultCode: number;
  faultString: string;
  lastLine: string;
}

interface DocsClientOutput {
  server_version_info: unknown[];
  protocol_version: number;
  bad_login: unknown;
  uid: number;
  created_type: string;
  created_list_len: number;
  write: unknown;
  search_read: Record<string, unknown>[];
  read_missing: unknown[];
  fields_get_name: Record<string, unknown>;
  fault_missing: Fault;
  fault_unknown_model: Fault;
  fault_bad_password: Fault;
  fault_unknown_method: Fault;
}

describe('tally sandbox, driven by clients written for real Odoo', () => {
  let sandbox: RunningCli;
  let url: string;

  beforeAll(async () => {
    const started = await startCli(
      [
        'sandbox',
        '--port',
        '0',
        '--seed',
        'empty',
        '--db',
        'docs',
        '--login',
        'admin',
        '--password',
        'admin-pw-e2e',
      ],
      /listening on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Ctrl\+C/,
    );
    sandbox = started;
    url = started.match[1]!;
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  it('prints one block of settings to paste as it is: an API key, never a password beside it', () => {
    expect(sandbox.output()).toContain(`export ODOO_URL=${url}`);
    expect(sandbox.output()).toContain('export ODOO_DB=docs');
    expect(sandbox.output()).toContain('export ODOO_LOGIN=admin');
    expect(sandbox.output()).toMatch(/export ODOO_API_KEY=\S{16,}/);
    expect(sandbox.output()).not.toContain('ODOO_PASSWORD=');
  });

  it('says a taken port is taken and points to --port (exit 2)', async () => {
    const port = new URL(url).port;
    const result = await runCli(['sandbox', '--port', port, '--seed', 'empty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `tally: Port ${port} is taken by another program (an Odoo, or another sandbox): choose another with --port, or --port 0 for any free one.`,
    );
  });

  it("answers Python's xmlrpc.client as Odoo 17 does", async () => {
    const { stdout } = await run('python3', [DOCS_CLIENT, url, 'docs', 'admin', 'admin-pw-e2e']);
    const out = JSON.parse(stdout) as DocsClientOutput;
    expect(out.server_version_info.slice(0, 2)).toEqual([17, 0]);
    expect(out.protocol_version).toBe(1);
    expect(out.bad_login).toBe(false);
    expect(out.uid).toBeGreaterThan(0);
    expect(out.created_type).toBe('int');
    expect(out.created_list_len).toBe(2);
    expect(out.write).toBe(true);
    expect(out.search_read).toEqual([
      expect.objectContaining({
        name: 'Docs Client AB',
        email: 'docs@example.com',
        parent_id: false,
        is_company: true,
      }),
    ]);
    expect(out.read_missing).toEqual([]);
    expect(out.fields_get_name).toEqual(
      expect.objectContaining({ type: 'char', string: expect.any(String) }),
    );
    expect(out.fault_missing.faultCode).toBe(2);
    expect(out.fault_missing.faultString).toBe(
      'Record does not exist or has been deleted.\n(Record: res.partner(999999999,), User: 2)',
    );
    expect(out.fault_unknown_model).toMatchObject({
      faultCode: 2,
      faultString: "Object no.such.model doesn't exist",
    });
    expect(out.fault_bad_password).toMatchObject({ faultCode: 3, faultString: 'Access Denied' });
    expect(out.fault_unknown_method.faultCode).toBe(1);
    expect(out.fault_unknown_method.lastLine).toContain(
      "The method 'no_such_method' does not exist on the model 'res.partner'",
    );
  });

  it('answers a plain JSON-RPC client (as curl would send it) with Odoo error envelopes', async () => {
    const call = async (params: unknown): Promise<Record<string, unknown>> => {
      const response = await fetch(`${url}/jsonrpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 7, params }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    expect(
      await call({ service: 'common', method: 'login', args: ['docs', 'admin', 'nope'] }),
    ).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: false,
    });
    const denied = await call({
      service: 'object',
      method: 'execute_kw',
      args: ['docs', 2, 'nope', 'res.partner', 'search', [[]], {}],
    });
    expect(denied).toMatchObject({
      jsonrpc: '2.0',
      id: 7,
      error: {
        code: 200,
        message: 'Odoo Server Error',
        data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' },
      },
    });
  });

  it('stops cleanly on SIGTERM', async () => {
    const second = await startCli(['sandbox', '--port', '0', '--seed', 'empty'], /listening on/);
    expect(await second.stop('SIGTERM')).toBe(0);
  });
});

describe('tally sandbox flags', () => {
  it('rejects a bad flag with exit status 2 and names it', async () => {
    const result = await runCli(['sandbox', '--odoo-version', '15']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--odoo-version');
  });
});
