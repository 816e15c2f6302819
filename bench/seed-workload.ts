/**
 * Puts a generated workload into a fresh sandbox through its in-process store (no HTTP: seeding
 * 300,000 lines over RPC would measure the seeding, not the sync).
 */
import { companySteps, slug, supportDeskSteps } from '../src/sandbox/company-steps';
import { categoryLabels } from '../src/sandbox/demo-company/demo-company';
import { startSandbox, type Sandbox } from '../src/sandbox/server';
import type { DemoTier } from '../src/sandbox/demo-company/catalogue';
import type { Workload } from './workload';

/** Records per store call while seeding (bounds the undo journal of one seeding transaction). */
const SEED_CHUNK = 5000;

const TIER_TAG: Readonly<Record<DemoTier, string>> = {
  on_demand: 'tag_on_demand',
  patch: 'tag_patch_agreement',
  maintenance: 'tag_maintenance_and_support_agreement',
};

function createAll(sandbox: Sandbox, model: string, values: Record<string, unknown>[]): number[] {
  const ids: number[] = [];
  for (let start = 0; start < values.length; start += SEED_CHUNK)
    ids.push(...sandbox.store.create(model, values.slice(start, start + SEED_CHUNK)));
  return ids;
}

/** A sandbox (Odoo 17, OCA helpdesk) holding `workload`, its products, tags and support desk. */
export async function seedWorkload(workload: Workload): Promise<Sandbox> {
  const profile = { odooVersion: 17, helpdesk: 'oca' } as const;
  const sandbox = await startSandbox({
    port: 0,
    odooVersion: profile.odooVersion,
    helpdesk: profile.helpdesk,
    seed: {
      base: 'empty',
      records: [
        ...companySteps('Bench Support AB', profile),
        ...supportDeskSteps(profile, categoryLabels()),
        {
          model: 'hr.employee',
          write: 'hr.employee_admin',
          ref: 'employee_admin',
          values: { name: 'Mitchell Admin' },
        },
      ],
    },
  });
  const id = (name: string) => sandbox.store.ref(name);
  const companies = createAll(
    sandbox,
    'res.partner',
    workload.customers.map((customer) => ({
      name: customer.name,
      is_company: true,
      category_id: [[6, 0, customer.tags.map((tier) => id(TIER_TAG[tier]))]],
    })),
  );
  const contacts = createAll(
    sandbox,
    'res.partner',
    workload.customers.map((customer, index) => ({
      name: `Contact of ${customer.name}`,
      parent_id: companies[index],
    })),
  );
  const firstDay = `${workload.periods[0] ?? '2024-01'}-01 09:00:00`;
  for (const customer of workload.customers) {
    if (customer.packHours === null) continue;
    const [order] = sandbox.store.create('sale.order', [
      { partner_id: companies[customer.index], date_order: firstDay },
    ]);
    sandbox.store.create('sale.order.line', [
      {
        order_id: order,
        product_id: id(`product_${slug(`SUPPORT-PACK-${customer.packHours}`)}`),
        product_uom_qty: customer.packHours,
      },
    ]);
    sandbox.store.call('sale.order', 'action_confirm', [[order]]);
  }
  const team = id('team_support');
  const project = id('project_support');
  const tickets = createAll(
    sandbox,
    'helpdesk.ticket',
    workload.tickets.map((ticket) => ({
      name: ticket.name,
      description: `<p>${ticket.name}</p>`,
      partner_id: (ticket.byContact ? contacts : companies)[ticket.customer],
      team_id: team,
      project_id: project,
      ...(ticket.category === null ? {} : { category_id: id(`category_${slug(ticket.category)}`) }),
    })),
  );
  const employee = id('employee_admin');
  createAll(
    sandbox,
    'account.analytic.line',
    workload.lines.map((line) => ({
      name: line.name,
      unit_amount: line.hours,
      date: line.date,
      project_id: project,
      employee_id: employee,
      ticket_id: tickets[line.ticket],
    })),
  );
  return sandbox;
}
