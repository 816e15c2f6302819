/**
 * The period scenario with its agreements stated four ways at once: as partner tags (the demo's),
 * as OCA contracts, as sale orders and as internal references for a static list. Every source gives
 * the same tiers on every day of January 2026, so each must plan exactly what the tags plan.
 * Records that must not count (a cancelled contract line, a purchase contract, a quotation, a
 * cancelled order, an agreement that starts in March) sit on Plain AB, whose plan is On Demand.
 */
import type { AgreementsConfig, TierSourceConfig } from '../../../src/config/agreements.schema';
import type { InvoicePlan } from '../../../src/domain/plan-types';
import type { SandboxSeed, SeedStep } from '../../../src/sandbox/seed';
import { ref, type HelpdeskEdition } from '../../../src/sandbox/seed-steps';
import type { Sandbox } from '../../../src/sandbox/server';
import { planPeriod, type PeriodPlan } from '../../../src/sync/plan-period';
import { readPeriod, type ReadPeriodConfig } from '../../../src/sync/read-period';
import { localDate, period } from '../../../src/domain/types';
import { syncPeriod } from '../../../src/sync/sync-period';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, shippedConfig } from './connect';
import { periodScenario } from './period-scenario';

/** Agreement products by tier, as `sources.tier.products` names them. */
export const AGREEMENT_PRODUCTS = {
  on_demand: ['AGR-ONDEMAND'],
  patch: ['AGR-PATCH'],
  maintenance: ['AGR-MAINT'],
};

/** Internal references of the scenario's customers. */
const REFS: Record<string, string> = {
  acme: 'ACME',
  nordpatch: 'NORDIC',
  fjord: 'FJORD',
  mono: 'MONO',
  plain: 'PLAIN',
};

function product(code: string, name: string, price: number): SeedStep {
  return {
    model: 'product.product',
    ref: `product_${code.toLowerCase().replace(/-/g, '_')}`,
    values: {
      name,
      default_code: code,
      type: 'service',
      list_price: price,
      invoice_policy: 'order',
      service_type: 'manual',
    },
  };
}

const productRef = (tier: keyof typeof AGREEMENT_PRODUCTS) =>
  ref(`product_${AGREEMENT_PRODUCTS[tier][0]?.toLowerCase().replace(/-/g, '_') ?? ''}`);

interface LineSpec {
  readonly tier: keyof typeof AGREEMENT_PRODUCTS;
  readonly price: number;
  readonly from: string;
  readonly to?: string;
  readonly rule?: 'monthly' | 'yearly';
  readonly canceled?: boolean;
}

function contract(key: string, partner: string, lines: LineSpec[], type = 'sale'): SeedStep {
  return {
    model: 'contract.contract',
    ref: `contract_${key}`,
    values: {
      name: `Support ${key}`,
      code: `C-${key.toUpperCase()}`,
      partner_id: ref(partner),
      contract_type: type,
      contract_line_ids: lines.map((line) => [
        0,
        0,
        {
          product_id: productRef(line.tier),
          name: line.tier,
          specific_price: line.price,
          date_start: line.from,
          date_end: line.to ?? false,
          recurring_rule_type: line.rule ?? 'monthly',
          is_canceled: line.canceled ?? false,
        },
      ]),
    },
  };
}

function order(
  key: string,
  partner: string,
  date: string,
  lines: Pick<LineSpec, 'tier' | 'price'>[],
): SeedStep {
  return {
    model: 'sale.order',
    ref: `order_${key}`,
    values: {
      partner_id: ref(partner),
      date_order: `${date} 09:00:00`,
      order_line: lines.map((line) => [
        0,
        0,
        { product_id: productRef(line.tier), price_unit: line.price, product_uom_qty: 1 },
      ]),
    },
  };
}

/** Confirms orders, then writes back each one's own date: confirming stamps today over it. */
const confirm = (dates: Readonly<Record<string, string>>): SeedStep[] => [
  { model: 'sale.order', call: 'action_confirm', on: Object.keys(dates).map((k) => `order_${k}`) },
  ...Object.entries(dates).map(([key, date]): SeedStep => ({
    model: 'sale.order',
    write: `order_${key}`,
    values: { date_order: `${date} 09:00:00` },
  })),
];

