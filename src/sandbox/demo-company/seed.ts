import { companySteps, slug, supportDeskSteps } from '../company-steps';
import type { SandboxProfile } from '../profile';
import type { SandboxSeed, SeedStep } from '../seed';
import { ref, ticketStep, timesheetStep } from '../seed-steps';
import { STAFF, type DemoTier } from './catalogue';
import type { DemoCompany } from './demo-company';
import { generateDemoCompany, type DemoCompanyOptions } from './generate';

/** The partner tag of each agreement tier (see companySteps). */
const TIER_TAGS: Readonly<Record<DemoTier, string>> = {
  on_demand: 'tag_on_demand',
  patch: 'tag_patch_agreement',
  maintenance: 'tag_maintenance_and_support_agreement',
};

const emailOf = (contact: string, customerRef: string): string =>
  `${slug(contact.split(' ')[0] ?? contact)}@${customerRef}.example`;

/** The seed steps that build `company` in a sandbox of `profile`. */
export function demoCompanySteps(company: DemoCompany, profile: SandboxProfile): SeedStep[] {
  const edition = profile.helpdesk;
  const steps: SeedStep[] = [
    ...companySteps(company.name, profile),
    // The first staff member is the admin, whose employee every database with hr already has.
    ...STAFF.map((member, index): SeedStep => ({
      model: 'hr.employee',
      ...(index === 0 ? { write: 'hr.employee_admin' } : {}),
      ref: `employee_${member.key}`,
      values: { name: member.name, hourly_cost: member.hourlyCost },
    })),
    ...supportDeskSteps(profile, company.categories),
  ];
  for (const customer of company.customers) {
    steps.push(
      {
        model: 'res.partner',
        ref: customer.ref,
        values: {
          name: customer.name,
          is_company: true,
          category_id: [[6, 0, customer.tags.map((tier) => ref(TIER_TAGS[tier]))]],
        },
      },
      {
        model: 'res.partner',
        ref: `${customer.ref}_contact`,
        values: {
          name: customer.contact,
          parent_id: ref(customer.ref),
          email: emailOf(customer.contact, customer.ref),
        },
      },
    );
  }
  for (const pack of company.packs) {
    steps.push(
      {
        model: 'sale.order',
        ref: pack.orderRef,
        values: { partner_id: ref(pack.customerRef), date_order: `${pack.orderedOn} 09:00:00` },
      },
      {
        model: 'sale.order.line',
        ref: pack.lineRef,
        values: {
          order_id: ref(pack.orderRef),
          product_id: ref(`product_${slug(pack.product)}`),
          product_uom_qty: pack.hours,
        },
      },
      { model: 'sale.order', call: 'action_confirm', on: [pack.orderRef] },
      // Confirming stamps today's date over the typed one (odoo-verified.md); the pack was
      // bought on its own day, so the date is written back as a user on a real Odoo would.
      {
        model: 'sale.order',
        write: pack.orderRef,
        values: { date_order: `${pack.orderedOn} 09:00:00` },
      },
    );
  }
  for (const ticket of company.tickets) {
    const category = ticket.category === null ? null : slug(ticket.category);
    steps.push(ticketStep(ticket.ref, ticket.name, ticket.partnerRef, category, edition));
  }
  for (const line of company.lines) {
    steps.push(
      timesheetStep(line.ticketRef, line.description, line.hours, line.date, edition, {
        employee: `employee_${line.employee}`,
        ...(line.packLineRef === null ? {} : { saleLine: line.packLineRef }),
      }),
    );
  }
  return steps;
}

/** The demo company as a sandbox seed (`seed: 'demo-company'`, `tally sandbox --seed demo-company`). */
export function demoCompanySeed(
  profile: SandboxProfile,
  options: DemoCompanyOptions = {},
): SandboxSeed {
  return { base: 'empty', records: demoCompanySteps(generateDemoCompany(options), profile) };
}
