/**
 * Checks the agreements config against the database: the partner tags that mean each tier, the
 * customers of a static agreements list (each must name one customer, as the sync requires), and
 * the ticket categories, types, tags and teams the classification rules name. Products, including
 * the agreement products of contract and sale-order sources, are checked in `ensure-products.ts`.
 */
import { normaliseName } from '../domain';
import { or, where } from '../odoo/filter';
import { isTallyError } from '../shared/errors';
import { MODELS } from '../odoo/models';
import { NamedRecordSchema, type NamedRecord } from '../odoo/records/context-records';
import { many2one } from '../odoo/records/odoo-values';
import { ENTERPRISE_HELPDESK_FIELDS } from '../odoo/profiles/enterprise-helpdesk';
import type { HelpdeskEdition } from '../odoo/profiles/field-profile';
import { OCA_HELPDESK_FIELDS } from '../odoo/profiles/oca-helpdesk-mgmt';
import {
  IrModelRowSchema,
  PartnerRefRowSchema,
  SETUP_MODELS,
  WITH_ARCHIVED,
  searchAll,
} from './records';
import type { SetupStep } from './setup-step';

const AREA = 'config';

type Condition = 'ticketCategory' | 'ticketType' | 'ticketTags' | 'team';

interface ConditionTarget {
  readonly what: string;
  readonly plural: string;
  /** Null when this helpdesk has no such records. */
  readonly model: string | null;
}

/** Where each rule condition's names live, per helpdesk (odoo-rpc.md §4.1; types left in 18). */
function targets(edition: HelpdeskEdition, hasTypes: boolean): Record<Condition, ConditionTarget> {
  const oca = edition === 'oca';
  return {
    ticketCategory: {
      what: 'ticket category',
      plural: 'ticket categories',
      model: oca ? 'helpdesk.ticket.category' : null,
    },
    ticketType: {
      what: 'ticket type',
      plural: 'ticket types',
      model: hasTypes ? 'helpdesk.ticket.type' : null,
    },
    ticketTags: {
      what: 'ticket tag',
      plural: 'ticket tags',
      model: oca ? 'helpdesk.ticket.tag' : 'helpdesk.tag',
    },
    team: {
      what: 'helpdesk team',
      plural: 'helpdesk teams',
      model: oca ? OCA_HELPDESK_FIELDS.teamModel : ENTERPRISE_HELPDESK_FIELDS.teamModel,
    },
  };
}

const NAMES = { schema: NamedRecordSchema, fields: ['name'] } as const;

async function names(step: SetupStep, model: string): Promise<Set<string>> {
  const rows = await searchAll(step.client, { model, ...NAMES }, [], WITH_ARCHIVED);
  return new Set(rows.map((row) => normaliseName(row.name)));
}

async function checkTierTags(
  step: SetupStep,
  tags: Readonly<Record<string, string>>,
): Promise<void> {
  const rows: NamedRecord[] = await searchAll(
    step.client,
    { model: MODELS.partnerTag, ...NAMES },
    where('name', 'in', Object.values(tags)),
  );
  for (const [tier, tag] of Object.entries(tags)) {
    const found = rows.find((row) => row.name === tag);
    const label = step.config.tiers[tier]?.label ?? tier;
    if (found !== undefined) {
      step.log.ok(
        AREA,
        `tag:${tier}`,
        `The partner tag "${tag}" marks ${label} customers (id ${found.id}).`,
      );
    } else if (tier === step.config.defaultTier) {
      step.log.ok(
        AREA,
        `tag:${tier}`,
        `No partner tag is named "${tag}"; customers without a tier tag have the ${label} anyway (defaultTier).`,
      );
    } else if (step.options.createProducts && !step.options.dryRun) {
      await createTag(step, tier, tag, label);
    } else {
      const message = `No partner tag is named "${tag}", so no customer can be given the ${label} (sources.tier.tags.${tier}).`;
      // Here --create-products means a dry run, which would create the tag: nothing to fix by hand.
      if (step.options.createProducts)
        step.log.pending(
          AREA,
          `tag:${tier}`,
          message,
          'Run tally setup --create-products without --dry-run to create it.',
        );
      else
        step.log.fail(
          AREA,
          `tag:${tier}`,
          message,
          `Create the tag "${tag}" (Contacts → Configuration → Tags) and put it on those customers, or correct sources.tier.tags.${tier}; tally setup --create-products creates it.`,
        );
    }
  }
}

