import { where } from '../../odoo/filter';
import { MODELS } from '../../odoo/models';
import { PRODUCT_FIELDS, ProductSchema, type Product } from '../../odoo/records/product';
import type { SyncProblem } from '../map/mapped';
import { searchAllParsed, type OdooReader } from './odoo-reader';

/** Products by internal reference (`default_code`), in one paged search; the first id wins a tie. */
export async function readProductsByCode(
  reader: OdooReader,
  codes: readonly string[],
): Promise<{ byCode: Map<string, Product>; problems: SyncProblem[] }> {
  const parsed = await searchAllParsed(
    reader,
    { model: MODELS.product, schema: ProductSchema, fields: PRODUCT_FIELDS },
    where('default_code', 'in', [...new Set(codes)]),
  );
  const byCode = new Map<string, Product>();
  for (const product of parsed.records) {
    if (product.default_code !== null && !byCode.has(product.default_code))
      byCode.set(product.default_code, product);
  }
  return { byCode, problems: parsed.problems };
}
