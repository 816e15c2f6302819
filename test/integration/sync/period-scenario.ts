/**
 * A small support company on top of the sandbox's demo data (Acme: On Demand + a 25 h pack; Nordic
 * Patch: Patch; Fjord: Patch + Maintenance), plus a customer without tags, one with Maintenance but
 * no Patch, tickets in several categories, a "[Bug fix]" line and work in December and February.
 */
import type { SandboxSeed, SeedStep } from '../../../src/sandbox/seed';
import {
  ref,
  ticketStep,
  timesheetStep,
  type HelpdeskEdition,
} from '../../../src/sandbox/seed-steps';

export const SCENARIO_TICKETS = [
  'ticket_printer',
  'ticket_question',
  'ticket_crash',
  'ticket_mono',
];

/** The scenario; `extraLines` more January lines of 0.25 h are spread over its tickets. */
export function periodScenario(extraLines = 0, edition: HelpdeskEdition = 'oca'): SandboxSeed {
  const ticket = (key: string, name: string, partner: string, category: string) =>
    ticketStep(key, name, partner, category, edition);
  const line = (ticketRef: string, name: string, hours: number, date: string) =>
    timesheetStep(ticketRef, name, hours, date, edition);
  const records: SeedStep[] = [
    { model: 'res.partner', ref: 'plain', values: { name: 'Plain AB', is_company: true } },
    {
      model: 'res.partner',
      ref: 'mono',
      values: {
        name: 'Mono AB',
        is_company: true,
        category_id: [[6, 0, [ref('tag_maintenance_and_support_agreement')]]],
      },
    },
    ticket('ticket_printer', 'Printer offline', 'plain', 'user_support'),
    ticket('ticket_question', 'Old question', 'plain', 'technical_support'),
    ticket('ticket_crash', 'App crashes', 'fjord', 'user_support'),
    ticket('ticket_mono', 'Report fails', 'mono', 'bug_fix'),
    line('ticket_printer', 'Restarted the spooler', 0.25, '2026-01-20'),
    line('ticket_printer', 'Replaced the printer', 1, '2026-02-02'),
    line('ticket_question', 'Answered', 0.25, '2025-12-15'),
    line('ticket_question', 'Follow-up', 0.25, '2026-01-08'),
    line('ticket_crash', '[Bug fix] Patched the crash', 1, '2026-01-21'),
    line('ticket_crash', 'Explained the settings', 0.5, '2026-01-22'),
    line('ticket_mono', 'Fixed the report', 1, '2026-01-10'),
  ];
  for (let index = 0; index < extraLines; index += 1) {
    const target = SCENARIO_TICKETS[index % SCENARIO_TICKETS.length] ?? 'ticket_printer';
    const day = String((index % 28) + 1).padStart(2, '0');
    records.push(line(target, `More work ${index}`, 0.25, `2026-01-${day}`));
  }
  return { base: 'demo', records };
}
