import type { SeedStep } from './seed';

/** A seed reference to a record created earlier in the seed, or to an xml id. */
export const ref = (name: string): { $ref: string } => ({ $ref: name });

export type HelpdeskEdition = 'oca' | 'enterprise';

/**
 * A helpdesk ticket on the demo support team and project. Its service category is a ticket
 * category on OCA and a tag on Enterprise, where tickets have no category field; null = none.
 */
export function ticketStep(
  key: string,
  name: string,
  partner: string,
  category: string | null,
  edition: HelpdeskEdition = 'oca',
): SeedStep {
  return {
    model: 'helpdesk.ticket',
    ref: key,
    values: {
      name,
      description: `<p>${name}</p>`,
      partner_id: ref(partner),
      team_id: ref('team_support'),
      project_id: ref('project_support'),
      ...(category === null
        ? {}
        : edition === 'oca'
          ? { category_id: ref(`category_${category}`) }
          : { tag_ids: [[6, 0, [ref(`category_${category}`)]]] }),
    },
  };
}

/** Optional parts of a timesheet line. */
export interface TimesheetExtras {
  /** Ref of the employee who logged it; default `employee_admin`. */
  readonly employee?: string;
  /** Ref of the sale order line it is linked to (`so_line`), e.g. a prepaid pack; default none. */
  readonly saleLine?: string;
}

/** A timesheet line on a ticket (`ticket_id` on OCA, `helpdesk_ticket_id` on Enterprise). */
export function timesheetStep(
  ticketRef: string,
  name: string,
  hours: number,
  date: string,
  edition: HelpdeskEdition = 'oca',
  extras: TimesheetExtras = {},
): SeedStep {
  return {
    model: 'account.analytic.line',
    values: {
      name,
      unit_amount: hours,
      date,
      project_id: ref('project_support'),
      employee_id: ref(extras.employee ?? 'employee_admin'),
      [edition === 'oca' ? 'ticket_id' : 'helpdesk_ticket_id']: ref(ticketRef),
      ...(extras.saleLine === undefined ? {} : { so_line: ref(extras.saleLine) }),
    },
  };
}
