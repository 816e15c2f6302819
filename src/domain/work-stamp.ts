import type { TicketFacts, WorkLine } from './facts';

/**
 * What a timesheet line was billed from, as a short fingerprint Tally stores on the line when it
 * marks it: one part for the line's own values, one for its ticket's. A line whose fingerprint
 * still matches has not changed since it was billed, whatever its write_date says (Tally's own
 * marks move write_date too). A part is FNV-1a 64 in hex; `v1` names the recipe.
 */
export const WORK_STAMP_VERSION = 'v1';

/**
 * The stamp of a line marked by the plan of a month finance already closed, which bills nothing
 * new: the line was never billed as it is, so it always reads as changed until a later draft's
 * correction accounts for it and stamps it for real.
 */
export const UNBILLED_STAMP = `${WORK_STAMP_VERSION}:unbilled`;

/** The stamp of a line as billed with its ticket as it was then. */
export function workStamp(line: WorkLine, ticket: TicketFacts): string {
  return `${WORK_STAMP_VERSION}:${fnv1a64(lineInputs(line))}:${ticketStamp(ticket)}`;
}

/** The ticket's part of every stamp of its lines. */
export function ticketStamp(ticket: TicketFacts): string {
  return fnv1a64(
    [
      ticket.id,
      ticket.number,
      ticket.name,
      ticket.description,
      ticket.customerId ?? '',
      ticket.companyId,
      ticket.categoryName ?? '',
      ticket.typeName ?? '',
      [...ticket.tagNames].sort().join('\u001f'),
      ticket.teamName ?? '',
    ].join('\u001e'),
  );
}

/** The ticket part of a stored stamp; null when the stamp is absent or of another recipe. */
export function ticketPartOf(stamp: string | null): string | null {
  const parts = stamp?.split(':');
  return parts?.length === 3 && parts[0] === WORK_STAMP_VERSION ? (parts[2] ?? null) : null;
}

function lineInputs(line: WorkLine): string {
  return [line.ticketId, line.date, line.minutes, line.companyId, line.description].join('\u001e');
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
