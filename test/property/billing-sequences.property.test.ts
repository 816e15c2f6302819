/**
 * Issue 13: no money lost or doubled across any sequence of runs. A month of a partner's life is
 * generated as steps (time logged and edited, month syncs, incremental runs, finance posting,
 * Redis losing its keys, the clock moving on), played against the sandbox over HTTP with the
 * production sync, and after it one more incremental run must leave every ticket billed exactly
 * what the rules say its time is worth, once; a run that finds no cursor then changes nothing.
 *
 * `npm run test:sequences -- --runs 2000 [--seed N]` goes deeper (500 by default); a failure
 * prints the seed and the shrunk steps to replay.
 */
import fc from 'fast-check';
import { parseLineKey } from '../../src/domain/line-key';
import type { OdooClient } from '../../src/odoo/client';
import { detectFieldProfile, fieldNamesVia } from '../../src/odoo/profiles/detect-profile';
import type { FieldProfile } from '../../src/odoo/profiles/field-profile';
import { localDate, period } from '../../src/domain/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { ref, ticketStep, timesheetStep } from '../../src/sandbox/seed-steps';
import { MemoryCursorStore } from '../../src/sync/cursor-store';
import { syncChanges } from '../../src/sync/sync-changes';
import { syncPeriod } from '../../src/sync/sync-period';
import { connectTo, shippedConfig } from '../integration/sync/connect';
import { installTallyFields } from '../support/tally-fields';
import { sequenceSteps, type Step } from './sequence-steps';

const RUNS = Number(process.env.TALLY_SEQUENCE_RUNS ?? 60);
const CONFIG = shippedConfig();
const MONTHS = ['2026-10', '2026-11', '2026-12'] as const;
const MINIMUM_MINUTES = 30;

/** On Demand without a pack: every minute is billed hourly, with 30 minutes per ticket at least. */
const SEED = {
  base: 'demo' as const,
  records: [
    {
      model: 'res.partner',
      ref: 'tiny',
      values: { name: 'Tiny AB', is_company: true, category_id: [[6, 0, [ref('tag_on_demand')]]] },
    },
    {
      model: 'res.partner',
      ref: 'steady',
      values: {
        name: 'Steady AB',
        is_company: true,
        category_id: [[6, 0, [ref('tag_patch_agreement')]]],
      },
    },
    ticketStep('ticket_a', 'Export question', 'tiny', 'user_support'),
    ticketStep('ticket_b', 'Login fails', 'tiny', 'bug_fix'),
    // Steady pays a monthly fee, so every month Tally syncs has an invoice of Tally's.
    timesheetStep('ticket_a', 'First answer', 0.25, '2026-10-01'),
  ],
};

/** The world's calendar: mid-month of the current month, so every run sees the month so far. */
class Calendar {
  index = 0;

  get month(): string {
    return MONTHS[this.index] as string;
  }

  now(): Date {
    return new Date(`${this.month}-15T09:00:00Z`);
  }
}

class World {
  private store = new MemoryCursorStore();
  private connected: { client: OdooClient; profile: FieldProfile } | null = null;
  /** Timesheet ids in the order they were logged (index 0: the seed's). */
  readonly lines: number[] = [];

  private constructor(
    readonly sandbox: Sandbox,
    private readonly calendar: Calendar,
  ) {}

  static async start(): Promise<World> {
    const calendar = new Calendar();
    const world = new World(
      await startSandbox({ seed: SEED, clock: () => calendar.now() }),
      calendar,
    );
    installTallyFields(world.sandbox);
    world.lines.push(
      ...world.sandbox.store.search('account.analytic.line', [
        ['ticket_id', 'in', world.tickets()],
      ]),
    );
    return world;
  }

  private get monthIndex(): number {
    return this.calendar.index;
  }

  get month(): string {
    return this.calendar.month;
  }

  clock(): Date {
    return this.calendar.now();
  }

  async apply(step: Step): Promise<void> {
    const store = this.sandbox.store;
    const ticket = (index: number) => store.ref(index === 0 ? 'seed.ticket_a' : 'seed.ticket_b');
    switch (step.kind) {
      case 'log': {
        const month = MONTHS[Math.min(step.month, this.monthIndex)] as string;
        const id = store.create('account.analytic.line', {
          name: step.prefix === null ? 'Worked on it' : `[${step.prefix}] Worked on it`,
          unit_amount: step.hours,
          date: `${month}-${String(step.day).padStart(2, '0')}`,
          project_id: store.ref('seed.project_support'),
          employee_id: store.ref('seed.employee_admin'),
          ticket_id: ticket(step.ticket),
        });
        this.lines.push(id);
        return;
      }
      case 'edit':
        store.write('account.analytic.line', [this.line(step.line)], { unit_amount: step.hours });
        return;
      case 'move':
        store.write('account.analytic.line', [this.line(step.line)], {
          ticket_id: ticket(step.ticket),
        });
        return;
      case 'sync-period': {
        const month = MONTHS[Math.min(step.month, this.monthIndex)] as string;
        const { client, profile } = await this.connection();
        await syncPeriod(client, CONFIG, {
          period: period(month),
          today: localDate(`${this.month}-15`),
          profile,
        });
        return;
      }
      case 'incremental':
        await this.incremental();
        return;
      case 'lose-redis':
        this.store = new MemoryCursorStore();
        return;
      case 'post': {
        const month = MONTHS[step.month] as string;
        if (month >= this.month) return;
        const drafts = store.search('account.move', [
          ['x_tally_key', '=like', `tally:v1:%:${month}`],
          ['state', '=', 'draft'],
        ]);
        if (drafts.length > 0) store.call('account.move', 'action_post', [drafts]);
        return;
      }
      case 'next-month':
        this.calendar.index = Math.min(this.calendar.index + 1, MONTHS.length - 1);
        return;
    }
  }

