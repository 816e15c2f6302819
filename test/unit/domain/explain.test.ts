import type { ProblemCode } from '../../../src/domain';
import {
  PROBLEM_CATALOG,
  classifyLine,
  explainDecision,
  lineKey,
  parseLineKey,
} from '../../../src/domain';
import { COMPANY, CUSTOMER, aLine, aTicket, agreementsFor, settingsWith } from './builders';

describe('explain', () => {
  it('turns a decision into sentences naming the rules', () => {
    const decision = classifyLine(
      aLine({ minutes: 90, description: '[misc] looked at logs' }),
      {
        company: COMPANY,
        customers: [CUSTOMER],
        tickets: [aTicket({ categoryName: 'Bug fix' })],
        agreements: agreementsFor('maintenance'),
      },
      settingsWith({ linePrefixes: { unknown: 'ticket', ignore: [] } }),
    );
    expect(explainDecision(decision)).toEqual([
      'Timesheet 1 on ticket 7, 2025-11-10, 1.50 h: covered. Bug fix: covered by Maintenance and Support Agreement.',
      "Decided by the ticket's category (builtin:ticket-category), then agreement tag:maintenance:always, then what tier maintenance covers.",
      "Warning: Timesheet 1 starts with [misc], which is not a category: start the line with a category's label instead.",
    ]);
  });

  it('documents every problem code', () => {
    const codes = Object.keys(PROBLEM_CATALOG) as ProblemCode[];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(PROBLEM_CATALOG[code].meaning).not.toBe('');
  });
});

describe('line keys', () => {
  it('round-trips and escapes separators inside parts', () => {
    const parts = {
      customerId: 'a:b' as never,
      period: '2025-11' as never,
      ticketId: null,
      kind: 'fee' as const,
      discriminator: 'x:y',
    };
    const key = lineKey(parts);
    expect(key).toBe('tally:v1:a%3Ab:2025-11:-:fee:x%3Ay');
    expect(parseLineKey(key)).toEqual(parts);
  });

  it.each([
    'other:v1:1:2025-11:-:fee:x',
    'tally:v2:1:2025-11:-:fee:x',
    'tally:v1:1:2025-11:-:nope:x',
  ])('rejects %s', (key) => {
    expect(parseLineKey(key)).toBeNull();
  });
});
