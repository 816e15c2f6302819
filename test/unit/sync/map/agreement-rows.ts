/** Raw contract and sale order rows, parsed through the real record schemas. */
import {
  AgreementOrderSchema,
  type AgreementOrder,
} from '../../../../src/odoo/records/agreement-order';
import {
  ContractLineSchema,
  ContractSchema,
  type Contract,
  type ContractLine,
} from '../../../../src/odoo/records/contract';

type Row = Record<string, unknown>;

export function aContract(overrides: Row = {}): Contract {
  return ContractSchema.parse({
    id: 12,
    name: 'Nordic Patch support',
    code: 'C0012',
    partner_id: [44, 'Nordic Patch AB'],
    commercial_partner_id: [44, 'Nordic Patch AB'],
    contract_type: 'sale',
    date_start: '2025-06-01',
    date_end: false,
    active: true,
    ...overrides,
  });
}

export function aContractLine(overrides: Row = {}): ContractLine {
  return ContractLineSchema.parse({
    id: 31,
    contract_id: [12, 'Nordic Patch support'],
    product_id: [8, '[AGR-PATCH] Patch Agreement'],
    name: 'Patch Agreement',
    date_start: '2025-06-01',
    date_end: false,
    price_unit: 495,
    discount: 0,
    recurring_rule_type: 'monthly',
    recurring_interval: 1,
    is_canceled: false,
    display_type: false,
    ...overrides,
  });
}

export function anOrder(overrides: Row = {}): AgreementOrder {
  return AgreementOrderSchema.parse({
    id: 9,
    name: 'S00009',
    date_order: '2025-12-31 23:30:00',
    partner_id: [44, 'Nordic Patch AB'],
    state: 'sale',
    ...overrides,
  });
}
