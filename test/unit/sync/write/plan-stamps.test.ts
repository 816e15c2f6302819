import type { TicketFacts, WorkLine } from '../../../../src/domain/facts';
import {
  companyId,
  customerId,
  localDate,
  minutes,
  ticketId,
  timesheetId,
} from '../../../../src/domain/types';
import { UNBILLED_STAMP, workStamp } from '../../../../src/domain/work-stamp';
import type { AnalyticLine } from '../../../../src/odoo/records/analytic-line';
import type { PeriodFacts } from '../../../../src/sync/read-period';
import { stampsToWrite } from '../../../../src/sync/write/plan-stamps';

const ticket = (id: number, customer: number): TicketFacts => ({
  id: ticketId(id),
  number: `HT${id}`,
  name: 'Ticket',
  description: '',
  customerId: customerId(customer),
  companyId: companyId(1),
  tagNames: [],
});

const work = (id: number, ticketRef: number, date: string): WorkLine => ({
  id: timesheetId(id),
  ticketId: ticketId(ticketRef),
  date: localDate(date),
  minutes: minutes(60),
  description: 'Work',
  companyId: companyId(1),
});

/** The timesheet as Odoo holds it: marked and stamped as billed, or as the arguments say. */
const record = (line: WorkLine, marks: Partial<AnalyticLine> = {}): AnalyticLine =>
  ({
    id: Number(line.id),
    date: line.date,
    ticket_id: { id: Number(line.ticketId), name: 'Ticket' },
    x_tally_coverage: 'billable',
    x_tally_stamp: 'v1:stale:stale',
    ...marks,
  }) as AnalyticLine;

const TICKETS = [ticket(10, 7), ticket(20, 8)];
const OWN = [work(1, 10, '2026-11-03'), work(2, 20, '2026-11-04')];
const EARLIER = {
  postedMonth: work(3, 10, '2026-09-10'),
  openMonth: work(4, 10, '2026-10-10'),
  beforeTally: work(5, 10, '2025-01-10'),
  alreadyStamped: work(6, 10, '2026-09-11'),
};

function facts(): PeriodFacts {
  const earlier = Object.values(EARLIER);
  return {
    period: '2026-11',
    tickets: TICKETS,
    lines: [...OWN, ...earlier],
    odoo: {
      timesheets: OWN.map((line) => record(line)),
      earlierTimesheets: [
        record(EARLIER.postedMonth),
        record(EARLIER.openMonth),
        record(EARLIER.beforeTally, { x_tally_coverage: null, x_tally_stamp: null }),
        record(EARLIER.alreadyStamped, {
          x_tally_stamp: workStamp(EARLIER.alreadyStamped, TICKETS[0] as TicketFacts),
        }),
      ],
    },
  } as unknown as PeriodFacts;
}

describe('stampsToWrite: which timesheets a period bills as they are now', () => {
  const closedMonths = new Set(['7:2026-09']);

  it("stamps the period's own lines, except those of a customer whose invoice is posted", () => {
    const { own } = stampsToWrite(facts(), new Set(['8']), closedMonths);
    expect([...own.keys()]).toEqual([1]);
    expect(own.get(1)).toBe(workStamp(OWN[0] as WorkLine, TICKETS[0] as TicketFacts));
  });

  it("stamps a posted month's line it never billed as unbilled, so it still reads as changed", () => {
    const input = facts();
    const unbilled = {
      ...input,
      odoo: {
        ...input.odoo,
        timesheets: [
          record(OWN[0] as WorkLine),
          record(OWN[1] as WorkLine, { x_tally_stamp: null }),
        ],
      },
    };
    const { own } = stampsToWrite(unbilled, new Set(['8']), closedMonths);
    expect(own).toEqual(
      new Map([
        [1, workStamp(OWN[0] as WorkLine, TICKETS[0] as TicketFacts)],
        [2, UNBILLED_STAMP],
      ]),
    );
  });

  it('re-stamps an earlier line only when its month is closed and its stamp is stale', () => {
    const { earlier } = stampsToWrite(facts(), new Set(), closedMonths);
    expect([...earlier]).toEqual([
      [3, { x_tally_stamp: workStamp(EARLIER.postedMonth, TICKETS[0] as TicketFacts) }],
    ]);
  });

  it('re-stamps nothing earlier for a customer whose own invoice of the period is posted', () => {
    expect(stampsToWrite(facts(), new Set(['7']), closedMonths).earlier.size).toBe(0);
  });
});
