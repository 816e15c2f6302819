import { IANAZone } from 'luxon';
import { z } from 'zod';
import { checkAgreementsConfig } from './agreements-checks';

/**
 * Schema of the agreements config (`config/agreements.yaml`, YAML or JSON). Field shapes are
 * checked here; cross-field rules (unknown keys, a tier covering an always-billed category,
 * invalid patterns, money with too many decimals, ...) in `agreements-checks.ts`. Money is a
 * decimal in major units of the company currency, written as a string or a number ("495").
 */

const KEY = /^[a-z][a-z0-9_]*$/;
export const KeySchema = z
  .string()
  .regex(KEY, 'must be lower snake_case, e.g. bug_fix')
  .describe('A category or tier key: lower snake_case.');

export const MoneySchema = z
  .union([z.string().min(1), z.number().nonnegative()])
  .describe('An amount in major units of the company currency, e.g. "495" or "1250.50".');

const names = z.array(z.string().trim().min(1));

export const CategorySchema = z
  .strictObject({
    label: z.string().trim().min(1).describe('Human label, e.g. "Bug fix". Required.'),
    aliases: names.default([]).describe('Other names meaning this category. Default: none.'),
    hourlyRate: MoneySchema.nullable()
      .default(null)
      .describe('Hourly rate for this category. Default: null (the default hourly rate).'),
  })
  .describe('A service category: what a piece of work is.');

export const TierSchema = z
  .strictObject({
    label: z.string().trim().min(1).describe('Human label, e.g. "Patch Agreement". Required.'),
    rank: z.int().describe('Higher rank wins when agreements overlap on a day. Required, unique.'),
    covers: z
      .array(KeySchema)
      .default([])
      .describe('Categories covered at no cost. Default: none.'),
    requires: z
      .array(KeySchema)
      .default([])
      .describe(
        'Tiers that must be active the same day (maintenance requires patch). Default: none.',
      ),
    monthlyFee: MoneySchema.nullable()
      .default(null)
      .describe('Monthly fee; null = no fee line on the invoice. Default: null.'),
  })
  .describe('An agreement tier: what a customer has.');

export const RoundingSchema = z
  .strictObject({
    incrementMinutes: z.int().min(1).max(1440).describe('Round to this many minutes. Required.'),
    scope: z
      .enum(['line', 'request'])
      .default('line')
      .describe('line: round each billable line; request: round the ticket total. Default: line.'),
    mode: z
      .enum(['up', 'nearest'])
      .default('up')
      .describe('up: to the next increment; nearest: halves up. Default: up.'),
  })
  .describe('Rounding of billable time.');

export const NoticesSchema = z
  .strictObject({
    reviewer: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe(
        'Login of the person told of held time on a ticket with no assignee and no team leader. Default: null (the Tally user itself).',
      ),
  })
  .describe('Who hears of what needs a person when the record names nobody.');

const localDate = z.iso.date().describe('A day, YYYY-MM-DD.');

export const BillingSchema = z
  .strictObject({
    hourlyRate: MoneySchema.nullable()
      .default(null)
      .describe('Default hourly rate. Default: null (the hourly product sales price).'),
    minimumPerRequestMinutes: z
      .int()
      .min(0)
      .max(1440)
      .default(30)
      .describe('Minimum billed per request (ticket) across all periods; 0 = none. Default: 30.'),
    rounding: RoundingSchema.nullable().default(null).describe('Default: null (no rounding).'),
    startDate: localDate
      .nullable()
      .default(null)
      .describe(
        'First day Tally bills an agreement: no monthly fee and no coverage before it. Default: null (each agreement from its own start).',
      ),
    feeProration: z
      .enum(['daily', 'none'])
      .default('daily')
      .describe(
        'Monthly fee for a partial month: daily = by days, none = full fee. Default: daily.',
      ),
    authorisationCapHours: z
      .number()
      .positive()
      .nullable()
      .default(null)
      .describe('Billed hours a ticket authorises before approval is needed. Default: null (off).'),
  })
  .describe('How billable time is measured and priced.');

export const PackProductSchema = z
  .strictObject({
    productCode: z.string().trim().min(1).describe('Product internal reference. Required.'),
    hours: z.number().positive().describe('Hours per unit sold. Required.'),
    expiryMonths: z
      .int()
      .positive()
      .nullable()
      .default(null)
      .describe('Months after the order date the pack expires. Default: null (never).'),
  })
  .describe('A prepaid pack product.');

export const PrepaidSchema = z
  .strictObject({
    packs: z.array(PackProductSchema).default([]).describe('Prepaid pack products. Default: none.'),
    lowBalanceThresholdHours: z
      .number()
      .min(0)
      .default(5)
      .describe('Prepaid balance below which staff are told. Default: 5.'),
  })
  .describe('Prepaid support packs.');

const productsPerTier = z
  .record(KeySchema, z.array(z.string().trim().min(1)).min(1))
  .describe('Per tier, the product internal references that mean it.');

