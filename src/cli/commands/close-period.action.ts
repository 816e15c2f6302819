import { z } from 'zod';
import { localDateOfInstant } from '../../domain/periods';
import { period as toPeriod, type Period } from '../../domain/types';
import type { OdooClient } from '../../odoo/client';
import type { SecretScrubber } from '../../shared/redact';
import { closeCustomerPeriod } from '../../sync/close-period';
import { SyncSetupError } from '../../sync/errors';
import { readCompany } from '../../sync/read/read-company';
import { readPeriod, type ReadPeriodConfig } from '../../sync/read-period';
import { summarizeRun } from '../../sync/summarize-run';
import { UsageError } from '../errors';
import { refuseUnfinishedClose, requireCustomer } from '../guard-rails';
import { openOdooCommand } from '../command-context';
import { runUnderInlineLock } from '../inline-run-lock';
import { loadQueueSettings } from '../../queue/queue-settings';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const ClosePeriodFlagsSchema = z.object({
  period: z
    .string({ error: 'is required (YYYY-MM)' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
  customer: z.coerce
    .number({ error: 'must be the Odoo id of a customer (a number)' })
    .int('must be the Odoo id of a customer (a number)')
    .positive('must be the Odoo id of a customer (a number)')
    .optional(),
  enqueue: z.boolean().default(false),
  json: z.boolean().default(false),
  force: z.boolean().default(false),
});

/** One customer's close, for people and for `--json`. */
interface ClosedCustomer {
  readonly customerId: number;
  readonly customer: string;
  /** The draft finalised, or null when there was nothing to invoice (or it is already posted). */
  readonly invoiceId: number | null;
  readonly amount: string | null;
  readonly reviewActivities: number;
  readonly reviewLines: number;
}

function describe(period: Period, closed: ClosedCustomer): string {
  const what =
    closed.invoiceId === null
      ? 'no draft to close'
      : `draft ${closed.invoiceId} (${closed.amount ?? '-'}) dated the month's last day, ` +
        (closed.reviewActivities > 0
          ? 'review activity for finance created'
          : 'finance already asked to review it');
  const held = closed.reviewLines > 0 ? `, ${closed.reviewLines} line(s) held for review` : '';
  return `${period}  ${closed.customer} (${closed.customerId}): ${what}${held}`;
}

/**
 * Closes every customer of the period (or one) inline: the final sync, the invoice date, one
 * review activity per draft. Stops at the first failure; closing is idempotent, so a rerun
 * finishes the rest.
 */
async function closeInline(
  client: OdooClient,
  config: ReadPeriodConfig,
  period: Period,
  options: {
    readonly customerId: number | undefined;
    readonly force: boolean;
    /** Aborted when the run's lock is lost: stop before the next write. */
    readonly signal: AbortSignal | undefined;
  },
  report: (closed: ClosedCustomer) => void,
): Promise<readonly ClosedCustomer[]> {
  const { customerId } = options;
  const zone = (await readCompany(client, config.timeZone)).timeZone;
  const today = localDateOfInstant(new Date().toISOString(), zone);
  if (today === null)
    throw new SyncSetupError(
      `The company time zone "${zone}" is not a valid IANA zone: fix the Tally user's tz in Odoo or set timeZone in the agreements config.`,
      { details: { timeZone: zone } },
    );
  refuseUnfinishedClose(period, today, options.force);
  if (customerId !== undefined) await requireCustomer(client, customerId);
  const customers =
    customerId !== undefined
      ? [customerId]
      : (await readPeriod(client, config, { period })).customers.map(({ id }) => Number(id));
  const closed: ClosedCustomer[] = [];
  for (const id of customers) {
    const result = await closeCustomerPeriod(client, config, {
      period,
      customerId: id,
      today,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const outcome = summarizeRun(
      { periods: [result.sync], finalWrites: null, changedLines: null, cursor: null },
      config.currencyDecimals,
    ).customers.find((entry) => entry.customerId === id);
    const entry: ClosedCustomer = {
      customerId: id,
      customer: outcome?.customer ?? `customer ${id}`,
      invoiceId: result.invoiceId,
      amount: result.invoiceId === null ? null : (outcome?.amount ?? null),
      reviewActivities: result.reviewActivities,
      reviewLines: outcome?.reviewLines ?? 0,
    };
    closed.push(entry);
    report(entry);
  }
  return closed;
}

/**
 * `tally close-period`: finalises a finished month's drafts, inline by default or, with
 * `--enqueue`, as a `close-period` job for the workers. Tally never posts an invoice.
 */
export async function closePeriodAction(
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('close-period', ClosePeriodFlagsSchema, raw);
  const period = toPeriod(flags.period);
  if (flags.enqueue) {
    if (flags.customer !== undefined)
      throw new UsageError(
        'Invalid options for "tally close-period": --enqueue closes every customer of the period; leave out --enqueue to close one customer here.',
      );
    // BullMQ loads only for the queue; an inline close never needs it.
    const { enqueueFromCli } = await import('../enqueue-run.js');
    await enqueueFromCli(
      output,
      'close-period',
      { period },
      { what: `close of ${period}`, json: flags.json },
    );
    return;
  }
  const { config, logger, client, connection } = openOdooCommand(output, scrubber);
  try {
    await client.connect();
    const closed = await runUnderInlineLock(
      {
        redis: null,
        redisUrl: connection.redis.url,
        settings: loadQueueSettings(process.env, { redisUrl: connection.redis.url }),
        odoo: connection.odoo,
        logger,
        ...(flags.customer === undefined ? {} : { customerId: flags.customer }),
      },
      (signal) =>
        closeInline(
          client,
          config,
          period,
          { customerId: flags.customer, force: flags.force, signal },
          (entry) => {
            if (!flags.json) output.print(scrubber.scrub(describe(period, entry)));
          },
        ),
    );
    logger.info('Period closed.', {
      event: 'close_period.finished',
      period,
      customers: closed.length,
      invoices: closed.filter((entry) => entry.invoiceId !== null).length,
    });
    if (flags.json)
      output.print(scrubber.scrub(JSON.stringify({ period, customers: closed }, null, 2)));
    else
      output.print(
        `Closed ${period} for ${closed.length} customer(s): ${closed.filter((entry) => entry.invoiceId !== null).length} draft(s) ready for finance to review and post.`,
      );
  } finally {
    await client.close();
  }
}
