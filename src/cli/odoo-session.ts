import { loadAgreementsConfig, resolveAgreementsConfigPath } from '../config/load-agreements';
import { loadConnection } from '../config/load-connection';
import { OdooClient } from '../odoo/client';
import type { SecretScrubber } from '../shared/redact';
import type { ReadPeriodConfig } from '../sync/read-period';

/**
 * Runs a read-only command against your Odoo: loads the agreements config and the connection
 * settings (secrets registered with `scrubber`), connects, and always closes the client.
 */
export async function withOdooSession<T>(
  scrubber: SecretScrubber,
  run: (client: OdooClient, config: ReadPeriodConfig) => Promise<T>,
): Promise<T> {
  const agreements = loadAgreementsConfig(resolveAgreementsConfigPath(process.env, process.cwd()));
  const { odoo } = loadConnection({ scrubber });
  const client = new OdooClient({ connection: odoo });
  try {
    await client.connect();
    return await run(client, {
      settings: agreements.settings,
      sources: agreements.sources,
      currencyDecimals: agreements.config.currencyDecimals,
    });
  } finally {
    await client.close();
  }
}
