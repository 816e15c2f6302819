import type { CustomerId, Period, TicketId } from './types';

/** The kinds of invoice lines Tally writes. */
export type PlanLineKind = 'section' | 'covered' | 'drawdown' | 'billed' | 'correction' | 'fee';

export const LINE_KEY_VERSION = 'v1';

export interface LineKeyParts {
  readonly customerId: CustomerId;
  readonly period: Period;
  /** null for lines not tied to a ticket (monthly fees). */
  readonly ticketId: TicketId | null;
  readonly kind: PlanLineKind;
  /** What tells lines of one kind apart in a section: category, pack id, tier, ... */
  readonly discriminator: string;
}

// Every part is percent-encoded so a ':' inside an id can never shift the fields.
const encode = (part: string) => encodeURIComponent(part);

/**
 * The stable key of an invoice line, built from inputs only:
 * `tally:v1:<customer>:<period>:<ticket or ->:<kind>:<discriminator>`.
 */
export function lineKey(parts: LineKeyParts): string {
  return [
    'tally',
    LINE_KEY_VERSION,
    encode(parts.customerId),
    encode(parts.period),
    parts.ticketId === null ? '-' : encode(parts.ticketId),
    parts.kind,
    encode(parts.discriminator),
  ].join(':');
}

/** Reads a key back into its parts, or null when it is not a Tally line key of this version. */
export function parseLineKey(key: string): LineKeyParts | null {
  const fields = key.split(':');
  if (fields.length !== 7 || fields[0] !== 'tally' || fields[1] !== LINE_KEY_VERSION) return null;
  const [, , customer, periodText, ticket, kind, discriminator] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const kinds: readonly string[] = [
    'section',
    'covered',
    'drawdown',
    'billed',
    'correction',
    'fee',
  ];
  if (!kinds.includes(kind)) return null;
  try {
    return {
      customerId: decodeURIComponent(customer) as CustomerId,
      period: decodeURIComponent(periodText) as Period,
      ticketId: ticket === '-' ? null : (decodeURIComponent(ticket) as TicketId),
      kind: kind as PlanLineKind,
      discriminator: decodeURIComponent(discriminator),
    };
  } catch {
    return null;
  }
}
