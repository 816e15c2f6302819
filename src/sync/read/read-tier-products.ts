import type { TierKey } from '../../domain/types';
import { tierKey } from '../../domain/types';
import { SyncSetupError } from '../errors';
import type { SyncProblem } from '../map/mapped';
import type { OdooReader } from './odoo-reader';
import { readProductsByCode } from './read-products';

/** Per tier, the internal references of the products that sell it (`sources.tier.products`). */
export type TierProducts = Readonly<Record<string, readonly string[]>>;

/**
 * The tiers each agreement product means, by product id: one product may mean several tiers (a
 * bundle). A code without a product is left to `tally setup` to report, but when none of them
 * exists no agreement could ever be found, which is a setup error rather than a month of work
 * billed as if no customer had an agreement.
 */
export async function readTierProducts(
  reader: OdooReader,
  products: TierProducts,
): Promise<{ tiersOf: Map<number, TierKey[]>; problems: SyncProblem[] }> {
  const codes = Object.values(products).flat();
  const found = await readProductsByCode(reader, codes);
  const tiersOf = new Map<number, TierKey[]>();
  for (const [tier, tierCodes] of Object.entries(products)) {
    for (const code of new Set(tierCodes)) {
      const product = found.byCode.get(code);
      if (product === undefined) continue;
      const tiers = tiersOf.get(product.id) ?? [];
      if (!tiers.includes(tierKey(tier))) tiers.push(tierKey(tier));
      tiersOf.set(product.id, tiers);
    }
  }
  if (tiersOf.size === 0) {
    throw new SyncSetupError(
      `No product has any of the internal references ${[...new Set(codes)].join(', ')} that sources.tier.products names: create the agreement products in Odoo or correct the config.`,
      { details: { productCodes: [...new Set(codes)] } },
    );
  }
  return { tiersOf, problems: found.problems };
}
