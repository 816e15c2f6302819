import { formatHours } from '../../domain/time-units';
import type { InvoicePlan } from '../../domain/plan-types';
import { MODELS } from '../../odoo/models';
import { reviewSummary } from './review-text';
import type { ActivityCreate, GroupWrite } from './write-plan';

/** A ticket or customer as notices need it: who to tell, and what was already told. */
export interface NoticeTarget {
  readonly id: number;
  /** The ticket's assignee, or the customer's salesperson; null = nobody to tell. */
  readonly userId: number | null;
  /** Keys of activities already scheduled (`x_tally_notices`, space-separated). */
  readonly notices: readonly string[];
  /** The ticket's current review note (`x_tally_review`); null on customers. */
  readonly review: string | null;
}

export interface NoticeInput {
  /** Customer plans, and the review items of work no customer can be found for. */
  readonly plans: readonly Pick<InvoicePlan, 'period' | 'reviewItems' | 'events'>[];
  /** The synced period: its segment of each ticket's review note is the one kept up to date. */
  readonly period: string;
  readonly tickets: ReadonlyMap<number, NoticeTarget>;
  readonly customers: ReadonlyMap<number, NoticeTarget>;
  /** Notice keys of open activities per `model:id` (finds one made by a run that then crashed). */
  readonly openActivityKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Tickets of customers whose invoice of the period finance posted or cancelled: their segment
   * stays as the last open plan left it (the held time is still not invoiced; a fix is billed
   * as a correction later), since no plan of the closed month says otherwise.
   */
  readonly closedTickets?: ReadonlySet<number>;
}

export interface NoticePlan {
  /** Review notes set on or cleared from tickets. */
  readonly reviewWrites: readonly GroupWrite[];
  readonly activities: readonly ActivityCreate[];
  readonly noticeWrites: readonly GroupWrite[];
}

const SEGMENT_LENGTH = 160;
const SEGMENT_SEPARATOR = ' | ';

/**
 * A ticket's review note holds one segment per period, "2026-01: reason; reason | 2026-02: ...",
 * so the sync of one period replaces or removes only its own segment and never undoes another's.
 */
export function withReviewSegment(
  note: string | null,
  period: string,
  text: string | null,
): string | false {
  const segments = (note ?? '')
    .split(SEGMENT_SEPARATOR)
    .filter((segment) => segment !== '' && !segment.startsWith(`${period}: `));
  if (text !== null) segments.push(`${period}: ${text.slice(0, SEGMENT_LENGTH)}`);
  segments.sort();
  return segments.length === 0 ? false : segments.join(SEGMENT_SEPARATOR);
}

/** The marker that ties an activity to its notice key (searched in the activity's note). */
export const noticeMarker = (key: string) => `[tally-notice:${key}]`;

/** A short stable digest, so a changed review reason is a new notice and the same one is not. */
function digest(text: string): string {
  let hash = 5381;
  for (let index = 0; index < text.length; index += 1)
    hash = ((hash * 33) ^ text.charCodeAt(index)) >>> 0;
  return hash.toString(36);
}

/** Activities to schedule and the notice keys to record, each notice at most once. */
class Notifier {
  readonly activities: ActivityCreate[] = [];
  private readonly after = new Map<string, { model: string; id: number; keys: string[] }>();

  constructor(private readonly openActivityKeys: NoticeInput['openActivityKeys']) {}

  notify(
    model: ActivityCreate['model'],
    target: NoticeTarget | undefined,
    key: string,
    summary: string,
    note: string,
  ): void {
    if (target === undefined || target.userId === null) return;
    const ref = `${model}:${target.id}`;
    const entry = this.after.get(ref) ?? { model, id: target.id, keys: [...target.notices] };
    if (entry.keys.includes(key)) return;
    if (this.openActivityKeys.get(ref)?.has(key) !== true) {
      this.activities.push({
        model,
        recordId: target.id,
        userId: target.userId,
        noticeKey: key,
        summary,
        note: `${note} ${noticeMarker(key)}`,
      });
    }
    entry.keys.push(key);
    this.after.set(ref, entry);
  }

