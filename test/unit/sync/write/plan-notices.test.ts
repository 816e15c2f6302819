import type { InvoicePlan } from '../../../../src/domain/plan-types';
import {
  planNotices,
  withReviewSegment,
  type NoticeTarget,
} from '../../../../src/sync/write/plan-notices';

type NoticePlanInput = Pick<InvoicePlan, 'period' | 'reviewItems' | 'events'>;

const ticket = (id: number, overrides: Partial<NoticeTarget> = {}): NoticeTarget => ({
  id,
  userId: 5,
  notices: [],
  review: null,
  ...overrides,
});

/** A line held because no rule gave it a category (the precise reason names the line). */
const review = (ticketId: number, reason: string) =>
  ({
    lineId: '1',
    ticketId: String(ticketId),
    date: '2026-01-10',
    minutes: 60,
    reason,
    problems: [{ code: 'UNCLASSIFIED', record: { kind: 'timesheet', id: '1' } }],
  }) as unknown as InvoicePlan['reviewItems'][number];

const NOTE = '2026-01: Held for review: no rule gave the work a service category';

function run(
  plans: NoticePlanInput[],
  tickets: NoticeTarget[],
  options: { customers?: NoticeTarget[]; open?: [string, string[]][]; closed?: number[] } = {},
) {
  return planNotices({
    period: '2026-01',
    plans,
    tickets: new Map(tickets.map((entry) => [entry.id, entry])),
    customers: new Map((options.customers ?? []).map((entry) => [entry.id, entry])),
    openActivityKeys: new Map((options.open ?? []).map(([ref, keys]) => [ref, new Set(keys)])),
    closedTickets: new Set(options.closed ?? []),
  });
}

const january = (reviewItems: InvoicePlan['reviewItems'], events: InvoicePlan['events'] = []) =>
  ({
    period: '2026-01',
    reviewItems,
    events,
  }) as NoticePlanInput;

describe('planNotices', () => {
  it('notes a review on the ticket and schedules one activity for its assignee', () => {
    const result = run([january([review(7, 'No category')])], [ticket(7)]);
    expect(result.reviewWrites).toEqual([
      { model: 'helpdesk.ticket', ids: [7], values: { x_tally_review: NOTE } },
    ]);
    expect(result.activities).toEqual([
      expect.objectContaining({
        model: 'helpdesk.ticket',
        recordId: 7,
        userId: 5,
        note: expect.stringContaining('No category'),
      }),
    ]);
    expect(result.noticeWrites).toHaveLength(1);
  });

  it('names an unknown [prefix] and the label meant in the review note', () => {
    const prefixed = {
      ...review(7, 'Held for review: Timesheet 1 starts with [Bugfix], …'),
      problems: [
        {
          code: 'LINE_PREFIX_UNKNOWN',
          record: { kind: 'timesheet', id: '1' },
          prefix: 'Bugfix',
          suggestion: 'Bug fix',
          held: true,
        },
      ],
    } as InvoicePlan['reviewItems'][number];
    expect(run([january([prefixed])], [ticket(7)]).reviewWrites).toEqual([
      {
        model: 'helpdesk.ticket',
        ids: [7],
        values: {
          x_tally_review:
            '2026-01: Held for review: [Bugfix] is not a category: did you mean "Bug fix"?',
        },
      },
    ]);
  });

  it.each([
    ['the key is recorded on the ticket', { notices: ['review:placeholder'] }, [], 0, 0],
    ['an open activity carries the key (a run crashed before recording it)', {}, ['OPEN'], 0, 1],
    ['nobody is assigned', { userId: null }, [], 0, 0],
  ])('schedules no new activity when %s', (_name, overrides, open, activities, noticeWrites) => {
    const first = run([january([review(7, 'No category')])], [ticket(7)]);
    const key = first.activities[0]?.noticeKey ?? '';
    const notices = (overrides as Partial<NoticeTarget>).notices?.map(() => key);
    const result = run(
      [january([review(7, 'No category')])],
      [
        ticket(7, {
          ...overrides,
          ...(notices ? { notices } : {}),
          review: NOTE,
        }),
      ],
      { open: open.length > 0 ? [['helpdesk.ticket:7', [key]]] : [] },
    );
    expect(result.activities).toHaveLength(activities);
    expect(result.noticeWrites).toHaveLength(noticeWrites);
    expect(result.reviewWrites).toEqual([]);
  });

  it('clears only its own month from the review note when the ticket is fixed', () => {
    const result = run(
      [january([])],
      [ticket(7, { review: '2025-12: Zero hours | 2026-01: No category' })],
    );
    expect(result.reviewWrites).toEqual([
      { model: 'helpdesk.ticket', ids: [7], values: { x_tally_review: '2025-12: Zero hours' } },
    ]);
  });

  it("keeps the month's segment when finance posted that month's invoice: the time is still held", () => {
    const result = run([], [ticket(7, { review: NOTE })], { closed: [7] });
    expect(result.reviewWrites).toEqual([]);
  });

  it('tells the assignee once when a ticket passes the authorisation cap', () => {
    const cap = {
      kind: 'authorisation_cap_exceeded',
      customerId: '4',
      ticketId: '7',
      capMinutes: 600,
      billedMinutes: 660,
    } as InvoicePlan['events'][number];
    const result = run([january([], [cap])], [ticket(7)]);
    expect(result.activities).toEqual([
      expect.objectContaining({
        noticeKey: 'cap:2026-01',
        summary: 'Tally: authorisation cap passed',
        note: expect.stringContaining('billed 11.00 h, past the 10.00 h'),
      }),
    ]);
  });

  it('tells the salesperson when the prepaid balance runs low', () => {
    const low = {
      kind: 'prepaid_low_balance',
      customerId: '4',
      openingMinutes: 600,
      closingMinutes: 120,
      thresholdMinutes: 300,
    } as InvoicePlan['events'][number];
    const result = run([january([], [low])], [], { customers: [ticket(4, { userId: 9 })] });
    expect(result.activities).toEqual([
      expect.objectContaining({
        model: 'res.partner',
        recordId: 4,
        userId: 9,
        noticeKey: 'low-balance:2026-01',
      }),
    ]);
  });
});

describe('withReviewSegment', () => {
  it.each([
    [null, '2026-01', 'A', '2026-01: A'],
    ['2026-01: A', '2026-01', 'B', '2026-01: B'],
    ['2026-02: C', '2026-01', 'A', '2026-01: A | 2026-02: C'],
    ['2026-01: A | 2026-02: C', '2026-01', null, '2026-02: C'],
    ['2026-01: A', '2026-01', null, false],
  ])('%s, %s ← %s gives %s', (note, period, text, expected) => {
    expect(withReviewSegment(note, period, text)).toBe(expected);
  });
});
