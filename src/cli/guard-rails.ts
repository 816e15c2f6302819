/**
 * What `sync` and `close-period` refuse before they write (issue 15, "Guard rails"): a customer id
 * that is no company Tally bills, a period that has not begun, a month closed before its end.
 * Each refusal is a usage error (exit 2) naming what to give instead.
 */
import { compareDates, periodBounds, periodOfInstant } from '../domain/periods';
import type { LocalDate, Period } from '../domain/types';
import { where } from '../odoo/filter';
import type { OdooClient } from '../odoo/client';
import { MODELS } from '../odoo/models';
import { UsageError } from './errors';

const nameOf = (value: unknown): string =>
  Array.isArray(value) && typeof value[1] === 'string' ? value[1] : '';

/** `--customer` must be a commercial partner: the company invoices go to, not a contact of it. */
export async function requireCustomer(client: OdooClient, id: number): Promise<void> {
  const [partner] = await client.model(MODELS.partner).searchRead(where('id', '=', id), {
    fields: ['display_name', 'commercial_partner_id'],
    context: { active_test: false },
  });
  if (partner === undefined)
    throw new UsageError(
      `--customer ${id}: no partner has that id in Odoo; give the id of the customer company (Contacts, the number in its address bar).`,
    );
  const company = Array.isArray(partner.commercial_partner_id)
    ? Number(partner.commercial_partner_id[0])
    : id;
  if (company !== id)
    throw new UsageError(
      `--customer ${id}: ${String(partner.display_name)} is a contact of ${nameOf(partner.commercial_partner_id)}, which Tally invoices; use --customer ${company}.`,
    );
}

/** The company's current period and day, in its time zone. */
export function currentPeriod(now: Date, timeZone: string): Period {
  const current = periodOfInstant(now.toISOString(), timeZone);
  if (current === null)
    throw new UsageError(`The time zone "${timeZone}" is not a valid IANA zone.`);
  return current;
}

/** A sync of a month that has not begun would bill fees for it: only with `--allow-future`. */
export function refuseFuturePeriod(period: Period, current: Period, allowFuture: boolean): void {
  if (allowFuture || compareDates(period, current) <= 0) return;
  throw new UsageError(
    `--period ${period} has not begun (the current period is ${current}): a sync would bill its monthly fees ahead; pass --allow-future if that is what you want.`,
  );
}

/** Closing asks finance to post: a month closes once its last day is over, or with `--force`. */
export function refuseUnfinishedClose(period: Period, today: LocalDate, force: boolean): void {
  const last = periodBounds(period).last;
  if (force || compareDates(today, last) > 0) return;
  throw new UsageError(
    `--period ${period} is not over until ${last} ends: closing it now would ask finance to post an unfinished month; close it after, or pass --force.`,
  );
}
