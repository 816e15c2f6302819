/**
 * The README's worked example tells the demo company's story: the demo story (what `npm start`
 * runs) is played on the demo-company sandbox, and every ticket row, the closing-table row and
 * the prepaid-pack sentence of the example are checked against its statements and its output.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDemoStory, type DemoStory } from '../../../src/cli/demo-story';
import type { OdooClient } from '../../../src/odoo/client';
import { formatMoney, hoursCell } from '../../../src/report/statement/render/format';
import { projectionText } from '../../../src/report/statement/render/pack-section';
import type { Statement, StatementTicket } from '../../../src/report/statement/statement';
import { shippedAgreements } from '../../support/agreements';
import { useSandbox } from '../../support/start-sandbox';
import { connectTo } from '../sync/connect';

// Setup and three months of sync on a shared, loaded machine: generous, as for the conformance story.
jest.setTimeout(120_000);

const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const EXAMPLE = README.slice(
  README.indexOf('Worked example:'),
  README.indexOf('\n## Configuration'),
);

/** Markdown and the statement write amounts with different spaces; compare them as text. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
/** The cells of a markdown table row, or of an aligned terminal line (columns 2+ spaces apart). */
const markdownCells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
const terminalCells = (line: string) => line.trim().split(/ {2,}/);
/** "Patching: covered by Patch Agreement" → "Patching". */
const categoryOf = (reason: string) => reason.slice(0, reason.indexOf(':'));
/** The example's ticket table: ticket, category, logged, covered, billed, amount, why. */
const ROWS = EXAMPLE.split('\n')
  .filter((line) => /^\| HT\d+ /.test(line))
  .map(markdownCells);

const sandbox = useSandbox({ seed: 'demo-company' });
let client: OdooClient;
let out: string;
let story: DemoStory;

beforeAll(async () => {
  client = await connectTo(sandbox());
  out = await mkdtemp(path.join(tmpdir(), 'tally-readme-'));
  story = await runDemoStory(client, shippedAgreements(), { out, now: new Date() });
});
afterAll(async () => {
  await client?.close();
  await rm(out, { recursive: true, force: true });
});

function statementOf(customer: string): Statement {
  const found = story.statements.find((statement) => statement.customer.name === customer);
  if (found === undefined) throw new Error(`the demo wrote no statement for ${customer}`);
  return found;
}

function ticketOf(statement: Statement, cell: string): StatementTicket {
  const found = statement.tickets.find((ticket) => cell.startsWith(`${ticket.number} `));
  if (found === undefined) throw new Error(`${statement.customer.name} has no ticket "${cell}"`);
  return found;
}

describe('the README worked example is the demo company’s October', () => {
  const customer = /\.\s+([^.]+?) has a Patch Agreement and no pack/.exec(EXAMPLE)?.[1] ?? '';
  const rate = Number(/its hourly rate is\s+(\d+) SEK/.exec(EXAMPLE)?.[1]);

  it('reads a Patch customer without packs and six ticket rows from the example', () => {
    expect(customer).toBe('Östra Hamnen Fastigheter AB');
    expect(ROWS).toHaveLength(6);
    const statement = statementOf(customer);
    expect(statement.period).toBe('2026-10');
    expect(statement.packs).toEqual([]);
    expect(statement.fees.map((fee) => fee.label)).toEqual([
      'Patch Agreement, monthly fee 2026-10',
    ]);
  });

  it.each(ROWS.map((cells) => [cells[0] ?? '', cells] as const))(
    '%s: categories, hours, amount and why as the statement has them',
    (_ticket, cells) => {
      const [ticketCell = '', categories, logged, covered, billed, amount, why = ''] = cells;
      const ticket = ticketOf(statementOf(customer), ticketCell);
      expect(ticketCell).toBe(`${ticket.number} ${ticket.name}`);
      expect(categories?.split(', ').sort()).toEqual(
        [...new Set(ticket.reasons.map(categoryOf))].sort(),
      );
      expect([logged, covered, billed]).toEqual([
        hoursCell(ticket.logged),
        hoursCell(ticket.covered),
        hoursCell(ticket.invoiced),
      ]);
      expect(ticket.drawn).toBe(0);
      expect(amount).toBe(plain(formatMoney(ticket.amount, statementOf(customer).currency)));
      expect(ticket.amount).toBe(Math.round((ticket.invoiced / 60) * rate * 100));

      const reasons = ticket.reasons.join(' ');
      expect(/\bcovers\b/.test(why)).toBe(
        ticket.reasons.some((reason) => reason.endsWith(': covered by Patch Agreement')),
      );
      expect(/does not cover/.test(why)).toBe(reasons.includes('not covered by Patch Agreement'));
      expect(/always billed/.test(why)).toBe(reasons.includes('always billed separately'));
      expect(/minimum/.test(why)).toBe(ticket.adjustmentNote !== null);
      if (ticket.adjustmentNote !== null) {
        // "0.25 h added: ..." is "raised to the minimum"; "0.25 h less: ..." names the 0.25 h.
        const [change = '', direction] = ticket.adjustmentNote.split(' h ');
        expect(why).toContain(direction?.startsWith('less') ? `${change} h less` : 'raised to the');
      }
    },
  );

  it('quotes the demo’s closing table: its header and the customer’s row', () => {
    const block = /```\n(Customer [^\n]*\n[^\n]*)\n```/.exec(EXAMPLE)?.[1]?.split('\n') ?? [];
    expect(block).toHaveLength(2);
    for (const line of block) {
      const cells = terminalCells(line);
      const printed = story.lines.find((printedLine) =>
        printedLine.startsWith(`  ${cells[0] ?? ''} `),
      );
      expect(terminalCells(printed ?? '')).toEqual(cells);
    }
    expect(terminalCells(block[1] ?? '')[0]).toBe(customer);
  });

  it('tells the prepaid story of Björk & Berg as its statement does', () => {
    const statement = statementOf('Björk & Berg Konsult AB');
    const sentence = plain(
      EXAMPLE.slice(EXAMPLE.indexOf('Björk & Berg Konsult AB is')).replace(/\s+/g, ' '),
    );
    const reasons = statement.tickets.flatMap((ticket) => ticket.reasons);
    expect(reasons.some((reason) => reason.includes('not covered by On Demand'))).toBe(true);
    expect(reasons.some((reason) => /Patch|Maintenance/.test(reason))).toBe(false);
    expect(sentence).toContain('Björk & Berg Konsult AB is On Demand');
    const [first, second] = statement.packs;
    expect(first?.name).toContain('(S00003)');
    expect(first?.projection.kind).toBe('used_up');
    expect(first?.opening).toBe(0);
    expect(second?.name).toContain('(S00004)');
    expect(second?.purchasedOn).toBe('2026-10-01');
    expect(sentence).toContain('bought on 1 October (S00004)');
    expect(statement.totals.drawn).toBe(second?.drawn);
    expect(sentence).toContain(
      `October's ${hoursCell(statement.totals.drawn).slice(0, -2)} charged hours`,
    );
    const login = ticketOf(statement, 'HT00272 ');
    expect(login.adjustmentNote).toContain('minimum');
    expect(sentence).toContain(
      `${login.number} ${login.name}, ${hoursCell(login.logged)} logged, draws the 30-minute minimum, ${hoursCell(login.drawn)}`,
    );
    expect(sentence).toContain(
      `invoice is ${plain(formatMoney(statement.totals.amount, statement.currency))}`,
    );
    expect(sentence).toContain(
      `"${first === undefined ? '' : projectionText(first.projection, first.closing, statement.last)}"`,
    );
  });
});
