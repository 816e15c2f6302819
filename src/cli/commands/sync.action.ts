import { z } from 'zod';
import { period as toPeriod } from '../../domain';
import type { SecretScrubber } from '../../shared/redact';
import { closeRedis, connectRedis } from '../../queue/connection';
import { loadQueueSettings } from '../../queue/queue-settings';
import { RedisCursorStore } from '../../sync/cursor-store';
import { syncChanges } from '../../sync/sync-changes';
import { formatRunSummary, summarizeRun } from '../../sync/summarize-run';
import { UsageError } from '../errors';
import { currentPeriod, refuseFuturePeriod, requireCustomer } from '../guard-rails';
import { readCompany } from '../../sync/read/read-company';
import { openOdooCommand } from '../command-context';
import { runUnderInlineLock } from '../inline-run-lock';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const SyncFlagsSchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
    .optional(),
  customer: z.coerce.number().int().positive('must be an Odoo partner id').optional(),
  dryRun: z.boolean().default(false),
  full: z.boolean().default(false),
  json: z.boolean().default(false),
  enqueue: z.boolean().default(false),
  allowFuture: z.boolean().default(false),
});

/**
 * `tally sync`: runs the pipeline inline. Without `--period` it is incremental, from the cursor
 * kept in Redis (REDIS_URL); with `--period` it re-plans that period whole and needs no Redis.
 * `--enqueue` queues a `sync` job for the workers instead (Redis only, no Odoo credentials).
 */
export async function syncAction(
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('sync', SyncFlagsSchema, raw);
  if (flags.enqueue) {
    // A queued sync covers every customer of the period and always writes.
    if (flags.customer !== undefined || flags.dryRun)
      throw new UsageError(
        'Invalid options for "tally sync": --enqueue cannot be combined with --customer or --dry-run; run those inline.',
      );
    // BullMQ loads only for the queue; an inline sync never needs it.
    const { enqueueFromCli } = await import('../enqueue-run.js');
    await enqueueFromCli(
      output,
      'sync',
      { period: flags.period ?? 'current', full: flags.full },
      { what: `sync of ${flags.period ?? 'the current period'}`, json: flags.json },
    );
    return;
  }
  const { agreements, config, logger, connection, client } = openOdooCommand(output, scrubber);
  // The cursor lives where the workers keep theirs (TALLY_QUEUE_PREFIX), so an inline run and
  // a scheduled one continue each other; a Redis that does not answer is one clear sentence.
  const queue = loadQueueSettings(process.env, { redisUrl: connection.redis.url });
  const redis = flags.period === undefined ? await connectRedis(connection.redis.url) : null;
  try {
    await client.connect();
    if (flags.customer !== undefined) await requireCustomer(client, flags.customer);
    const company = await readCompany(client, config.timeZone);
    if (flags.period !== undefined)
      refuseFuturePeriod(
        toPeriod(flags.period),
        currentPeriod(new Date(), company.timeZone),
        flags.allowFuture,
      );
    const sync = (signal: AbortSignal | undefined) =>
      syncChanges(
        client,
        config,
        redis === null
          ? null
          : {
              store: new RedisCursorStore(redis, queue.prefix),
              instance: `${connection.odoo.url}/${connection.odoo.db}`,
            },
        {
          now: new Date().toISOString(),
          company,
          dryRun: flags.dryRun,
          full: flags.full,
          ...(flags.period !== undefined ? { period: toPeriod(flags.period) } : {}),
          ...(flags.customer !== undefined ? { customerId: flags.customer } : {}),
          ...(signal === undefined ? {} : { signal }),
        },
      );
    // A dry run writes nothing, so it never waits for (or blocks) another run.
    const result = flags.dryRun
      ? await sync(undefined)
      : await runUnderInlineLock(
          {
            redis,
            redisUrl: connection.redis.url,
            settings: queue,
            odoo: connection.odoo,
            logger,
            ...(flags.customer === undefined ? {} : { customerId: flags.customer }),
          },
          sync,
        );
    const summary = summarizeRun(result, agreements.config.currencyDecimals);
    logger.info('Sync finished.', {
      event: 'sync.finished',
      periods: summary.periods,
      writeCalls: summary.writeCalls,
      dryRun: summary.dryRun,
      problems: summary.problems.length,
    });
    const lines = flags.json ? [JSON.stringify(summary, null, 2)] : formatRunSummary(summary);
    for (const line of lines) output.print(scrubber.scrub(line));
  } finally {
    await client.close();
    if (redis !== null) await closeRedis(redis);
  }
}
