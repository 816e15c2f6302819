/** The setup report as the checklist `tally setup` prints: one section per area, fixes indented. */
import { CHECK_AREAS, type CheckArea, type CheckStatus, type SetupReport } from './setup-report';

const TITLES: Readonly<Record<CheckArea, string>> = {
  connection: 'Connection',
  modules: 'Modules',
  access: 'Access rights',
  accounting: 'Accounting',
  fields: 'Custom fields',
  views: 'Views',
  products: 'Products',
  config: 'Agreements config',
};

const MARKS: Readonly<Record<CheckStatus, string>> = {
  ok: 'ok  ',
  warn: 'warn',
  fail: 'FAIL',
  pending: 'would create:',
};

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function changesLine(report: SetupReport, dryRun: boolean): string {
  if (dryRun) return 'Dry run: nothing was written to Odoo.';
  if (report.changes.length === 0) {
    // With failures, nothing written means "could not", not "already in place".
    return report.ready
      ? 'Nothing was created or changed: everything was already in place.'
      : 'Nothing was created or changed.';
  }
  const created = report.changes.filter((c) => c.action === 'created');
  const byModel = (model: string, one: string): string =>
    count(created.filter((c) => c.model === model).length, one);
  const updated = report.changes.length - created.length;
  const tags = created.filter((c) => c.model === 'res.partner.category').length;
  const what = [
    byModel('ir.model.fields', 'field'),
    byModel('ir.ui.view', 'view'),
    byModel('product.product', 'product'),
    ...(tags > 0 ? [count(tags, 'partner tag')] : []),
  ];
  return `Created ${what.slice(0, -1).join(', ')} and ${what.at(-1) ?? ''}; updated ${count(updated, 'record')}.`;
}

/** Renders the report as text lines. */
export function renderChecklist(
  report: SetupReport,
  options: { dryRun: boolean; createProducts?: boolean },
): string[] {
  const lines: string[] = [];
  const server = report.server;
  if (server !== null) {
    const helpdesk =
      server.helpdesk === null
        ? 'no helpdesk'
        : `${server.helpdesk === 'oca' ? 'OCA' : 'Enterprise'} helpdesk`;
    lines.push(
      `Tally setup on Odoo ${server.version} (${helpdesk}), user id ${server.uid}, over ${server.transport}`,
    );
  }
  for (const area of CHECK_AREAS) {
    const checks = report.checks.filter((check) => check.area === area);
    if (checks.length === 0) continue;
    lines.push('', TITLES[area]);
    for (const check of checks) {
      lines.push(`  ${MARKS[check.status]}  ${check.message}`);
      if (check.fix !== undefined) lines.push(`        → ${check.fix}`);
    }
  }
  const failures = report.checks.filter((check) => check.status === 'fail').length;
  const warnings = report.checks.filter((check) => check.status === 'warn').length;
  lines.push('', changesLine(report, options.dryRun));
  const pending = report.checks.filter((check) => check.status === 'pending').length;
  lines.push(
    report.ready
      ? `Ready: Tally can sync this database (${count(warnings, 'warning')}).`
      : failures === 0
        ? `Nothing to fix by hand: tally setup${options.createProducts === true ? ' --create-products' : ''} without --dry-run creates the ${count(pending, 'item')} marked "would create" (${count(warnings, 'warning')}).`
        : `Not ready: ${count(failures, 'item')} to fix (marked FAIL)${pending > 0 ? `, ${count(pending, 'item')} setup would create` : ''}, ${count(warnings, 'warning')}.`,
  );
  return lines;
}
