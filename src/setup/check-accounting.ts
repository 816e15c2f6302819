/**
 * Whether customer invoices can be created at all. odoo-verified.md: on Odoo 16 a company without a
 * country gets no chart of accounts, hence no sales journal, and every invoice create fails.
 */
import { where } from '../odoo/filter';
import type { OdooClient } from '../odoo/client';
import { isTallyError } from '../shared/errors';
import { SETUP_MODELS } from './records';
import type { SetupLog } from './setup-report';

const ID = 'journal:sale';

/** Checks that the database has a sales journal for Tally's draft invoices. */
export async function checkSaleJournal(client: OdooClient, log: SetupLog): Promise<void> {
  let count: number;
  try {
    count = await client.model(SETUP_MODELS.journal).searchCount(where('type', '=', 'sale'));
  } catch (error) {
    if (!isTallyError(error)) throw error;
    log.fail(
      'accounting',
      ID,
      `The sales journals could not be read: ${error.userMessage}`,
      'Give the Tally user an Invoicing group (Invoicing / Billing).',
    );
    return;
  }
  if (count > 0) {
    log.ok('accounting', ID, `A sales journal exists for customer invoices (${count} found).`);
    return;
  }
  log.fail(
    'accounting',
    ID,
    'There is no sales journal, so no customer invoice can be created (no chart of accounts is installed).',
    'Set the company’s country, then install a chart of accounts (Invoicing → Configuration → Settings → Fiscal Localization).',
  );
}
