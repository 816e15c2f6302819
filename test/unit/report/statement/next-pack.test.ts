/** A used-up or expired pack says what pays for further work: the next pack, or the hourly rate. */
import type { PrepaidPack } from '../../../../src/domain';
import { ticketId } from '../../../../src/domain';
import { projectionText } from '../../../../src/report/statement/render/pack-section';
import { renderStatementHtml } from '../../../../src/report/statement/render/render-statement';
import { aLine, aPack, aTicket } from '../../domain/builders';
import { statementOf } from './statement-builders';

const tickets = [aTicket({ id: ticketId(1), number: 'HT00001', categoryName: 'Bug fix' })];
/** The 1-hour pack every case uses up (it never expires unless a case says so). */
const used = aPack(1, 1, '2025-09-01');

/** November 2025, On Demand: `hours` of bug fixing on `date`, the packs drawn in their order. */
function textsOf(packs: readonly PrepaidPack[], hours = 2, date = '2025-11-10') {
  const statement = statementOf({
    tickets,
    lines: [aLine({ ticketId: 1, minutes: hours * 60, date })],
    packs: [...packs],
  });
  return new Map(
    statement.packs.map((pack) => [
      pack.name,
      projectionText(pack.projection, pack.closing, statement.last),
    ]),
  );
}

const HOURLY = 'The pack is used up; further work is invoiced at the hourly rate.';

const CASES: readonly [string, readonly PrepaidPack[], number, string, string][] = [
  ['no other pack', [used], 2, '2025-11-10', HOURLY],
  [
    'another pack with hours: it is named with its balance',
    [used, aPack(2, 5, '2025-10-01')],
    2,
    '2025-11-10',
    'The pack is used up; further work draws on SUPPORT-PACK (S00002), which has 4.00 h left on 30 Nov 2025 and does not expire.',
  ],
  [
    'another pack with hours that expires: its expiry is said',
    [aPack(1, 1, '2025-09-01', '2026-03-01'), aPack(2, 5, '2025-10-01', '2026-10-01')],
    2,
    '2025-11-10',
    'The pack is used up; further work draws on SUPPORT-PACK (S00002), which has 4.00 h left on 30 Nov 2025 and expires on 1 Oct 2026.',
  ],
  [
    'another pack expired in the month with hours unused',
    [used, aPack(2, 5, '2024-11-20', '2025-11-20')],
    2,
    '2025-11-25',
    HOURLY,
  ],
  ['another pack used up too', [used, aPack(2, 1, '2025-10-01')], 3, '2025-11-10', HOURLY],
  [
    'another pack not yet valid for further work: the hourly rate until it starts',
    [used, aPack(2, 5, '2025-12-15')],
    2,
    '2025-11-10',
    'The pack is used up; further work is invoiced at the hourly rate until 15 Dec 2025, when SUPPORT-PACK (S00002) starts with 5.00 h and does not expire.',
  ],
  [
    'another pack starting the day after the month pays at once',
    [used, aPack(2, 5, '2025-12-01')],
    2,
    '2025-11-10',
    'The pack is used up; further work draws on SUPPORT-PACK (S00002), which has 5.00 h left on 30 Nov 2025 and does not expire.',
  ],
];

describe('a used-up pack names what pays for further work', () => {
  it.each(CASES)('%s', (_name, packs, hours, date, expected) => {
    expect(textsOf(packs, hours, date).get('SUPPORT-PACK (S00001)')).toBe(expected);
  });

  it('an expired pack says the same: here the used-up pack leaves the hourly rate', () => {
    const texts = textsOf([used, aPack(2, 5, '2024-11-20', '2025-11-20')], 2, '2025-11-25');
    expect(texts.get('SUPPORT-PACK (S00002)')).toBe(
      'The pack expired on 20 Nov 2025 with 5.00 h unused; further work is invoiced at the hourly rate.',
    );
  });

  it('an expired pack names a pack that still has hours', () => {
    const texts = textsOf([aPack(1, 5, '2024-11-20', '2025-11-20'), aPack(2, 5, '2025-10-01')]);
    expect(texts.get('SUPPORT-PACK (S00001)')).toBe(
      'The pack expired on 20 Nov 2025 with 3.00 h unused; further work draws on SUPPORT-PACK (S00002), which has 5.00 h left on 30 Nov 2025 and does not expire.',
    );
  });

  it('the page carries the sentence', () => {
    const statement = statementOf({
      tickets,
      lines: [aLine({ ticketId: 1, minutes: 120 })],
      packs: [used, aPack(2, 5, '2025-10-01')],
    });
    expect(renderStatementHtml(statement).replace(/\s+/g, ' ')).toContain(
      'further work draws on SUPPORT-PACK (S00002), which has 4.00 h left on 30 Nov 2025',
    );
  });
});