/** The period scenario plus Quiet AB (Patch, no work) and the agreements of every source. */
export function agreementSourcesScenario(edition: HelpdeskEdition = 'oca'): SandboxSeed {
  const base = periodScenario(0, edition);
  const records: SeedStep[] = [
    ...(base.records ?? []),
    {
      model: 'res.partner',
      ref: 'quiet',
      values: {
        name: 'Quiet AB',
        is_company: true,
        ref: 'QUIET',
        category_id: [[6, 0, [ref('tag_patch_agreement')]]],
      },
    },
    ...Object.entries(REFS).map(([key, value]): SeedStep => ({
      model: 'res.partner',
      write: key,
      values: { ref: value },
    })),
    product('AGR-ONDEMAND', 'On Demand', 0),
    product('AGR-PATCH', 'Patch Agreement', 495),
    product('AGR-MAINT', 'Maintenance and Support Agreement', 1200),

    contract('acme', 'acme_jane', [{ tier: 'on_demand', price: 0, from: '2025-01-01' }]),
    contract('nordic', 'nordpatch', [{ tier: 'patch', price: 495, from: '2025-03-01' }]),
    contract('fjord', 'fjord', [
      { tier: 'patch', price: 495, from: '2025-05-01' },
      { tier: 'maintenance', price: 1200, from: '2025-05-01' },
      { tier: 'maintenance', price: 1100, from: '2024-01-01', to: '2024-12-31' },
    ]),
    contract('mono', 'mono', [{ tier: 'maintenance', price: 1200, from: '2025-09-01' }]),
    contract('quiet', 'quiet', [
      { tier: 'patch', price: 5940, from: '2025-01-01', rule: 'yearly' },
    ]),
    contract('plain', 'plain', [
      { tier: 'patch', price: 495, from: '2025-01-01', canceled: true },
      { tier: 'maintenance', price: 1200, from: '2026-03-01' },
    ]),
    contract(
      'plain_purchase',
      'plain',
      [{ tier: 'patch', price: 495, from: '2025-01-01' }],
      'purchase',
    ),

    order('acme', 'acme_jane', '2025-01-02', [{ tier: 'on_demand', price: 0 }]),
    order('nordic', 'nordpatch', '2025-03-01', [{ tier: 'patch', price: 495 }]),
    order('fjord', 'fjord', '2025-05-01', [
      { tier: 'patch', price: 495 },
      { tier: 'maintenance', price: 1200 },
    ]),
    order('mono', 'mono', '2025-09-01', [{ tier: 'maintenance', price: 1200 }]),
    order('quiet', 'quiet', '2025-01-01', [{ tier: 'patch', price: 495 }]),
    order('plain_quote', 'plain', '2025-01-01', [{ tier: 'patch', price: 495 }]),
    order('plain_cancelled', 'plain', '2025-01-01', [{ tier: 'maintenance', price: 1200 }]),
    ...confirm({
      acme: '2025-01-02',
      nordic: '2025-03-01',
      fjord: '2025-05-01',
      mono: '2025-09-01',
      quiet: '2025-01-01',
      plain_cancelled: '2025-01-01',
    }),
    { model: 'sale.order', call: 'action_cancel', on: ['order_plain_cancelled'] },
  ];
  return { base: 'demo', records };
}

/** The static list of the scenario: by internal reference, Nordic Patch by id. */
export function staticSource(sandbox: Sandbox): TierSourceConfig {
  const entry = (customer: number | string, tier: string, validFrom: string | null = null) => ({
    customer,
    tier,
    validFrom,
    validTo: null,
  });
  return {
    kind: 'static',
    agreements: [
      entry('ACME', 'on_demand'),
      entry(sandbox.store.ref('nordpatch'), 'patch', '2025-03-01'),
      entry('FJORD', 'patch'),
      entry('FJORD', 'maintenance', '2025-05-01'),
      entry('MONO', 'maintenance'),
      entry('QUIET', 'patch'),
      entry('PLAIN', 'maintenance', '2026-03-01'),
    ],
  };
}

/** A read config whose agreements come from `source` instead of the partner tags. */
export function withSource(config: ReadPeriodConfig, source: TierSourceConfig): ReadPeriodConfig {
  return { ...config, sources: { ...config.sources, tier: source } };
}

/** The same change on a whole agreements config (for tally setup). */
export function configWithSource(
  config: AgreementsConfig,
  source: TierSourceConfig,
): AgreementsConfig {
  return { ...config, sources: { ...config.sources, tier: source } };
}

/** An agreement id as review reasons quote it, e.g. `oca_contract:6:maintenance`. */
const AGREEMENT_ID = /\b(?:partner_tags|oca_contract|sale_order|static):[\w:]+/g;

/** A reason without the agreement ids of one source, so sources can be compared. */
const reason = (text: string) => text.replace(AGREEMENT_ID, '<agreement>');

/**
 * What a plan bills and why, without the agreement ids that name each source's own records:
 * every invoice line, the totals, pack balances, events, review items and the decisions' tiers.
 */
