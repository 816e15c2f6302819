import { planInvoice, ticketId } from '../../../src/domain';
import { formatInvoicePlan, formatSyncProblem } from '../../../src/sync/format-plan';
import {
  CUSTOMER,
  aLine,
  aPack,
  aPlanInput,
  aTicket,
  agreementsFor,
  defaultSettings,
} from '../domain/builders';

describe('formatSyncProblem', () => {
  it.each([
    {
      problem: {
        model: 'helpdesk.ticket',
        recordId: 31,
        path: 'partner_id',
        message: 'unreadable',
      },
      text: 'helpdesk.ticket 31, partner_id: unreadable',
    },
    {
      problem: { model: 'res.partner', recordId: null, path: '', message: 'no id' },
      text: 'res.partner a record without id: no id',
    },
  ])('$text', ({ problem, text }) => {
    expect(formatSyncProblem(problem)).toBe(text);
  });
});

describe('formatInvoicePlan', () => {
  it('shows sections, drawdowns, review items, events and totals', () => {
    const plan = planInvoice(
      aPlanInput({
        tickets: [
          aTicket({ categoryName: 'User support' }),
          aTicket({ id: ticketId(8), number: 'HT00008', categoryName: null }),
        ],
        agreements: agreementsFor('on_demand'),
        packs: [aPack(1, 6, '2025-01-01')],
        lines: [
          aLine({ id: 1, date: '2025-11-03', minutes: 120 }),
          aLine({ id: 2, ticketId: 8, date: '2025-11-04', minutes: 45 }),
        ],
      }),
      defaultSettings,
    );
    expect(formatInvoicePlan(CUSTOMER, plan, 2)).toEqual([
      'Acme AB (customer 45), 2025-11, SEK',
      '  HT00007 - Something broke',
      '    drawdown   Prepaid SUPPORT-PACK (S00001): 2.00 h drawn, 4.00 h left | 2.00 h × 0.00 = 0.00',
      '  Held for review (not invoiced)',
      expect.stringMatching(/^ {4}timesheet 2 on ticket 8, 2025-11-04, 0\.75 h: Held for review/),
      '  Event: Prepaid balance low: 6.00 h → 4.00 h (threshold 5.00 h)',
      '  Total 0.00 SEK: logged 2.75 h, covered 0.00 h, drawn 2.00 h, invoiced 0.00 h, review 0.75 h',
    ]);
  });
});