/** A fresh database has no agreement tags (odoo-verified.md): --create-products makes them. */
async function createTag(step: SetupStep, tier: string, tag: string, label: string): Promise<void> {
  try {
    const [id = 0] = await step.client.model(MODELS.partnerTag).create([{ name: tag }]);
    step.log.ok(
      AREA,
      `tag:${tier}`,
      `Created the partner tag "${tag}" (id ${id}): put it on the ${label} customers.`,
    );
    step.log.changed({ action: 'created', model: MODELS.partnerTag, id, name: tag });
  } catch (error) {
    if (!isTallyError(error)) throw error;
    step.log.fail(
      AREA,
      `tag:${tier}`,
      `Odoo refused the partner tag "${tag}": ${error.userMessage}`,
      `Create the tag "${tag}" (Contacts → Configuration → Tags), then run tally setup again.`,
    );
  }
}

/** A contact as a static agreement names it, with the customer (commercial partner) it bills. */
const StaticCustomerRowSchema = PartnerRefRowSchema.extend({ commercial_partner_id: many2one });

async function checkStaticCustomers(
  step: SetupStep,
  customers: readonly (number | string)[],
): Promise<void> {
  const ids = customers.filter((c): c is number => typeof c === 'number');
  const refs = customers.filter((c): c is string => typeof c === 'string');
  const rows = await searchAll(
    step.client,
    {
      model: MODELS.partner,
      schema: StaticCustomerRowSchema,
      fields: ['ref', 'commercial_partner_id'],
    },
    or(where('id', 'in', ids), where('ref', 'in', refs)),
    WITH_ARCHIVED,
  );
  for (const customer of new Set(customers)) {
    const matches = rows.filter(
      (row) => (typeof customer === 'number' ? row.id : row.ref) === customer,
    );
    const billed = new Set(matches.map((row) => row.commercial_partner_id?.id ?? row.id));
    const what =
      typeof customer === 'number' ? `id ${customer}` : `internal reference "${customer}"`;
    if (billed.size === 1) {
      step.log.ok(
        AREA,
        `customer:${customer}`,
        `The static agreements customer with ${what} exists.`,
      );
    } else if (billed.size > 1) {
      step.log.fail(
        AREA,
        `customer:${customer}`,
        `Contacts of ${billed.size} different customers have the ${what} named in sources.tier.agreements, so the sync cannot tell which holds the agreement.`,
        'Give each customer its own internal reference, or name the customer by id.',
      );
    } else {
      step.log.fail(
        AREA,
        `customer:${customer}`,
        `No contact has the ${what} named in sources.tier.agreements.`,
        'Correct the customer in the agreements config, or set that internal reference on the customer.',
      );
    }
  }
}

async function hasTicketTypes(step: SetupStep): Promise<boolean> {
  const rows = await searchAll(
    step.client,
    { model: SETUP_MODELS.model, schema: IrModelRowSchema, fields: ['model'] },
    where('model', '=', 'helpdesk.ticket.type'),
  );
  return rows.length > 0;
}

async function checkRules(step: SetupStep, edition: HelpdeskEdition): Promise<void> {
  const rules = step.config.rules;
  const conditions = (['ticketCategory', 'ticketType', 'ticketTags', 'team'] as const).filter((c) =>
    rules.some((rule) => rule.when[c] !== undefined),
  );
  if (conditions.length === 0) return;
  const targetOf = targets(
    edition,
    conditions.includes('ticketType') && (await hasTicketTypes(step)),
  );
  const known = new Map<Condition, Set<string>>();
  for (const condition of conditions) {
    const model = targetOf[condition].model;
    if (model !== null) known.set(condition, await names(step, model));
  }
  rules.forEach((rule, index) => {
    for (const condition of conditions) {
      const wanted = rule.when[condition];
      if (wanted === undefined) continue;
      const id = `rule:${rule.id}:${condition}`;
      const path = `rules[${index}].when.${condition}`;
      const { what, plural, model } = targetOf[condition];
      const have = known.get(condition);
      if (model === null || have === undefined) {
        step.log.fail(
          AREA,
          id,
          `Rule ${rule.id} matches on ${plural}, which this helpdesk does not have.`,
          `Match on ticketTags instead (${path}).`,
        );
        continue;
      }
      const unknown = wanted.filter((name) => !have.has(normaliseName(name)));
      if (unknown.length === 0)
        step.log.ok(AREA, id, `Rule ${rule.id}: every ${what} it names exists.`);
      else
        step.log.fail(
          AREA,
          id,
          `Rule ${rule.id} names ${unknown.map((n) => `"${n}"`).join(', ')}, but no ${what} (${model}) is named so.`,
          `Create the ${what} in the Helpdesk configuration, or correct ${path}.`,
        );
    }
  });
}

/** Checks the names the agreements config relies on against the database. */
export async function validateConfig(step: SetupStep): Promise<void> {
  const tier = step.config.sources.tier;
  if (tier.kind === 'partner_tags') await checkTierTags(step, tier.tags);
  if (tier.kind === 'static')
    await checkStaticCustomers(
      step,
      tier.agreements.map((a) => a.customer),
    );
  if (step.modules.edition !== null) await checkRules(step, step.modules.edition);
}
