/** product.product, mainly to spot prepaid-hour services (odoo-rpc.md §4.4; 18 merged product types). */
import { z } from 'zod';
import { absentAsNull, many2one, optionalSelection, optionalText, x2many } from './odoo-values';

export const ProductSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  default_code: optionalText,
  /** `consu`/`service`/`combo` from 18; 16/17 also `product`. */
  type: z.string(),
  invoice_policy: absentAsNull(optionalSelection(['order', 'delivery'])),
  service_type: absentAsNull(optionalText),
  list_price: z.number(),
  uom_id: many2one,
  /** Customer taxes; Tally gives the monthly fee lines the hourly product's. */
  taxes_id: absentAsNull(x2many).transform((ids) => ids ?? []),
});

export type Product = z.infer<typeof ProductSchema>;

export const PRODUCT_FIELDS = Object.keys(ProductSchema.shape).filter((field) => field !== 'id');