  async incremental() {
    const { client, profile } = await this.connection();
    const now = this.clock().toISOString();
    return syncChanges(
      client,
      CONFIG,
      { store: this.store, instance: 'sandbox' },
      { now, profile },
    );
  }

  loseRedis(): void {
    this.store = new MemoryCursorStore();
  }

  /** The two tickets of the story (the demo base has others, of other customers and years). */
  tickets(): number[] {
    return [this.sandbox.store.ref('seed.ticket_a'), this.sandbox.store.ref('seed.ticket_b')];
  }

  private line(index: number): number {
    return this.lines[index % this.lines.length] as number;
  }

  /** What the rules say each ticket's time is worth, in minutes. */
  due(): Map<number, number> {
    const rows = this.sandbox.store.searchRead(
      'account.analytic.line',
      [['ticket_id', 'in', this.tickets()]],
      ['unit_amount', 'ticket_id'],
    );
    const logged = new Map<number, number>();
    for (const row of rows) {
      const ticket = (row.ticket_id as [number, string])[0];
      const minutes = Math.round((row.unit_amount as number) * 60);
      logged.set(ticket, (logged.get(ticket) ?? 0) + minutes);
    }
    return new Map(
      [...logged].map(([ticket, minutes]) => [
        ticket,
        minutes === 0 ? 0 : Math.max(minutes, MINIMUM_MINUTES),
      ]),
    );
  }

  /** What Tally's live invoices bill each ticket in all, in minutes; and any key made twice. */
  billed(): { byTicket: Map<number, number>; duplicateKeys: string[] } {
    const moves = this.sandbox.store.searchRead(
      'account.move',
      [
        ['x_tally_key', '!=', false],
        ['state', '!=', 'cancel'],
      ],
      ['x_tally_key'],
    );
    const keys = moves.map((move) => String(move.x_tally_key));
    const duplicateKeys = keys.filter((key, index) => keys.indexOf(key) !== index);
    const lines = this.sandbox.store.searchRead(
      'account.move.line',
      [
        ['x_tally_key', '!=', false],
        ['move_id.state', '!=', 'cancel'],
      ],
      ['x_tally_key', 'quantity'],
    );
    const byTicket = new Map<number, number>();
    const mine = new Set(this.tickets());
    for (const line of lines) {
      const key = parseLineKey(String(line.x_tally_key));
      if (key === null || key.ticketId === null || !mine.has(Number(key.ticketId))) continue;
      if (key.kind !== 'billed' && key.kind !== 'correction') continue;
      const ticket = Number(key.ticketId);
      const minutes = Math.round((line.quantity as number) * 60);
      byTicket.set(ticket, (byTicket.get(ticket) ?? 0) + minutes);
    }
    return { byTicket, duplicateKeys };
  }

  /** The months Steady's monthly fee is billed in, one entry per live fee line. */
  feeMonths(): string[] {
    const steady = this.sandbox.store.ref('seed.steady');
    const lines = this.sandbox.store.searchRead(
      'account.move.line',
      [
        ['x_tally_key', '=like', `tally:v1:${steady}:%:fee:%`],
        ['move_id.state', '!=', 'cancel'],
      ],
      ['x_tally_key'],
    );
    return lines.map((line) => parseLineKey(String(line.x_tally_key))?.period ?? '?').sort();
  }

  /** Every month from Tally's first to the current one. */
  monthsSoFar(): string[] {
    return MONTHS.slice(0, this.calendar.index + 1);
  }

  /** One client and field profile per world: what a run reads first, read once. */
  private async connection(): Promise<{ client: OdooClient; profile: FieldProfile }> {
    if (this.connected === null) {
      const client = await connectTo(this.sandbox);
      this.connected = { client, profile: await detectFieldProfile(fieldNamesVia(client)) };
    }
    return this.connected;
  }

  async close(): Promise<void> {
    await this.connected?.client.close();
    await this.sandbox.close();
  }
}

const positive = (values: Map<number, number>) =>
  new Map([...values].filter(([, minutes]) => minutes !== 0));

describe('any sequence of runs bills every ticket what its time is worth, once', () => {
  it(`holds for ${RUNS} generated sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(sequenceSteps(), async (steps) => {
        const world = await World.start();
        try {
          // Tally starts with October: the month before it is nobody's business here.
          await world.apply({ kind: 'sync-period', month: 0 });
          for (const step of steps) await world.apply(step);
          await world.incremental();
          const after = world.billed();
          expect(after.duplicateKeys).toEqual([]);
          expect(positive(after.byTicket)).toEqual(positive(world.due()));
          // Steady's Patch fee: once a month, every month since Tally began (the first
          // incremental run also takes the month before), including months no run happened in.
          const fees = world.feeMonths();
          expect(fees.filter((month) => month !== '2026-09')).toEqual(world.monthsSoFar());
          expect(fees.filter((month) => month === '2026-09').length).toBeLessThanOrEqual(1);

          // Redis loses every key: the reconciliation finds nothing left to do.
          world.loseRedis();
          const lost = await world.incremental();
          expect(
            lost.periods
              .filter((entry) => entry.applied?.calls !== 0)
              .map((entry) => ({ period: entry.period, writes: entry.writes })),
          ).toEqual([]);
          expect(lost.finalWrites?.calls ?? 0).toBe(0);
        } finally {
          await world.close();
        }
      }),
      {
        numRuns: RUNS,
        ...(process.env.TALLY_SEQUENCE_SEED === undefined
          ? {}
          : { seed: Number(process.env.TALLY_SEQUENCE_SEED) }),
      },
    );
  });
});
