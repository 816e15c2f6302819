import { z } from 'zod';
import { period as toPeriod } from '../../domain';
import { buildExplanation } from '../../report/explain/build-explanation';
import { renderExplanation } from '../../report/explain/render-explanation';
import type { SecretScrubber } from '../../shared/redact';
import { gatherWorkToExplain, type ExplainTarget } from '../../sync/explain-work';
import { UsageError } from '../errors';
import { withOdooSession } from '../odoo-session';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const ExplainFlagsSchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
    .optional(),
  ticket: z.boolean().default(false),
  json: z.boolean().default(false),
});

const SubjectSchema = z.string().trim().min(1, 'give a timesheet id or a ticket number');

/**
 * What the argument names: digits are a timesheet id, `#<digits>` a ticket's Odoo id, anything
 * else a ticket reference (OCA `HT00028`). `--ticket` reads digits as a reference too, for
 * Enterprise's numeric `ticket_ref`.
 */
export function explainTarget(subject: string, ticket: boolean): ExplainTarget {
  const byId = /^#(\d+)$/.exec(subject);
  if (byId?.[1] !== undefined) return { kind: 'ticket', id: Number(byId[1]) };
  if (!ticket && /^\d+$/.test(subject)) return { kind: 'timesheet', id: Number(subject) };
  return { kind: 'ticket_reference', reference: subject };
}

/** `tally explain`: each decision about a timesheet line or a ticket, and the rule behind it. */
export async function explainAction(
  subject: unknown,
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('explain', ExplainFlagsSchema, raw);
  const parsedSubject = SubjectSchema.safeParse(subject);
  if (!parsedSubject.success) {
    throw new UsageError(
      'Invalid arguments for "tally explain": give a timesheet id or a ticket number.',
    );
  }
  const target = explainTarget(parsedSubject.data, flags.ticket);
  if (target.kind === 'timesheet' && flags.period !== undefined) {
    throw new UsageError(
      'Invalid options for "tally explain": --period narrows a ticket; a timesheet line has its own period.',
    );
  }
  const explanation = await withOdooSession(output, scrubber, async (client, config) => {
    const work = await gatherWorkToExplain(client, config, target, {
      ...(flags.period === undefined ? {} : { period: toPeriod(flags.period) }),
    });
    return buildExplanation(work, config.settings, config.currencyDecimals);
  });
  const lines = flags.json
    ? [JSON.stringify(explanation, null, 2)]
    : renderExplanation(explanation);
  for (const line of lines) output.print(scrubber.scrub(line));
}
