import {
  categoryKey,
  companyId,
  period,
  ticketId,
  type EngineSettings,
  type PlanInput,
  type TicketFacts,
} from '../../../../src/domain';
import { buildExplanation } from '../../../../src/report/explain/build-explanation';
import type { Explanation, LineExplanation } from '../../../../src/report/explain/explanation';
import { renderExplanation } from '../../../../src/report/explain/render-explanation';
import type { SubjectLine, TallyInvoiceLineRef } from '../../../../src/sync/explain-work';
import type { ClosedPlan } from '../../../../src/sync/invoiced-plan';
import type { ReportPlan } from '../../../../src/sync/plan-for-report';
import {
  aLine,
  aPack,
  aTicket,
  agreementsFor,
  defaultSettings,
  settingsWith,
} from '../../domain/builders';
import { reportPlanOf } from '../report-builders';

const NOVEMBER = period('2025-11');

interface Case {
  readonly input: Partial<PlanInput>;
  readonly subject?: 'timesheet' | 'ticket';
  /** Ids of the lines explained (default: every November line). */
  readonly explain?: readonly string[];
  readonly invoiceLineIds?: Readonly<Record<string, number>>;
  readonly invoiceLines?: readonly TallyInvoiceLineRef[];
  readonly settings?: EngineSettings;
  /** November's invoice was closed before any of the lines was logged: it holds none of them. */
  readonly closed?: ClosedPlan['invoice'];
}

/** The report with every customer's November invoice closed, holding none of the lines. */
function closedReport(report: ReportPlan, invoice: ClosedPlan['invoice']): ReportPlan {
  const closed = report.plan.plans.map(({ plan }) => ({
    customerId: plan.customerId,
    invoice,
    plan: { ...plan, decisions: [] },
    outside: plan.decisions,
  }));
  return {
    ...report,
    history: 'invoices',
    plan: {
      ...report.plan,
      plans: report.plan.plans.map((entry, index) => ({
        ...entry,
        plan: closed[index]?.plan ?? entry.plan,
      })),
    },
    closed,
  };
}

function explain(spec: Case): Explanation {
  const settings = spec.settings ?? defaultSettings;
  const planned = reportPlanOf(spec.input, settings);
  const report = spec.closed === undefined ? planned : closedReport(planned, spec.closed);
  const ticket = report.facts.tickets[0] as TicketFacts;
  const lines: SubjectLine[] = report.facts.lines
    .filter((line) => (spec.explain ?? []).length === 0 || spec.explain?.includes(line.id))
    .filter((line) => line.date.startsWith(NOVEMBER))
    .map((line) => ({ ...line, invoiceLineId: spec.invoiceLineIds?.[line.id] ?? null }));
  return buildExplanation(
    {
      subject: spec.subject ?? 'timesheet',
      ticket,
      lines,
      periods: [{ period: NOVEMBER, report }],
      invoiceLines: spec.invoiceLines ?? [],
    },
    settings,
    2,
  );
}

const firstLine = (explanation: Explanation): LineExplanation => {
  const line = explanation.periods[0]?.lines[0];
  if (line === undefined) throw new Error('no line explained');
  return line;
};

const ticket = (category: string | null, overrides: Partial<TicketFacts> = {}) =>
  aTicket({ categoryName: category, ...overrides });

