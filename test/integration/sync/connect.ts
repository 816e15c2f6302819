import path from 'node:path';
import { loadAgreementsConfig } from '../../../src/config/load-agreements';
import { OdooClient } from '../../../src/odoo/client';
import type { RetryPolicy } from '../../../src/odoo/retry-policy';
import type { RoundTripHook } from '../../../src/odoo/round-trips';
import type { Sandbox } from '../../../src/sandbox/server';
import type { ReadPeriodConfig } from '../../../src/sync/read-period';

/** A JSON-RPC client of the sandbox, connected, with an optional round-trip hook. */
export async function connectTo(
  sandbox: Sandbox,
  roundTrips?: RoundTripHook,
  protocol: 'jsonrpc' | 'json2' | 'xmlrpc' = 'jsonrpc',
  retryPolicy?: RetryPolicy,
): Promise<OdooClient> {
  const client = new OdooClient({
    connection: {
      url: sandbox.url,
      db: sandbox.db,
      login: sandbox.login,
      ...(protocol === 'json2' ? { apiKey: sandbox.apiKey } : { password: sandbox.password }),
      protocol,
    },
    ...(roundTrips === undefined ? {} : { roundTrips }),
    ...(retryPolicy === undefined ? {} : { retryPolicy }),
  });
  await client.connect();
  return client;
}

/** The shipped default agreements config, as the period reader takes it. */
export function shippedConfig(): ReadPeriodConfig {
  const loaded = loadAgreementsConfig(
    path.resolve(__dirname, '../../../config/agreements.default.yaml'),
  );
  return {
    settings: loaded.settings,
    sources: loaded.sources,
    currencyDecimals: loaded.config.currencyDecimals,
  };
}

/** The sandbox clock for the scenario: orders placed early in January 2026. */
export const SCENARIO_NOW = (): Date => new Date('2026-01-05T09:00:00Z');
