import { z } from 'zod';
import { loadAgreementsConfig, resolveAgreementsConfigPath } from '../../config/load-agreements';
import { OdooClient } from '../../odoo/client';
import { RoundTripCounter } from '../../odoo/round-trips';
import { startSandbox } from '../../sandbox/server';
import type { SecretScrubber } from '../../shared/redact';
import { runDemoOnOdoo } from '../demo-odoo/run-demo-on-odoo';
import { runDemoStory } from '../demo-story';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';

const DemoFlagsSchema = z.object({
  odooVersion: z.coerce
    .number()
    .int()
    .refine((v): v is 16 | 17 | 18 | 19 => [16, 17, 18, 19].includes(v), 'must be 16, 17, 18 or 19')
    .default(17),
  out: z.string().min(1).default('statements'),
  odoo: z.boolean().default(false),
  force: z.boolean().default(false),
});

/**
 * `tally demo`: the whole of Tally on the embedded sandbox with a realistic demo company, no Odoo
 * and no Redis needed: setup, a sync of three months, the close of the newest, its statements.
 */
export async function demoAction(
  raw: unknown,
  output: Output,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('demo', DemoFlagsSchema, raw);
  if (flags.odoo) {
    await runDemoOnOdoo(output, scrubber, { out: flags.out, force: flags.force });
    return;
  }
  const started = performance.now();
  const agreements = loadAgreementsConfig(resolveAgreementsConfigPath(process.env, process.cwd()));
  const sandbox = await startSandbox({
    port: 0,
    seed: 'demo-company',
    odooVersion: flags.odooVersion,
  });
  const roundTrips = new RoundTripCounter();
  const client = new OdooClient({
    connection: {
      url: sandbox.url,
      db: sandbox.db,
      login: sandbox.login,
      apiKey: sandbox.apiKey,
    },
    roundTrips,
  });
  try {
    const session = await client.connect();
    output.print(`Agreements config: ${agreements.file}`);
    output.print(
      `An Odoo ${session.version.label} sandbox with the demo company at ${sandbox.url}, over ${session.transportKind}.`,
    );
    const story = await runDemoStory(client, agreements, { out: flags.out, now: new Date() });
    for (const line of story.lines) output.print(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    output.print('');
    output.print(
      `${roundTrips.total} round trips to Odoo in ${seconds} s. Nothing was posted: finance reviews and posts the drafts in Odoo.`,
    );
  } finally {
    await client.close();
    await sandbox.close();
  }
}