describe('explaining one timesheet line', () => {
  it.each([
    {
      case: 'covered by an agreement: the tier, its agreement and the covering rule',
      spec: {
        input: {
          tickets: [ticket('Patching')],
          lines: [aLine()],
          agreements: agreementsFor('patch'),
        },
      },
      expected: {
        coverage: 'covered',
        tier: {
          key: 'patch',
          label: 'Patch Agreement',
          ruleId: 'agreement:tag:patch:always',
          agreement: {
            id: 'tag:patch:always',
            source: 'partner tag',
            validFrom: null,
            validTo: null,
          },
        },
        category: { key: 'patching', label: 'Patching', ruleId: 'builtin:ticket-category' },
        coverageRuleId: 'coverage:included:patch',
        reason: 'Patching: covered by Patch Agreement',
        problems: [],
      },
    },
    {
      case: "the line's [prefix] chooses the category over the ticket's",
      spec: {
        input: {
          tickets: [ticket('User support')],
          lines: [aLine({ description: '[Bug fix] patched it' })],
          agreements: agreementsFor('maintenance'),
        },
      },
      expected: {
        coverage: 'covered',
        category: { key: 'bug_fix', label: 'Bug fix', ruleId: 'builtin:line-prefix' },
        tier: expect.objectContaining({ key: 'maintenance' }),
        coverageRuleId: 'coverage:included:maintenance',
      },
    },
    {
      case: 'a configured rule chooses the category',
      spec: {
        input: { tickets: [ticket(null, { name: 'Nightly backup restore' })], lines: [aLine()] },
        settings: settingsWith({
          rules: [
            {
              id: 'restores',
              category: categoryKey('backup_restore'),
              when: { keywords: [/restore/i] },
            },
          ],
        }),
      },
      expected: {
        coverage: 'billable',
        category: expect.objectContaining({ key: 'backup_restore', ruleId: 'rule:restores' }),
        coverageRuleId: 'coverage:always-billed',
      },
    },
    {
      case: 'no agreement: the default tier, and no agreement named',
      spec: { input: { tickets: [ticket('User support')], lines: [aLine()] } },
      expected: {
        coverage: 'billable',
        tier: {
          key: 'on_demand',
          label: 'On Demand',
          ruleId: 'agreement:default-tier',
          agreement: null,
        },
        coverageRuleId: 'coverage:not-included:on_demand',
      },
    },
    {
      case: 'a zero-hour line is held for review with its problem',
      spec: { input: { tickets: [ticket('User support')], lines: [aLine({ minutes: 0 })] } },
      expected: {
        coverage: 'review',
        problems: [
          {
            code: 'LINE_NON_POSITIVE',
            blocking: true,
            text: 'Timesheet 1 has 0.00 h; log a positive duration or delete it.',
          },
        ],
        destination: { kind: 'review' },
        inSync: true,
      },
    },
    {
      case: 'an unknown [prefix] holds the line, naming the label meant',
      spec: {
        input: { tickets: [ticket('User support')], lines: [aLine({ description: '[Bugfix] x' })] },
      },
      expected: {
        coverage: 'review',
        problems: [
          {
            code: 'LINE_PREFIX_UNKNOWN',
            blocking: true,
            text: 'Timesheet 1 starts with [Bugfix], which is not a category: did you mean "Bug fix"?',
          },
        ],
        destination: { kind: 'review' },
      },
    },
    {
      case: 'with linePrefixes.unknown: ticket, an unknown [prefix] is a warning and the ticket decides',
      spec: {
        input: { tickets: [ticket('User support')], lines: [aLine({ description: '[Misc] x' })] },
        settings: settingsWith({ linePrefixes: { unknown: 'ticket', ignore: [] } }),
      },
      expected: {
        coverage: 'billable',
        problems: [expect.objectContaining({ code: 'LINE_PREFIX_UNKNOWN', blocking: false })],
        category: expect.objectContaining({ ruleId: 'builtin:ticket-category' }),
      },
    },
    {
      case: 'time earlier months already paid for by the minimum is charged nothing',
      spec: {
        input: {
          tickets: [ticket('User support')],
          lines: [
            aLine({ id: 1, date: '2025-10-10', minutes: 15 }),
            aLine({ id: 2, date: '2025-11-10', minutes: 10 }),
          ],
        },
      },
      expected: { coverage: 'billable', destination: { kind: 'already_billed' }, inSync: true },
    },
    {
      case: 'a line on a ticket without customer is held, naming the ticket',
      spec: {
        input: { tickets: [ticket('User support', { customerId: null })], lines: [aLine()] },
      },
      expected: {
        coverage: 'review',
        tier: null,
        problems: [expect.objectContaining({ code: 'TICKET_WITHOUT_CUSTOMER' })],
        destination: { kind: 'review' },
      },
    },
    {
      case: 'a line of another company is held, naming the company',
      spec: {
        input: {
          tickets: [ticket('User support')],
          lines: [aLine({ companyId: companyId(2) })],
        },
      },
      expected: {
        coverage: 'review',
        problems: [expect.objectContaining({ code: 'COMPANY_MISMATCH' })],
      },
    },
  ])('$case', ({ spec, expected }) => {
    expect(firstLine(explain(spec as Case))).toMatchObject(expected);
  });

  it('names the planned draft line, and Odoo’s carrying line when the sync wrote it', () => {
    const base: Case = {
      input: {
        tickets: [ticket('Patching')],
        lines: [aLine()],
        agreements: agreementsFor('patch'),
      },
    };
    const planned = firstLine(explain(base));
    expect(planned.destination).toEqual({
      kind: 'invoice',
      lines: [
        {
          key: 'tally:v1:45:2025-11:7:covered:patching.patch',
          kind: 'covered',
          label: 'Patching: covered by Patch Agreement',
        },
      ],
    });
    expect(planned).toMatchObject({ recorded: null, inSync: false });

    const written = firstLine(
      explain({
        ...base,
        invoiceLineIds: { '1': 501 },
        invoiceLines: [
          {
            id: 501,
            key: 'tally:v1:45:2025-11:7:covered:patching.patch',
            label: 'Patching: covered by Patch Agreement',
            timesheetIds: [1],
            invoice: {
              id: 50,
              key: 'tally:v1:45:2025-11',
              name: 'INV/2025/00003',
              state: 'posted',
            },
          },
        ],
      }),
    );
    expect(written).toMatchObject({
      recorded: {
        lineId: 501,
        key: 'tally:v1:45:2025-11:7:covered:patching.patch',
        invoice: { name: 'INV/2025/00003', state: 'posted' },
      },
      inSync: true,
    });

    const foreign = firstLine(explain({ ...base, invoiceLineIds: { '1': 999 } }));
    expect(foreign).toMatchObject({
      recorded: { lineId: 999, key: null, invoice: null },
      inSync: false,
    });
  });

  it('a line missing from the plan is explained as not planned', () => {
    const report = reportPlanOf({ tickets: [ticket('User support')], lines: [] });
    const explanation = buildExplanation(
      {
        subject: 'timesheet',
        ticket: report.facts.tickets[0] as TicketFacts,
        lines: [{ ...aLine({ id: 77 }), invoiceLineId: null }],
        periods: [{ period: NOVEMBER, report }],
        invoiceLines: [],
      },
      defaultSettings,
      2,
    );
    expect(firstLine(explanation)).toMatchObject({
      timesheetId: 77,
      coverage: null,
      destination: { kind: 'not_planned', why: expect.stringMatching(/not work of company 1/) },
    });
  });
});

