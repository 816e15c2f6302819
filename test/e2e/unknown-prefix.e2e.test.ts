/**
 * Issue 15, "Guard rails": a timesheet starting with `[Bugfix]` is not billed silently under its
 * ticket's category. By default the line is held for review, and `tally sync --json`, `tally
 * report` (table and JSON) and the ticket's review note in Odoo say which prefix is not a category
 * and which label was meant; with `linePrefixes.unknown: ticket` the ticket decides and the sync
 * still says so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { timesheetStep } from '../../src/sandbox/seed-steps';
import { odooEnvFor, runCli } from '../support/cli';
import { useSandbox } from '../support/start-sandbox';
import { SCENARIO_NOW } from '../integration/sync/connect';
import { periodScenario } from '../integration/sync/period-scenario';

const DESCRIPTION = '[Bugfix] Fixed the login';
const SENTENCE = '[Bugfix] is not a category: did you mean "Bug fix"?';

function scenario() {
  const base = periodScenario();
  return {
    ...base,
    records: [
      ...(base.records ?? []),
      timesheetStep('ticket_crash', DESCRIPTION, 1.5, '2026-01-23'),
    ],
  };
}

/** The shipped config with `linePrefixes.unknown: ticket`, in a file of its own. */
function ticketModeConfig(): string {
  const shipped = readFileSync(
    path.resolve(__dirname, '../../config/agreements.default.yaml'),
    'utf8',
  );
  const changed = shipped.replace(/^( {2}unknown:) hold$/m, '$1 ticket');
  expect(changed).not.toBe(shipped);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tally-prefix-')), 'agreements.yaml');
  writeFileSync(file, changed);
  return file;
}

interface SyncJson {
  customers: { customer: string; reviewLines: number }[];
  unknownPrefixes: Record<string, unknown>[];
}

describe('a timesheet whose [prefix] is not a category (built CLI)', () => {
  const sandbox = useSandbox({ seed: scenario(), clock: SCENARIO_NOW });
  const env = () => odooEnvFor(sandbox());
  let lineId: number;
  let ticketId: number;

  beforeAll(async () => {
    expect((await runCli(['setup'], env())).code).toBe(0);
    const [line] = sandbox().store.searchRead(
      'account.analytic.line',
      [['name', '=', DESCRIPTION]],
      ['ticket_id'],
    );
    lineId = Number(line?.id);
    ticketId = (line?.ticket_id as [number, string])[0];
  });

  const expectedEntry = (held: boolean) => ({
    period: '2026-01',
    timesheetId: lineId,
    ticket: expect.stringMatching(/^HT\d+$/),
    date: '2026-01-23',
    prefix: 'Bugfix',
    suggestion: 'Bug fix',
    held,
    problem: SENTENCE,
  });

  it('is held for review by default, and sync --json names the prefix and the label meant', async () => {
    const result = await runCli(['sync', '--period', '2026-01', '--json'], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as SyncJson;
    expect(summary.unknownPrefixes).toEqual([expectedEntry(true)]);
    expect(summary.customers).toContainEqual(
      expect.objectContaining({ customer: 'Fjord Maintenance AB', reviewLines: 1 }),
    );

    const [ticket] = sandbox().store.searchRead(
      'helpdesk.ticket',
      [['id', '=', ticketId]],
      ['x_tally_review'],
    );
    expect(ticket?.x_tally_review).toBe(`2026-01: Held for review: ${SENTENCE}`);
    const [mark] = sandbox().store.searchRead(
      'account.analytic.line',
      [['id', '=', lineId]],
      ['x_tally_coverage', 'x_tally_reason'],
    );
    expect(mark).toMatchObject({
      x_tally_coverage: 'review',
      x_tally_reason: `Held for review: ${SENTENCE}`,
    });
  });

  it('tally report lists it under the table and in its JSON', async () => {
    const table = await runCli(['report', '--period', '2026-01'], env());
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    const heading = lines.indexOf('Lines starting with a [prefix] that is not a category');
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toMatch(
      new RegExp(
        `^ {2}Fjord Maintenance AB: timesheet ${lineId} \\(HT\\d+, 2026-01-23\\) held for review: \\[Bugfix\\] is not a category: did you mean "Bug fix"\\?$`,
      ),
    );

    const json = await runCli(['report', '--period', '2026-01', '--format', 'json'], env());
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as {
      customer: string;
      unknownPrefixes: unknown[];
      review: { items: { timesheetId: number; reason: string }[] };
    }[];
    const fjord = rows.find((row) => row.customer === 'Fjord Maintenance AB');
    expect(fjord?.unknownPrefixes).toEqual([expectedEntry(true)]);
    expect(fjord?.review.items).toContainEqual(
      expect.objectContaining({
        timesheetId: lineId,
        reason: `Held for review: Timesheet ${lineId} starts with [Bugfix], which is not a category: did you mean "Bug fix"?`,
      }),
    );
  });

  it('with linePrefixes.unknown: ticket, the ticket decides and the sync still says so', async () => {
    const result = await runCli(['sync', '--period', '2026-01', '--dry-run'], {
      ...env(),
      TALLY_CONFIG: ticketModeConfig(),
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^2026-01 {2}timesheet ${lineId} \\(HT\\d+, 2026-01-23\\) classified by its ticket: \\[Bugfix\\] is not a category: did you mean "Bug fix"\\?$`,
        ),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^2026-01 {2}Fjord Maintenance AB \(\d+\): /),
    );
    expect(lines.find((line) => line.includes('Fjord Maintenance AB'))).not.toContain('held');
  });
});
