import { z } from 'zod';
import { openQueues } from '../../queue/open-queues';
import { collectStatus } from '../../queue/status/collect-status';
import { formatStatus } from '../../queue/status/format-status';
import type { SecretScrubber } from '../../shared/redact';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const StatusFlagsSchema = z.object({
  json: z.boolean().default(false),
  failures: z.coerce.number().int().min(0).max(500).default(10),
});

/** `tally status`: queue counts, schedules, each customer's last run and cursor, recent failures. */
export async function statusAction(
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('status', StatusFlagsSchema, raw);
  const open = await openQueues(process.env);
  try {
    const report = await collectStatus(open.queues, flags.failures);
    const lines = flags.json ? [JSON.stringify(report, null, 2)] : formatStatus(report);
    for (const line of lines) output.print(scrubber.scrub(line));
  } finally {
    await open.close();
  }
}