describe('explaining time its period’s closed invoice does not hold', () => {
  const POSTED = { name: 'INV/2025/00003', state: 'posted' } as const;
  const correction: TallyInvoiceLineRef = {
    id: 601,
    key: 'tally:v1:45:2025-12:7:correction:user_support',
    label: 'Correction: User support, time logged in earlier periods after they were invoiced',
    timesheetIds: [],
    invoice: { id: 60, key: 'tally:v1:45:2025-12', name: null, state: 'draft' },
  };
  const billable: Case = {
    input: { tickets: [ticket('User support')], lines: [aLine({ minutes: 60 })] },
    closed: POSTED,
  };

  it('names the correction a later draft bills it with', () => {
    const explanation = explain({
      ...billable,
      invoiceLines: [
        correction,
        // Another ticket's correction, and one of an earlier period, are not this line's.
        { ...correction, id: 602, key: 'tally:v1:45:2025-12:8:correction:user_support' },
        { ...correction, id: 603, key: 'tally:v1:45:2025-10:7:correction:user_support' },
      ],
    });
    expect(explanation.periods[0]?.closed).toEqual(POSTED);
    expect(firstLine(explanation)).toMatchObject({
      coverage: 'billable',
      destination: {
        kind: 'correction',
        closed: POSTED,
        lines: [{ lineId: 601, label: correction.label, invoice: { state: 'draft' } }],
      },
      inSync: true,
    });
    const text = renderExplanation(explanation);
    expect(text).toEqual(
      expect.arrayContaining([
        'Period 2025-11: INV/2025/00003 was posted, shown as invoiced',
        '    planned     INV/2025/00003 was posted before this time was logged: a later draft bills it as a correction',
        `                "${correction.label}" on the draft invoice tally:v1:45:2025-12 (not numbered yet)`,
      ]),
    );
  });

  it('before the next sync, advises a sync of the current month, never of the closed one', () => {
    const explanation = explain(billable);
    expect(firstLine(explanation)).toMatchObject({
      destination: { kind: 'correction', lines: [] },
      inSync: false,
    });
    const text = renderExplanation(explanation).join('\n');
    expect(text).toContain(
      "Not corrected yet: `tally sync` bills what it adds to the ticket's charge on the current month's draft (INV/2025/00003 was posted and is never changed).",
    );
    expect(text).not.toContain('--period');
  });

  it('says covered time stays off every invoice', () => {
    const explanation = explain({
      input: {
        tickets: [ticket('Patching')],
        lines: [aLine()],
        agreements: agreementsFor('patch'),
      },
      closed: { name: 'INV/2025/00003', state: 'cancel' },
    });
    expect(firstLine(explanation)).toMatchObject({
      coverage: 'covered',
      destination: {
        kind: 'not_planned',
        why: 'Not on INV/2025/00003, cancelled before it was logged; covered, so no later draft charges it.',
      },
      inSync: true,
    });
  });
});

