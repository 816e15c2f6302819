import { z } from 'zod';
import { period as toPeriod } from '../../domain';
import { buildPeriodReport } from '../../report/period-report/build-period-report';
import {
  formatPeriodReport,
  REPORT_FORMATS,
} from '../../report/period-report/format-period-report';
import type { SecretScrubber } from '../../shared/redact';
import { readPeriodReportData } from '../../sync/period-report-data';
import { withOdooSession } from '../odoo-session';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const ReportFlagsSchema = z.object({
  period: z
    .string({ error: 'is required (YYYY-MM)' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
  format: z.enum(REPORT_FORMATS, { error: 'must be table, csv or json' }).default('table'),
  customer: z.coerce
    .number({ error: 'must be the Odoo id of a customer (a number)' })
    .int('must be the Odoo id of a customer (a number)')
    .positive('must be the Odoo id of a customer (a number)')
    .optional(),
});

/**
 * `tally report`: per customer, the period's hours and amounts, pack balances, held items and the
 * draft's state, from the same plan as the drafts.
 */
export async function reportAction(
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('report', ReportFlagsSchema, raw);
  const period = toPeriod(flags.period);
  const { text, problems } = await withOdooSession(output, scrubber, async (client, config) => {
    const only = flags.customer === undefined ? {} : { customerId: flags.customer };
    const data = await readPeriodReportData(client, config, { period, ...only });
    const rows = buildPeriodReport(data, config.settings, only);
    return {
      text: formatPeriodReport(period, rows, flags.format, config.currencyDecimals),
      problems: data.report.plan.problems,
    };
  });
  for (const problem of problems) {
    output.warn(
      scrubber.scrub(
        `Problem: ${problem.model} ${problem.recordId ?? '?'} (${problem.path}): ${problem.message}`,
      ),
    );
  }
  // print() ends the document with "\n"; dropping its own last "\n" keeps CSV's CRLF intact.
  output.print(scrubber.scrub(text.slice(0, -1)));
}
