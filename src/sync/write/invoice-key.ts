import type { CustomerId, Period } from '../../domain/types';
import { LINE_KEY_VERSION } from '../../domain/line-key';

/**
 * The key of a customer's Tally invoice for one period, stored in `account.move.x_tally_key`:
 * `tally:v1:<customer>:<period>`, so a rerun finds the draft it made instead of making another.
 */
export function invoiceKey(customer: CustomerId | number, period: Period): string {
  return `tally:${LINE_KEY_VERSION}:${encodeURIComponent(String(customer))}:${period}`;
}

/** The customer and period of an invoice key, or null when it is not one of this version. */
export function parseInvoiceKey(key: string): { customerId: string; period: Period } | null {
  const match = /^tally:([^:]+):([^:]+):(\d{4}-\d{2})$/.exec(key);
  if (match === null || match[1] !== LINE_KEY_VERSION) return null;
  try {
    return { customerId: decodeURIComponent(match[2] as string), period: match[3] as Period };
  } catch {
    return null;
  }
}