describe("explaining a ticket's charge", () => {
  it.each([
    {
      case: 'a short request is raised to the minimum and drawn from the pack',
      input: {
        tickets: [ticket('User support')],
        lines: [aLine({ minutes: 10 })],
        packs: [aPack(1, 5, '2025-01-01')],
      },
      charge: {
        logged: 10,
        billable: 10,
        countedBefore: 0,
        countedInPeriod: 10,
        target: 30,
        topUp: 20,
        billedBefore: 0,
        billedNow: 30,
        drawn: [{ pack: 'SUPPORT-PACK (S00001)', minutes: 30 }],
        invoiced: 0,
        amount: 0,
        note: '0.33 h added: the 30-minute minimum per request',
      },
    },
    {
      case: 'what October billed counts: November pays only the rest',
      input: {
        tickets: [ticket('User support')],
        lines: [
          aLine({ id: 1, date: '2025-10-10', minutes: 15 }),
          aLine({ id: 2, date: '2025-11-10', minutes: 40 }),
        ],
      },
      charge: {
        countedBefore: 15,
        countedInPeriod: 40,
        target: 55,
        topUp: 0,
        billedBefore: 30,
        billedNow: 25,
        drawn: [],
        invoiced: 25,
        amount: 41_667,
      },
    },
    {
      case: 'covered and held time never count',
      input: {
        tickets: [ticket('Patching')],
        lines: [aLine({ id: 1, minutes: 90 }), aLine({ id: 2, minutes: 0 })],
        agreements: agreementsFor('patch'),
      },
      charge: {
        logged: 90,
        covered: 90,
        review: 0,
        billable: 0,
        target: 0,
        billedNow: 0,
        note: null,
      },
    },
  ])('$case', ({ input, charge }) => {
    const explanation = explain({ input, subject: 'ticket' });
    expect(explanation.periods[0]?.charge).toMatchObject(charge);
  });

  it('a single timesheet gets no charge, and a ticket without customer none either', () => {
    const input = { tickets: [ticket('User support')], lines: [aLine()] };
    expect(explain({ input }).periods[0]?.charge).toBeNull();
    expect(
      explain({
        input: { ...input, tickets: [ticket('User support', { customerId: null })] },
        subject: 'ticket',
      }).periods[0]?.charge,
    ).toBeNull();
  });
});

describe('the explanation as text', () => {
  it('shows each decision with its rule, where the time went, and the charge', () => {
    const text = renderExplanation(
      explain({
        input: {
          tickets: [ticket('User support', { id: ticketId(7), number: 'HT00007' })],
          lines: [aLine({ minutes: 10, description: 'Called back' })],
          packs: [aPack(1, 5, '2025-01-01')],
        },
        subject: 'ticket',
      }),
    );
    expect(text[0]).toBe('Ticket HT00007 Something broke (#7), customer Acme AB (45)');
    expect(text).toContain(
      'Tally has not been set up in this Odoo yet: earlier periods are assumed billed by the same rules.',
    );
    expect(text).toEqual(
      expect.arrayContaining([
        'Period 2025-11',
        '  Timesheet 1, 2025-11-10, 0.17 h: Called back',
        '    tier        On Demand (on_demand), the default tier: no agreement that day',
        '    category    User support (user_support), by builtin:ticket-category',
        '    coverage    billable, by coverage:not-included:on_demand: User support: not covered by On Demand, billed hourly',
        '    problems    none',
        '    planned     "Prepaid SUPPORT-PACK (S00001): 0.50 h drawn, 4.50 h left" (drawdown)',
        '    in Odoo     not on any invoice line',
        '    charged     0.50 h in all (minimum/rounding 0.33 h)',
        '    now         0.50 h from SUPPORT-PACK (S00001); 0.00 h invoiced; 0.00 h corrections; 0.00 SEK',
      ]),
    );
  });
});
