/**
 * Values as Odoo wants them on the wire, the same for every transport:
 * - `undefined` object keys are dropped: node-xmlrpc would send them as `""` (odoo-rpc.md §6.1);
 * - a JS `Date` becomes Odoo's naive UTC format "YYYY-MM-DD HH:MM:SS" (odoo-rpc.md §3.4): node-xmlrpc
 *   would send local time without an offset and JSON would send an ISO string Odoo rejects.
 */
export function toWireValue(value: unknown): unknown {
  if (value instanceof Date) return formatOdooDatetime(value);
  if (Array.isArray(value))
    return value.map((item) => (item === undefined ? null : toWireValue(item)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = toWireValue(item);
    }
    return out;
  }
  return value;
}

/** `2024-05-02 08:14:03` in UTC, the only datetime format Odoo accepts and answers. */
export function formatOdooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
