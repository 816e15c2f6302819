import { assertCliBuilt, runCli } from '../support/cli';
import { useSandbox } from '../support/start-sandbox';
import { SCENARIO_NOW } from '../integration/sync/connect';
import { writeScenario } from '../integration/write/write-scenario';

describe('tally explain and tally report (built CLI)', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const env = () => ({
    ODOO_URL: sandbox().url,
    ODOO_DB: sandbox().db,
    ODOO_LOGIN: sandbox().login,
    ODOO_API_KEY: sandbox().apiKey,
  });

  beforeAll(async () => {
    assertCliBuilt();
    expect((await runCli(['setup'], env())).code).toBe(0);
    expect((await runCli(['sync', '--period', '2026-01'], env())).code).toBe(0);
  });

  it('explains a timesheet: each decision, its rule, and the invoice line carrying it', async () => {
    const result = await runCli(['explain', '1'], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Ticket HT00001 VPN down (#1), customer Acme AB (4)');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  Timesheet 1, 2026-01-12, 1.50 h: Investigated VPN',
        '    category    Technical support (technical_support), by builtin:ticket-category',
        '    problems    none',
      ]),
    );
    expect(result.stdout).toMatch(/tier {8}On Demand \(on_demand\), agreement /);
    expect(result.stdout).toMatch(
      /in Odoo {5}"Prepaid SUPPORT-PACK-25 \(S00001\): 1\.50 h drawn, 23\.50 h left" on the draft invoice tally:v1:4:2026-01/,
    );
  });

  it('explains a ticket as JSON, with its charge per period', async () => {
    const result = await runCli(['explain', 'HT00004', '--json'], env());
    expect(result.code).toBe(0);
    const explanation = JSON.parse(result.stdout) as {
      subject: string;
      periods: { period: string; charge: { billedNow: number; topUp: number } }[];
    };
    expect(explanation.subject).toBe('ticket');
    expect(
      explanation.periods.map((entry) => [
        entry.period,
        entry.charge.billedNow,
        entry.charge.topUp,
      ]),
    ).toEqual([
      ['2026-01', 30, 15],
      ['2026-02', 45, 0],
    ]);
  });

  it('an unknown timesheet exits 1 with one sentence; bad usage exits 2', async () => {
    const missing = await runCli(['explain', '99999'], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'tally: No timesheet with id 99999 in Odoo: give the id of a timesheet line, or a ticket number such as HT00028.',
    );
    const noSubject = await runCli(['explain'], env());
    expect(noSubject.code).toBe(2);
    const periodOnTimesheet = await runCli(['explain', '1', '--period', '2026-01'], env());
    expect(periodOnTimesheet.code).toBe(2);
    expect(periodOnTimesheet.stderr).toMatch(/--period narrows a ticket/);
  });

  it('reports the period as an aligned table', async () => {
    const result = await runCli(['report', '--period', '2026-01'], env());
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Tally report 2026-01: amounts in SEK, excluding VAT');
    const header = lines[2] ?? '';
    expect(header).toMatch(/^Customer +ID +Logged h +Covered h +Drawn h +Billed h/);
    const end = header.indexOf('Total') + 'Total'.length;
    const plain = lines.find((line) => line.startsWith('Plain AB')) ?? '';
    expect(plain.slice(0, end)).toMatch(/ 475\.00$/);
    expect(result.stderr).toMatch(
      /Problem: helpdesk\.ticket 9 \(partner_id\): the ticket has no customer/,
    );
  });

  it('--format csv is RFC 4180 with CRLF line ends; --format json an array', async () => {
    const csv = await runCli(['report', '--period', '2026-01', '--format', 'csv'], env());
    expect(csv.code).toBe(0);
    const records = csv.stdout.split('\r\n');
    expect(records.at(-1)).toBe('');
    expect(records.slice(0, -1).every((record) => !record.includes('\n'))).toBe(true);
    expect(records[0]).toMatch(/^period,customer_id,customer,currency,logged_h,/);
    expect(records).toContain(
      '2026-01,8,Plain AB,SEK,0.50,0.00,0.00,0.50,0.00,0,0.00,475.00,0.00,475.00,,0.00,0.00,0.00,draft,,0.00,0.00,',
    );

    const json = await runCli(
      ['report', '--period', '2026-01', '--format', 'json', '--customer', '9'],
      env(),
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        customer: 'Mono AB',
        review: {
          count: 1,
          items: [expect.objectContaining({ timesheetId: 10, ticket: 'HT00007', hours: 1 })],
        },
        draft: { state: 'none', invoice: null },
      }),
    ]);
  });

  it('bad flags exit 2 naming the flag, and never print the API key', async () => {
    const result = await runCli(['report', '--period', '2026-13', '--format', 'xml'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--period: must be YYYY-MM');
    expect(result.stderr).toContain('--format: must be table, csv or json');
    const missing = await runCli(['report'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--period');
    expect(result.stdout + result.stderr + missing.stderr).not.toContain(sandbox().apiKey);
  });
});