  /** The records whose recorded notice keys grew. */
  noticeWrites(input: NoticeInput): GroupWrite[] {
    return [...this.after.values()]
      .filter((entry) => {
        const targets = entry.model === MODELS.partner ? input.customers : input.tickets;
        return entry.keys.length !== (targets.get(entry.id)?.notices ?? []).length;
      })
      .map((entry) => ({
        model: entry.model,
        ids: [entry.id],
        values: { x_tally_notices: entry.keys.join(' ') },
      }));
  }
}

/** The cap and low-balance notices of one plan's events. */
function notifyEvents(
  plan: NoticeInput['plans'][number],
  input: NoticeInput,
  notifier: Notifier,
): void {
  for (const event of plan.events) {
    if (event.kind === 'authorisation_cap_exceeded') {
      notifier.notify(
        MODELS.helpdeskTicket,
        input.tickets.get(Number(event.ticketId)),
        `cap:${plan.period}`,
        'Tally: authorisation cap passed',
        `This ticket has billed ${formatHours(event.billedMinutes)} h, past the ${formatHours(event.capMinutes)} h the customer authorised: ask before going on.`,
      );
    } else {
      notifier.notify(
        MODELS.partner,
        input.customers.get(Number(event.customerId)),
        `low-balance:${plan.period}`,
        'Tally: prepaid hours running low',
        `The customer has ${formatHours(event.closingMinutes)} h of prepaid support left (below ${formatHours(event.thresholdMinutes)} h): offer a new pack.`,
      );
    }
  }
}

/**
 * One activity per thing that needs a person, never one per run: tickets with time held for
 * review (their assignee), tickets past the authorisation cap (their assignee), customers whose
 * prepaid balance ran low (their salesperson). A notice is keyed; the key is recorded on the
 * record once the activity exists, and an open activity carrying the key also counts.
 */
export function planNotices(input: NoticeInput): NoticePlan {
  const reviewWrites: GroupWrite[] = [];
  const notifier = new Notifier(input.openActivityKeys);

  const reviewed = new Set<number>();
  for (const plan of input.plans) {
    const reasons = new Map<number, { summary: Set<string>; precise: Set<string> }>();
    for (const item of plan.reviewItems) {
      const id = Number(item.ticketId);
      const entry = reasons.get(id) ?? { summary: new Set<string>(), precise: new Set<string>() };
      entry.summary.add(reviewSummary(item.problems));
      entry.precise.add(item.reason);
      reasons.set(id, entry);
    }
    for (const [ticketId, entry] of reasons) {
      reviewed.add(ticketId);
      const text = [...entry.summary].sort().join('; ');
      const ticket = input.tickets.get(ticketId);
      const note = withReviewSegment(ticket?.review ?? null, plan.period, text);
      if (ticket !== undefined && (ticket.review ?? false) !== note)
        reviewWrites.push({
          model: MODELS.helpdeskTicket,
          ids: [ticketId],
          values: { x_tally_review: note },
        });
      notifier.notify(
        MODELS.helpdeskTicket,
        ticket,
        `review:${plan.period}:${digest(text)}`,
        'Tally: time held for review',
        `Some time on this ticket is not invoiced until it is fixed: ${[...entry.precise].sort().join(' ')}`,
      );
    }
    notifyEvents(plan, input, notifier);
  }
  for (const [id, ticket] of input.tickets) {
    if (reviewed.has(id) || ticket.review === null || input.closedTickets?.has(id) === true)
      continue;
    const note = withReviewSegment(ticket.review, input.period, null);
    if (note !== ticket.review)
      reviewWrites.push({
        model: MODELS.helpdeskTicket,
        ids: [id],
        values: { x_tally_review: note },
      });
  }
  return {
    reviewWrites,
    activities: notifier.activities,
    noticeWrites: notifier.noticeWrites(input),
  };
}