export const TierSourceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('partner_tags'),
      tags: z
        .record(KeySchema, z.string().trim().min(1))
        .describe('Per tier, the partner tag name on the commercial partner.'),
      validFrom: localDate
        .nullable()
        .default(null)
        .describe(
          "Day every tag agreement starts (tags carry no dates). Default: null (the customer's creation in Odoo).",
        ),
    }),
    z.strictObject({
      kind: z.literal('oca_contract'),
      products: productsPerTier,
    }),
    z.strictObject({
      kind: z.literal('sale_order'),
      products: productsPerTier,
    }),
    z.strictObject({
      kind: z.literal('static'),
      agreements: z.array(
        z.strictObject({
          customer: z
            .union([z.int().positive(), z.string().trim().min(1)])
            .describe('Commercial partner id, or its internal reference.'),
          tier: KeySchema,
          validFrom: localDate.nullable().default(null).describe('Default: null (always).'),
          validTo: localDate.nullable().default(null).describe('Inclusive. Default: null (open).'),
        }),
      ),
    }),
  ])
  .describe('Where agreement tiers come from.');

export const SourcesSchema = z
  .strictObject({
    tier: TierSourceSchema.prefault({
      kind: 'partner_tags',
      tags: {
        on_demand: 'On Demand',
        patch: 'Patch Agreement',
        maintenance: 'Maintenance and Support Agreement',
      },
    }).describe(
      'Default: partner tags "On Demand", "Patch Agreement", "Maintenance and Support Agreement".',
    ),
    hourlyProductCode: z
      .string()
      .trim()
      .min(1)
      .default('SUPPORT-HOUR')
      .describe('Product of billed-hour invoice lines. Default: SUPPORT-HOUR.'),
  })
  .describe('Where things come from in Odoo.');

export const LinePrefixesSchema = z
  .strictObject({
    unknown: z
      .enum(['hold', 'ticket'])
      .default('hold')
      .describe(
        'A line starting with [text] that is not a category: hold = held for review; ticket = the ticket decides its category. Reported either way, with the closest label. Default: hold.',
      ),
    ignore: names
      .default([])
      .describe(
        'Bracket texts at the start of a line that are no category and no mistake, e.g. WIP. Default: none.',
      ),
  })
  .describe('What the [category] a timesheet description starts with may be.');

const patterns = z.array(z.string().min(1)).min(1);
export const RuleSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, "_", "." or "-"')
      .describe('Unique rule id, shown in every decision it makes. Required.'),
    category: KeySchema.describe('The category this rule assigns. Required.'),
    when: z
      .strictObject({
        ticketCategory: names.min(1).optional().describe('Ticket category names.'),
        ticketType: names.min(1).optional().describe('Ticket type names.'),
        ticketTags: names.min(1).optional().describe('Any of these ticket tags.'),
        team: names.min(1).optional().describe('Helpdesk team names.'),
        keywords: patterns
          .optional()
          .describe('Regexes (case-insensitive) on ticket name/description.'),
        lineKeywords: patterns
          .optional()
          .describe('Regexes (case-insensitive) on the line description.'),
      })
      .describe('All given conditions must hold; any value of one condition matches.'),
  })
  .describe('A classification rule; rules apply in order and the first match wins.');

export const AgreementsConfigSchema = z
  .strictObject({
    version: z.literal(1).default(1).describe('Config format version. Default: 1.'),
    currencyDecimals: z
      .int()
      .min(0)
      .max(4)
      .default(2)
      .describe('Decimals of the company currency (minor units). Default: 2.'),
    timeZone: z
      .string()
      .trim()
      .refine(
        (zone) => IANAZone.isValidZone(zone),
        'must be an IANA time zone, e.g. Europe/Stockholm',
      )
      .nullable()
      .default(null)
      .describe(
        "The company's time zone for periods and dates. Default: null (the Tally user's tz in Odoo, else Europe/Stockholm).",
      ),
    categories: z.record(KeySchema, CategorySchema).describe('Service categories. Required.'),
    alwaysBilled: z
      .array(KeySchema)
      .default([])
      .describe('Always billed categories. Default: none.'),
    tiers: z.record(KeySchema, TierSchema).describe('Agreement tiers. Required.'),
    defaultTier: KeySchema.nullable()
      .default('on_demand')
      .describe('Tier without an agreement; null = such work is a problem. Default: on_demand.'),
    billing: BillingSchema.prefault({}),
    prepaid: PrepaidSchema.prefault({}),
    notices: NoticesSchema.prefault({}),
    sources: SourcesSchema.prefault({}),
    rules: z.array(RuleSchema).default([]).describe('Classification rules. Default: none.'),
    linePrefixes: LinePrefixesSchema.prefault({}),
  })
  .superRefine(checkAgreementsConfig, { when: () => true })
  .describe('Agreements config: categories, tiers, billing, prepaid packs, sources, rules.');

export type AgreementsConfig = z.infer<typeof AgreementsConfigSchema>;
export type TierSourceConfig = z.infer<typeof TierSourceSchema>;
export type SourcesConfig = z.infer<typeof SourcesSchema>;
