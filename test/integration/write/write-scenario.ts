/**
 * The write scenario: the period scenario (On Demand with a 25 h pack, Patch, Patch + Maintenance,
 * a customer without tags, one with Maintenance but no Patch) plus a ticket of every service
 * category for the Patch + Maintenance customer, enough pack use to run Acme's balance low,
 * assignees and a salesperson to receive activities, and bad records: a line of zero hours and a
 * ticket without a customer.
 */
import type { SandboxSeed, SeedStep } from '../../../src/sandbox/seed';
import { SERVICE_CATEGORIES } from '../../../src/sandbox/demo-seed';
import {
  ref,
  ticketStep,
  timesheetStep,
  type HelpdeskEdition,
} from '../../../src/sandbox/seed-steps';
import { periodScenario } from '../sync/period-scenario';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/** A ticket assigned to the demo admin (who receives the activities). */
export function assigned(step: SeedStep): SeedStep {
  return 'values' in step && 'ref' in step
    ? { ...step, values: { ...step.values, user_id: ref('base.user_admin') } }
    : step;
}

export function writeScenario(edition: HelpdeskEdition = 'oca'): SandboxSeed {
  const base = periodScenario(0, edition);
  const line = (ticketRef: string, name: string, hours: number, date: string) =>
    timesheetStep(ticketRef, name, hours, date, edition);
  const records: SeedStep[] = [
    ...(base.records ?? []).map((step) =>
      step.model === 'helpdesk.ticket' ? assigned(step) : step,
    ),
    { model: 'res.partner', write: 'acme', values: { user_id: ref('base.user_admin') } },
    assigned(ticketStep('ticket_migration', 'Migrate customers', 'acme', 'data_import', edition)),
    line('ticket_migration', 'Imported the customer list', 21, '2026-01-26'),
    line('ticket_migration', 'Nothing done', 0, '2026-01-27'),
    {
      model: 'helpdesk.ticket',
      ref: 'ticket_orphan',
      values: {
        name: 'Who is this for',
        description: '<p>No customer</p>',
        team_id: ref('team_support'),
        project_id: ref('project_support'),
        ...(edition === 'oca'
          ? { category_id: ref('category_user_support') }
          : { tag_ids: [[6, 0, [ref('category_user_support')]]] }),
        user_id: ref('base.user_admin'),
      },
    },
    line('ticket_orphan', 'Answered a call', 0.5, '2026-01-12'),
  ];
  for (const category of SERVICE_CATEGORIES) {
    const key = `ticket_all_${slug(category)}`;
    records.push(assigned(ticketStep(key, `${category} work`, 'fjord', slug(category), edition)));
    records.push(line(key, `${category} for Fjord`, 1, '2026-01-14'));
  }
  return { ...base, records };
}
