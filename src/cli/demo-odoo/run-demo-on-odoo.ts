/**
 * `tally demo --odoo`: the demo company loaded over RPC into the database the ODOO_* settings
 * name, then the same story as on the sandbox (setup, three months synced, the newest closed).
 * This is also how a partner tries Tally on a staging copy.
 */
import { openOdooCommand } from '../command-context';
import { runDemoStory } from '../demo-story';
import type { Output } from '../output';
import type { SecretScrubber } from '../../shared/redact';
import { guardDemoDatabase } from './guard-database';
import { loadDemoCompany, profileOfServer } from './load-demo-company';
import { compareWithSandbox } from './compare-with-sandbox';

export interface DemoOnOdooOptions {
  readonly out: string;
  readonly force: boolean;
}

export async function runDemoOnOdoo(
  output: Output,
  scrubber: SecretScrubber,
  options: DemoOnOdooOptions,
): Promise<void> {
  const started = performance.now();
  const { agreements, client, connection } = openOdooCommand(output, scrubber);
  try {
    const session = await client.connect();
    const db = connection.odoo.db;
    await guardDemoDatabase(client, db, options.force);
    const profile = await profileOfServer(client, session.version.major);
    output.print(`Agreements config: ${agreements.file}`);
    output.print(
      `Loading the demo company into ${db} on Odoo ${session.version.label} (${profile.helpdesk === 'oca' ? 'OCA' : 'Enterprise'} helpdesk), over ${session.transportKind}.`,
    );
    let shown = 0;
    const loaded = await loadDemoCompany(client, profile, ({ done, total }) => {
      const tenth = Math.floor((done * 10) / total);
      if (tenth > shown) {
        shown = tenth;
        output.warn(`  loaded ${done} of ${total} steps`);
      }
    });
    output.print(`Loaded ${loaded.records} records in ${loaded.calls} calls.`);
    const now = new Date();
    const story = await runDemoStory(client, agreements, { out: options.out, now });
    for (const line of story.lines) output.print(line);
    output.print('');
    const comparison = await compareWithSandbox(client, agreements, profile, { now, db });
    for (const line of comparison.lines) output.print(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    output.print('');
    output.print(
      `Done in ${seconds} s. Nothing was posted: finance reviews and posts the drafts in Odoo.`,
    );
  } finally {
    await client.close();
  }
}