function comparable(plan: InvoicePlan) {
  const codes = (problems: readonly { code: string }[]) => problems.map((problem) => problem.code);
  return {
    sections: plan.sections,
    feeLines: plan.feeLines,
    totals: plan.totals,
    packBalances: plan.packBalances,
    events: plan.events,
    reviewItems: plan.reviewItems.map((item) => ({
      ...item,
      reason: reason(item.reason),
      problems: codes(item.problems),
    })),
    problems: codes(plan.problems),
    decisions: plan.decisions.map((decision) => ({
      lineId: decision.lineId,
      category: decision.category,
      coverage: decision.coverage,
      tier: decision.tier,
      reason: reason(decision.reason),
      problems: codes(decision.problems),
    })),
  };
}

/** Every customer's plan in comparable form, by customer name. */
function comparablePlans(result: PeriodPlan) {
  return Object.fromEntries(
    result.plans.map((entry) => [entry.customer.name, comparable(entry.plan)]),
  );
}

/** Syncs January on a sandbox with `config` and returns what Tally wrote there (reasons as above). */
export async function syncJanuary(sandbox: Sandbox, config: ReadPeriodConfig) {
  installTallyFields(sandbox);
  const client = await connectTo(sandbox);
  try {
    const result = await syncPeriod(client, config, {
      period: period('2026-01'),
      today: localDate('2026-02-03'),
    });
    const state = tallyState(sandbox);
    const timesheets = state.timesheets.map((line) => ({
      ...line,
      reason: typeof line.reason === 'string' ? reason(line.reason) : line.reason,
    }));
    return { result, invoices: state.invoices, timesheets };
  } finally {
    await client.close();
  }
}

/** Reads and plans January on a sandbox with `config`, for all customers or one. */
export async function planJanuary(sandbox: Sandbox, config: ReadPeriodConfig, customerId?: number) {
  const client = await connectTo(sandbox);
  try {
    const facts = await readPeriod(client, config, {
      period: period('2026-01'),
      ...(customerId === undefined ? {} : { customerId }),
    });
    return { facts, plan: planPeriod(facts, config.settings) };
  } finally {
    await client.close();
  }
}

/** The customers of the scenario's January: with work, or with an agreement (Quiet AB). */
const CUSTOMERS = [
  'Acme AB',
  'Fjord Maintenance AB',
  'Mono AB',
  'Nordic Patch AB',
  'Plain AB',
  'Quiet AB',
];

/** Expects `config` to plan January on `sandbox` exactly as the partner tags do. */
export async function expectPlansLikeTags(sandbox: Sandbox, config: ReadPeriodConfig) {
  const fromTags = await planJanuary(sandbox, shippedConfig());
  const fromSource = await planJanuary(sandbox, config);
  expect(Object.keys(comparablePlans(fromSource.plan)).sort()).toEqual(CUSTOMERS);
  expect(comparablePlans(fromSource.plan)).toEqual(comparablePlans(fromTags.plan));
  expect(fromSource.plan.problems).toEqual([]);
}

/** Expects reading Quiet AB (no work, an agreement) alone to plan it as reading everyone does. */
export async function expectFeeOnlyCustomerAlone(sandbox: Sandbox, config: ReadPeriodConfig) {
  const all = await planJanuary(sandbox, config);
  const quiet = all.plan.plans.find((entry) => entry.customer.name === 'Quiet AB');
  const single = await planJanuary(sandbox, config, Number(quiet?.customer.id));
  expect(single.plan.plans.map((entry) => entry.customer.name)).toEqual(['Quiet AB']);
  expect(single.plan.plans[0]?.plan).toEqual(quiet?.plan);
}

/** The lines of Quiet AB's draft: its monthly Patch fee alone. */
export function feeOnlyDraft(quiet: number, fee: number) {
  return [
    [`tally:v1:${quiet}:2026-01:-:section:fees`, 'Monthly fees', 0, 0, 0],
    [`tally:v1:${quiet}:2026-01:-:fee:patch`, 'Patch Agreement, monthly fee 2026-01', 1, fee, 0],
  ];
}

/**
 * Syncs January with the partner tags on one sandbox and with `config` on a twin, and expects the
 * same drafts and timesheet marks, Quiet AB's fee-only draft included.
 */
export async function expectDraftsLikeTags(
  viaTags: Sandbox,
  viaSource: Sandbox,
  config: ReadPeriodConfig,
) {
  const expected = await syncJanuary(viaTags, shippedConfig());
  const written = await syncJanuary(viaSource, config);
  expect(written.result.problems).toEqual([]);
  expect(written.invoices).toEqual(expected.invoices);
  expect(written.timesheets).toEqual(expected.timesheets);
  const quiet = viaSource.store.ref('quiet');
  expect(written.invoices.find((invoice) => invoice.customer === quiet)?.lines).toEqual(
    feeOnlyDraft(quiet, 495),
  );
}
