/**
 * Issue 13, item 3 ("held time nobody hears of"): time held on a ticket with no assignee reaches a
 * person all the same: the ticket team's leader, else the reviewer the config names, else the
 * Tally user itself. Never nobody.
 */
import type { LocalDate, Period } from '../../../src/domain/types';
import type { SeedStep } from '../../../src/sandbox/seed';
import { ref, ticketStep, timesheetStep } from '../../../src/sandbox/seed-steps';
import { syncPeriod } from '../../../src/sync/sync-period';
import { startSandbox, type Sandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;

/** An uncategorised ticket (its time is held) with nobody assigned, on the given team. */
function unassignedHeldWork(key: string, team: string): SeedStep[] {
  const ticket = ticketStep(key, `Unclear request ${key}`, 'acme', null);
  return [
    'values' in ticket
      ? { ...ticket, values: { ...ticket.values, user_id: false, team_id: ref(team) } }
      : ticket,
    timesheetStep(key, 'Looked into it', 1, '2026-01-20'),
  ];
}

const RECORDS: SeedStep[] = [
  { model: 'helpdesk.ticket.team', ref: 'team_led', values: { name: 'Led', user_id: ref('lead') } },
  { model: 'helpdesk.ticket.team', ref: 'team_unled', values: { name: 'Unled' } },
  ...unassignedHeldWork('ticket_led', 'team_led'),
  ...unassignedHeldWork('ticket_unled', 'team_unled'),
];

async function heldTimeSandbox(): Promise<Sandbox> {
  const base = writeScenario();
  const sandbox = await startSandbox({
    clock: SCENARIO_NOW,
    seed: {
      ...base,
      users: [
        { ref: 'lead', login: 'lead', name: 'Team Lead', groups: ['base.group_user'] },
        { ref: 'reviewer', login: 'reviewer', name: 'Reviewer', groups: ['base.group_user'] },
      ],
      records: [...(base.records ?? []), ...RECORDS],
    },
  });
  await installTallyFields(sandbox);
  return sandbox;
}

function reviewActivityUsers(sandbox: Sandbox, ticketRef: string): unknown[] {
  return sandbox.store
    .searchRead(
      'mail.activity',
      [
        ['res_model', '=', 'helpdesk.ticket'],
        ['res_id', '=', sandbox.store.ref(`seed.${ticketRef}`)],
      ],
      ['user_id', 'summary'],
    )
    .filter((activity) => activity.summary === 'Tally: time held for review')
    .map((activity) => (activity.user_id as [number, string])[1]);
}

describe('held time on an unassigned ticket reaches a person', () => {
  it.each([
    ['names a reviewer', 'reviewer', 'Reviewer'],
    ['names none', null, 'Administrator'],
  ] as const)(
    'the team leader first; on a team without one, when the config %s, %s',
    async (_case, reviewer, expected) => {
      const sandbox = await heldTimeSandbox();
      const client = await connectTo(sandbox);
      try {
        await syncPeriod(
          client,
          { ...shippedConfig(), reviewerLogin: reviewer },
          { period: JANUARY, today: TODAY },
        );
        expect(reviewActivityUsers(sandbox, 'ticket_led')).toEqual(['Team Lead']);
        expect(reviewActivityUsers(sandbox, 'ticket_unled')).toEqual([expected]);
      } finally {
        await client.close();
        await sandbox.close();
      }
    },
  );

  it('says plainly when the reviewer the config names is no Odoo user', async () => {
    const sandbox = await heldTimeSandbox();
    const client = await connectTo(sandbox);
    try {
      await expect(
        syncPeriod(
          client,
          { ...shippedConfig(), reviewerLogin: 'nobody@example' },
          { period: JANUARY, today: TODAY },
        ),
      ).rejects.toMatchObject({
        code: 'SYNC_SETUP_INVALID',
        userMessage: expect.stringContaining('"nobody@example" that notices.reviewer names'),
      });
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});
