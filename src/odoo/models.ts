/** Odoo model names Tally reads or writes, verbatim and declared once (style.md naming). */
export const MODELS = {
  helpdeskTicket: 'helpdesk.ticket',
  analyticLine: 'account.analytic.line',
  saleOrder: 'sale.order',
  saleOrderLine: 'sale.order.line',
  accountMove: 'account.move',
  accountMoveLine: 'account.move.line',
  partner: 'res.partner',
  product: 'product.product',
  project: 'project.project',
  users: 'res.users',
  company: 'res.company',
  partnerTag: 'res.partner.category',
  contract: 'contract.contract',
  contractLine: 'contract.line',
} as const;

export type ModelName = (typeof MODELS)[keyof typeof MODELS];
