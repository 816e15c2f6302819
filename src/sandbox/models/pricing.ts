import { roundMoney } from '../env';
import type { Env } from '../types';

/** Subtotal and total of a priced line (price_exclude percent/fixed taxes, rounded per line). */
export function lineAmounts(
  env: Env,
  quantity: number,
  priceUnit: number,
  discount: number,
  taxIds: readonly number[],
): { subtotal: number; tax: number; total: number } {
  const subtotal = roundMoney(quantity * priceUnit * (1 - discount / 100));
  let tax = 0;
  for (const taxId of taxIds) {
    const row = env.store.table('account.tax').get(taxId);
    if (row === undefined) continue;
    const amount = Number(row.amount ?? 0);
    if (row.amount_type === 'fixed') tax += roundMoney(amount * quantity);
    else if (row.price_include === true)
      tax += roundMoney(subtotal - subtotal / (1 + amount / 100));
    else tax += roundMoney((subtotal * amount) / 100);
  }
  const included = taxIds.some(
    (id) => env.store.table('account.tax').get(id)?.price_include === true,
  );
  const base = included ? roundMoney(subtotal - tax) : subtotal;
  return { subtotal: base, tax: roundMoney(tax), total: roundMoney(base + tax) };
}

/** Converts a quantity between units of measure through their factors (Odoo's `_compute_quantity`). */
export function convertUom(env: Env, quantity: number, from: unknown, to: unknown): number {
  if (from === to || typeof from !== 'number' || typeof to !== 'number') return quantity;
  const table = env.store.table('uom.uom');
  const fromFactor = Number(table.get(from)?.factor ?? 1) || 1;
  const toFactor = Number(table.get(to)?.factor ?? 1) || 1;
  return (quantity / fromFactor) * toFactor;
}

/** True when a unit of measure measures time (the Hours/Days category). */
export function isTimeUom(env: Env, uom: unknown): boolean {
  if (typeof uom !== 'number') return false;
  const row = env.store.table('uom.uom').get(uom);
  if (row === undefined) return false;
  if (env.profile.odooVersion >= 19) return /hour|day/i.test(String(row.name));
  const category =
    typeof row.category_id === 'number'
      ? env.store.table('uom.category').get(row.category_id)
      : undefined;
  return /time/i.test(String(category?.name ?? ''));
}
