/**
 * zod building blocks for Odoo's value quirks (odoo-rpc.md §3.4, odoo-verified.md "Behaviour"):
 * empty values come back as `false`, many2one as `[id, "display name"]`, x2many as id lists,
 * datetimes as naive UTC "YYYY-MM-DD HH:MM:SS".
 */
import { z } from 'zod';

export interface Many2one {
  readonly id: number;
  readonly name: string;
}

const RecordId = z.number().int().positive();

/** many2one `[id, name] | false` → `{id, name} | null`. */
export const many2one = z
  .union([z.tuple([RecordId, z.string()]), z.literal(false)])
  .transform((value): Many2one | null =>
    value === false ? null : { id: value[0], name: value[1] },
  );

/** A many2one Odoo must always fill (e.g. `company_id`). */
export const requiredMany2one = z
  .tuple([RecordId, z.string()])
  .transform((value): Many2one => ({ id: value[0], name: value[1] }));

/** one2many / many2many: a list of ids. */
export const x2many = z.array(RecordId);

/** char/text/html that may be empty: `false` → `null`. */
export const optionalText = z
  .union([z.string(), z.literal(false)])
  .transform((value) => (value === false ? null : value));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A calendar date "YYYY-MM-DD". */
export const date = z.string().regex(DATE, 'expected a date "YYYY-MM-DD"');
/** A date that may be empty: `false` → `null`. */
export const optionalDate = z
  .union([date, z.literal(false)])
  .transform((value) => (value === false ? null : value));
/** A naive UTC datetime "YYYY-MM-DD HH:MM:SS". */
export const datetime = z.string().regex(DATETIME, 'expected a datetime "YYYY-MM-DD HH:MM:SS"');
/** A datetime that may be empty: `false` → `null`. */
export const optionalDatetime = z
  .union([datetime, z.literal(false)])
  .transform((value) => (value === false ? null : value));

/** A selection with known keys that may be empty: `false` → `null`. */
export function optionalSelection<const T extends readonly [string, ...string[]]>(keys: T) {
  return z
    .union([z.enum(keys), z.literal(false)])
    .transform((value) => (value === false ? null : value));
}

/** A field that only some versions or editions have: absent → `null`. */
export function absentAsNull<T extends z.ZodType>(schema: T) {
  return schema.optional().transform((value) => value ?? null);
}
