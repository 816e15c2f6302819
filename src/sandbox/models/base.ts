import { displayName, refOf, storeComputed } from '../env';
import { OdooException, validationError } from '../errors';
import { F } from '../fields';
import { expandGroups, SETTINGS_ONLY } from '../groups';
import { create, write } from '../orm/mutate';
import { profileNames, type SandboxProfile } from '../profile';
import type { Env, ModelSpec } from '../types';
import { groupXmlIds } from '../xmlids';

const ADMIN_ONLY = {
  write: ['base.group_erp_manager'],
  create: ['base.group_erp_manager'],
  unlink: ['base.group_erp_manager'],
};

/** commercial_partner_id: the company above a contact (stored, recomputed down the tree). */
function recomputeCommercial(env: Env, ids: Iterable<number>): void {
  const table = env.store.table('res.partner');
  const queue = [...ids];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const id = queue.shift() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    const row = table.get(id);
    if (row === undefined) continue;
    const parent = refOf(env, 'res.partner', id, 'parent_id');
    const commercial =
      row.is_company === true || parent === undefined
        ? id
        : (refOf(env, 'res.partner', parent, 'commercial_partner_id') ?? parent);
    storeComputed(env, 'res.partner', id, { commercial_partner_id: commercial });
    queue.push(...table.referencing('parent_id', id));
  }
}

function checkRecursion(env: Env, ids: number[], parent: unknown): void {
  let current = typeof parent === 'number' ? parent : undefined;
  const seen = new Set<number>();
  while (current !== undefined && !seen.has(current)) {
    if (ids.includes(current))
      throw validationError('You cannot create recursive Partner hierarchies.');
    seen.add(current);
    current = refOf(env, 'res.partner', current, 'parent_id');
  }
}

/**
 * `res.users.has_group`: whether a user holds the group or a group implying it. On 16 and 17 an
 * `@api.model` method on the caller; from 18 a record method that needs exactly one user
 * (odoo-verified.md, "Verified 2026-12-02").
 */
function hasGroup(env: Env, ids: number[], group: unknown): boolean {
  const onCaller = env.profile.odooVersion <= 17;
  if (!onCaller && ids.length !== 1)
    throw new OdooException('ValueError', `Expected singleton: res.users(${ids.join(', ')})`);
  const uid = onCaller ? env.uid : (ids[0] as number);
  const row = env.store.table('res.users').get(uid);
  const field = profileNames(env.profile).userGroups;
  const groupIds = Array.isArray(row?.[field]) ? (row[field] as number[]) : [];
  return expandGroups(groupXmlIds(env, groupIds)).has(String(group));
}

