import { MODELS } from '../../odoo/models';
import { PARTNER_FIELDS, PartnerSchema, type Partner } from '../../odoo/records/partner';
import type { SyncProblem } from '../map/mapped';
import { readByIdsParsed, type OdooReader, type ReadSpec } from './odoo-reader';

/** How res.partner is read everywhere in the period reader. */
export const PARTNER_SPEC: ReadSpec<Partner> = {
  model: MODELS.partner,
  schema: PartnerSchema,
  fields: PARTNER_FIELDS,
};

/**
 * The partners one period read has seen, so each is read once: `ensure` reads the missing ids in
 * one batched call per 200 ids. Lives for one run only.
 */
export class PartnerDirectory {
  private readonly partners = new Map<number, Partner>();
  readonly problems: SyncProblem[] = [];

  constructor(private readonly reader: OdooReader) {}

  /** Reads the partners not seen yet. */
  async ensure(ids: readonly number[]): Promise<void> {
    const missing = ids.filter((id) => !this.partners.has(id));
    if (missing.length === 0) return;
    const parsed = await readByIdsParsed(this.reader, PARTNER_SPEC, missing);
    for (const partner of parsed.records) this.partners.set(partner.id, partner);
    this.problems.push(...parsed.problems);
  }

  /** Adds partners read by another query. */
  remember(partners: readonly Partner[]): void {
    for (const partner of partners) this.partners.set(partner.id, partner);
  }

  get(id: number): Partner | undefined {
    return this.partners.get(id);
  }

  /** The commercial partner id of a partner already read. */
  commercialPartnerOf(id: number): number | undefined {
    return this.partners.get(id)?.commercial_partner_id?.id ?? this.partners.get(id)?.id;
  }
}
