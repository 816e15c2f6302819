import fc from 'fast-check';
import type {
  Agreement,
  EngineSettings,
  PlanInput,
  PrepaidPack,
  TicketBillingHistory,
  TicketFacts,
  WorkLine,
} from '../../src/domain';
import {
  localDate,
  minutes,
  packId,
  period,
  ticketId,
  tierKey,
  timesheetId,
} from '../../src/domain';
import { COMPANY, CUSTOMER, RATE, defaultSettings, settingsWith } from '../unit/domain/builders';

/** fast-check generators for plan inputs around November 2025 (October = history). */

const day = fc
  .record({ month: fc.constantFrom('10', '11', '12'), day: fc.integer({ min: 1, max: 30 }) })
  .map(({ month, day: d }) => localDate(`2025-${month}-${String(d).padStart(2, '0')}`));

const categoryNames = fc.constantFrom(
  'Bug fix',
  'User support',
  'Patching',
  'Data import',
  'Training',
  'Backup restore',
  'Something else',
  null,
);

const ticket = (id: number): fc.Arbitrary<TicketFacts> =>
  fc
    .record({ categoryName: categoryNames, tags: fc.subarray(['Upgrade', 'License', 'vip']) })
    .map(({ categoryName, tags }) => ({
      id: ticketId(id),
      number: `HT${String(id).padStart(5, '0')}`,
      name: `Ticket ${id}`,
      description: '',
      customerId: CUSTOMER.id,
      companyId: COMPANY.id,
      categoryName,
      typeName: null,
      tagNames: tags,
      teamName: null,
    }));

const line = (id: number, ticketCount: number): fc.Arbitrary<WorkLine> =>
  fc
    .record({
      ticket: fc.integer({ min: 1, max: ticketCount + 1 }), // one past the end: ticket not read
      date: day,
      time: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 1, max: 240 }) },
        { weight: 1, arbitrary: fc.integer({ min: -60, max: 0 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1400, max: 1500 }) },
      ),
      prefix: fc.constantFrom('', '', '[Training] ', '[bug_fix] ', '[nope] '),
    })
    .map(({ ticket: t, date, time, prefix }) => ({
      id: timesheetId(id),
      ticketId: ticketId(t),
      date,
      minutes: minutes(time),
      description: `${prefix}work`,
      companyId: COMPANY.id,
    }));

const agreement = (index: number): fc.Arbitrary<Agreement> =>
  fc
    .record({
      tier: fc.constantFrom('on_demand', 'patch', 'maintenance'),
      from: fc.option(day, { nil: null }),
      to: fc.option(day, { nil: null }),
    })
    .map(({ tier, from, to }) => ({
      id: `a${index}`,
      customerId: CUSTOMER.id,
      tier: tierKey(tier),
      validFrom: from,
      validTo: to,
      source: 'generated',
    }));

const pack = (index: number): fc.Arbitrary<PrepaidPack> =>
  fc
    .record({
      hours: fc.integer({ min: 0, max: 10 }),
      used: fc.integer({ min: -60, max: 300 }),
      start: day,
      expires: fc.option(day, { nil: null }),
    })
    .map(({ hours, used, start, expires }) => ({
      id: packId(index),
      customerId: CUSTOMER.id,
      name: `Pack ${index}`,
      purchased: minutes(hours * 60),
      openingBalance: minutes(hours * 60 - used),
      startDate: start,
      expiresOn: expires,
    }));

export const settingsArbitrary: fc.Arbitrary<EngineSettings> = fc
  .record({
    minimum: fc.constantFrom(0, 30, 60),
    rounding: fc.option(
      fc.record({
        increment: fc.constantFrom(5, 15, 30),
        scope: fc.constantFrom('line' as const, 'request' as const),
        mode: fc.constantFrom('up' as const, 'nearest' as const),
      }),
      { nil: null },
    ),
  })
  .map(({ minimum, rounding }) =>
    settingsWith({
      billing: {
        minimumPerRequest: minutes(minimum),
        rounding:
          rounding === null ? null : { ...rounding, increment: minutes(rounding.increment) },
      },
    }),
  );

export const planInputArbitrary: fc.Arbitrary<PlanInput> = fc
  .record({
    ticketCount: fc.integer({ min: 1, max: 4 }),
    lineCount: fc.integer({ min: 0, max: 12 }),
    agreementCount: fc.integer({ min: 0, max: 3 }),
    packCount: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ ticketCount, lineCount, agreementCount, packCount }) =>
    fc.record({
      tickets: fc.tuple(...Array.from({ length: ticketCount }, (_, i) => ticket(i + 1))),
      lines: fc.tuple(...Array.from({ length: lineCount }, (_, i) => line(i + 1, ticketCount))),
      agreements: fc.tuple(...Array.from({ length: agreementCount }, (_, i) => agreement(i))),
      packs: fc.tuple(...Array.from({ length: packCount }, (_, i) => pack(i + 1))),
      billed: fc.array(fc.integer({ min: 0, max: 120 }), {
        minLength: ticketCount,
        maxLength: ticketCount,
      }),
    }),
  )
  .map(({ tickets, lines, agreements, packs, billed }) => ({
    company: COMPANY,
    customer: CUSTOMER,
    period: period('2025-11'),
    tickets,
    lines,
    agreements,
    packs,
    history: billed.map((value, index): TicketBillingHistory => ({
      ticketId: ticketId(index + 1),
      billedBefore: minutes(value),
    })),
    defaultHourlyRate: RATE,
  }));

export { defaultSettings };