/** res.partner, res.company, res.currency, res.users, res.groups, uom and partner tags. */
export function baseModels(profile: SandboxProfile): ModelSpec[] {
  const v = profile.odooVersion;
  const names = profileNames(profile);
  return [
    {
      name: 'res.currency',
      description: 'Currency',
      order: 'active desc, name',
      fields: {
        name: F.char('Currency', { required: true }),
        symbol: F.char('Symbol'),
        rounding: F.float('Rounding Factor', { default: () => 0.01 }),
        active: F.bool('Active', { default: () => true }),
      },
    },
    {
      name: 'res.company',
      description: 'Companies',
      order: 'sequence, name',
      access: ADMIN_ONLY,
      fields: {
        name: F.char('Company Name', { required: true }),
        currency_id: F.m2o('res.currency', 'Currency', { required: true }),
        partner_id: F.m2o('res.partner', 'Partner'),
        email: F.char('Email'),
        vat: F.char('Tax ID'),
        sequence: F.int('Sequence', { default: () => 10 }),
        active: F.bool('Active', { default: () => true }),
        ...(profile.helpdesk === 'oca' && v >= 17
          ? {
              helpdesk_mgmt_ticket_auto_assign: F.bool('Auto assign tickets', {
                default: () => true,
              }),
            }
          : {}),
      },
    },
    {
      name: 'res.groups',
      description: 'Access Groups',
      access: ADMIN_ONLY,
      fields: {
        name: F.char('Name', { required: true }),
        category_name: F.char('Application'),
        full_name: F.char('Group Name', {
          compute: (_env, row) =>
            row.category_name ? `${String(row.category_name)} / ${String(row.name)}` : row.name,
        }),
      },
    },
    {
      name: 'res.users',
      description: 'User',
      order: 'name, login',
      access: ADMIN_ONLY,
      fields: {
        name: F.char('Name', { required: true }),
        login: F.char('Login', { required: true }),
        password: F.char('Password', { compute: () => '', store: true }),
        partner_id: F.m2o('res.partner', 'Related Partner', { required: true }),
        company_id: F.m2o('res.company', 'Company', {
          required: true,
          default: (env) => env.companyId,
        }),
        company_ids: F.m2m('res.company', 'Companies'),
        [names.userGroups]: F.m2m('res.groups', 'Groups'),
        email: F.char('Email'),
        tz: F.char('Timezone'),
        lang: F.char('Language', { default: () => 'en_US' }),
        share: F.bool('Share User'),
        active: F.bool('Active', { default: () => true }),
        employee_ids: F.o2m('hr.employee', 'user_id', 'Related employee'),
      },
      hooks: {
        prepareCreate: (env, vals) => {
          if (vals.partner_id === undefined || vals.partner_id === false) {
            vals.partner_id = create({ ...env, su: true }, 'res.partner', [
              { name: vals.name, email: vals.email ?? false },
            ])[0];
          }
          if (vals.company_ids === undefined) vals.company_ids = [[6, 0, [vals.company_id]]];
        },
        afterWrite: (env, ids, vals) => {
          if (typeof vals.name !== 'string') return;
          for (const id of ids) {
            const partner = refOf(env, 'res.users', id, 'partner_id');
            if (partner !== undefined)
              write({ ...env, su: true }, 'res.partner', [partner], { name: vals.name });
          }
        },
      },
      methods: {
        has_group: {
          model: v <= 17,
          params: ['group_ext_id'],
          run: (env, ids, args) => hasGroup(env, ids, args.group_ext_id),
        },
        context_get: {
          model: true,
          params: [],
          run: (env) => ({
            lang: 'en_US',
            tz: env.store.table('res.users').get(env.uid)?.tz || false,
            uid: env.uid,
          }),
        },
      },
    },
    {
      name: 'res.partner.category',
      description: 'Partner Tags',
      fields: {
        name: F.char('Tag Name', { required: true }),
        color: F.int('Color'),
        parent_id: F.m2o('res.partner.category', 'Parent Category'),
        active: F.bool('Active', { default: () => true }),
        partner_ids: F.m2m('res.partner', 'Partners', {
          compute: (env, row) =>
            [...env.store.table('res.partner').containing('category_id', row.id)].sort(
              (a, b) => a - b,
            ),
        }),
      },
    },
    {
      name: 'res.partner',
      description: 'Contact',
      order: 'name, id desc',
      parentName: 'parent_id',
      displayName: (env, row) => {
        const name = typeof row.name === 'string' ? row.name : '';
        const parent = typeof row.parent_id === 'number' ? row.parent_id : undefined;
        if (parent === undefined || row.is_company === true) return name;
        return `${displayName(env, 'res.partner', parent)}, ${name}`;
      },
      fields: {
        name: F.char('Name'),
        complete_name: F.char('Complete Name', {
          compute: (env, row) => displayName(env, 'res.partner', row.id),
        }),
        is_company: F.bool('Is a Company'),
        type: F.sel(['contact', 'invoice', 'delivery', 'other'], 'Address Type', {
          default: () => 'contact',
        }),
        parent_id: F.m2o('res.partner', 'Related Company'),
        child_ids: F.o2m('res.partner', 'parent_id', 'Contact'),
        commercial_partner_id: F.m2o('res.partner', 'Commercial Entity', { readonly: true }),
        category_id: F.m2m('res.partner.category', 'Tags'),
        company_id: F.m2o('res.company', 'Company'),
        user_id: F.m2o('res.users', 'Salesperson'),
        email: F.char('Email'),
        phone: F.char('Phone'),
        ...(v <= 18 ? { mobile: F.char('Mobile') } : {}),
        vat: F.char('Tax ID'),
        ref: F.char('Reference'),
        lang: F.char('Language'),
        tz: F.char('Timezone'),
        street: F.char('Street'),
        city: F.char('City'),
        zip: F.char('Zip'),
        customer_rank: F.int('Customer Rank'),
        supplier_rank: F.int('Supplier Rank'),
        active: F.bool('Active', { default: () => true }),
      },
      hooks: {
        afterCreate: (env, ids) => recomputeCommercial(env, ids),
        beforeWrite: (env, ids, vals) => {
          if ('parent_id' in vals) checkRecursion(env, ids, vals.parent_id);
        },
        afterWrite: (env, ids, vals) => {
          if ('parent_id' in vals || 'is_company' in vals) recomputeCommercial(env, ids);
        },
      },
    },
    ...(v <= 18
      ? [
          {
            name: 'uom.category',
            description: 'Product UoM Categories',
            fields: { name: F.char('Unit of Measure Category', { required: true }) },
          },
        ]
      : []),
    {
      name: 'uom.uom',
      description: 'Product Unit of Measure',
      fields: {
        name: F.char('Unit of Measure', { required: true }),
        ...(v <= 18 ? { category_id: F.m2o('uom.category', 'Category', { required: true }) } : {}),
        ...(v >= 19
          ? {
              relative_factor: F.float('Contains'),
              relative_uom_id: F.m2o('uom.uom', 'Reference Unit'),
            }
          : {
              uom_type: F.sel(['bigger', 'reference', 'smaller'], 'Type', {
                default: () => 'reference',
              }),
            }),
        factor: F.float('Ratio', { default: () => 1 }),
        rounding: F.float('Rounding Precision', { default: () => 0.01 }),
        active: F.bool('Active', { default: () => true }),
      },
    },
    {
      name: 'ir.model.data',
      description: 'Model Data',
      access: SETTINGS_ONLY,
      recName: 'complete_name',
      fields: {
        name: F.char('External Identifier', { required: true }),
        module: F.char('Module', { required: true, default: () => '' }),
        model: F.char('Model Name', { required: true }),
        res_id: F.int('Record ID'),
        noupdate: F.bool('Non Updatable'),
        complete_name: F.char('Complete ID', {
          compute: (_env, row) => `${String(row.module)}.${String(row.name)}`,
        }),
      },
    },
  ];
}
