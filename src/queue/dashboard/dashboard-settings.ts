/**
 * Where the dashboard listens and who may see it. Authentication is always on: a bearer token,
 * basic auth, or both. On a loopback address without configured credentials a random token is
 * made for the run; any other address refuses to start without credentials.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from '../../config/errors';
import type { SecretScrubber } from '../../shared/redact';
import { settingsFromEnv } from '../env-settings';

export const DASHBOARD_ENV = {
  host: 'TALLY_DASHBOARD_HOST',
  port: 'TALLY_DASHBOARD_PORT',
  token: 'TALLY_DASHBOARD_TOKEN',
  user: 'TALLY_DASHBOARD_USER',
  password: 'TALLY_DASHBOARD_PASSWORD',
} as const;

export const DEFAULT_DASHBOARD_PORT = 8070;

export const DashboardSettingsSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1').describe('Address to bind. Default 127.0.0.1.'),
    port: z.coerce
      .number({ error: 'must be a number' })
      .int()
      .min(0)
      .max(65535)
      .default(DEFAULT_DASHBOARD_PORT)
      .describe(`TCP port; 0 picks a free one. Default ${DEFAULT_DASHBOARD_PORT}.`),
    token: z.string().min(16, 'must be at least 16 characters').optional(),
    user: z.string().min(1).optional(),
    password: z.string().min(12, 'must be at least 12 characters').optional(),
  })
  .refine((value) => (value.user === undefined) === (value.password === undefined), {
    path: ['password'],
    message: 'set both TALLY_DASHBOARD_USER and TALLY_DASHBOARD_PASSWORD, or neither',
  });
export type DashboardSettings = z.infer<typeof DashboardSettingsSchema>;
export type DashboardSettingsInput = z.input<typeof DashboardSettingsSchema>;

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

export function hasCredentials(settings: DashboardSettings): boolean {
  return settings.token !== undefined || settings.user !== undefined;
}

/** Dashboard settings from the environment plus flags; refuses an open non-loopback address. */
export function loadDashboardSettings(
  env: Readonly<Record<string, string | undefined>>,
  scrubber: SecretScrubber,
  overrides: Partial<DashboardSettingsInput> = {},
): DashboardSettings {
  const settings = settingsFromEnv(DashboardSettingsSchema, DASHBOARD_ENV, env, overrides);
  scrubber.add(settings.token);
  scrubber.add(settings.password);
  if (!isLoopback(settings.host) && !hasCredentials(settings)) {
    throw new ConfigError('environment', [
      {
        path: DASHBOARD_ENV.host,
        line: null,
        message: `${settings.host} is reachable from other machines, so the dashboard needs credentials: set ${DASHBOARD_ENV.token}, or ${DASHBOARD_ENV.user} and ${DASHBOARD_ENV.password}`,
      },
    ]);
  }
  return settings;
}
