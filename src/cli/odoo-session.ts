import type { OdooClient } from '../odoo/client';
import type { SecretScrubber } from '../shared/redact';
import type { ReadPeriodConfig } from '../sync/read-period';
import { openOdooCommand } from './command-context';
import type { Output } from './output';

/**
 * Runs a read-only command against your Odoo: loads the agreements config and the connection
 * settings (secrets registered with `scrubber`), connects, and always closes the client.
 */
export async function withOdooSession<T>(
  output: Output,
  scrubber: SecretScrubber,
  run: (client: OdooClient, config: ReadPeriodConfig) => Promise<T>,
): Promise<T> {
  const { config, client } = openOdooCommand(output, scrubber);
  try {
    await client.connect();
    return await run(client, config);
  } finally {
    await client.close();
  }
}
