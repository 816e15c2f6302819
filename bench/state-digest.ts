import { createHash } from 'node:crypto';
import type { Sandbox } from '../src/sandbox/server';

/**
 * What a sync leaves in Odoo, by value: keyed invoice lines (by key, with their timesheets),
 * timesheet marks, ticket review notes and pack deliveries. Record ids of invoices and their lines
 * are left out: two strategies may create them in another order and still do the same job.
 */
const DIGESTED: readonly { model: string; domain: unknown[]; fields: string[]; by: string }[] = [
  {
    model: 'account.move.line',
    domain: [['x_tally_key', '!=', false]],
    fields: ['x_tally_key', 'name', 'quantity', 'price_unit', 'discount', 'x_tally_timesheet_ids'],
    by: 'x_tally_key',
  },
  {
    model: 'account.analytic.line',
    domain: [],
    fields: ['x_tally_category', 'x_tally_coverage', 'x_tally_reason'],
    by: 'id',
  },
  { model: 'helpdesk.ticket', domain: [], fields: ['x_tally_review'], by: 'id' },
  { model: 'sale.order.line', domain: [], fields: ['qty_delivered'], by: 'id' },
];

/** A digest of the sandbox's Tally state, equal for two syncs that did the same job. */
export function stateDigest(sandbox: Sandbox): string {
  const hash = createHash('sha256');
  for (const { model, domain, fields, by } of DIGESTED) {
    const rows = sandbox.store.searchRead(model, domain, fields);
    rows.sort((a, b) => String(a[by]).localeCompare(String(b[by]), 'en', { numeric: true }));
    hash.update(model);
    for (const row of rows) {
      hash.update(JSON.stringify(fields.map((field) => row[field])));
      if (by === 'id') hash.update(String(row.id));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Tally's invoice lines in the sandbox (the ground truth the worker's count is checked against). */
export function keyedInvoiceLines(sandbox: Sandbox): number {
  return sandbox.store.search('account.move.line', [['x_tally_key', '!=', false]]).length;
}
