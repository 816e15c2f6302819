/**
 * How to reach one Odoo database, and which transport to use for it. `src/config` parses the same
 * shape from the environment or a file; this module stays free of config code (style.md boundaries).
 */
import { OdooProtocolUnavailableError } from './errors';
import { FIRST_JSON2_MAJOR } from './server-version';
import type { ServerVersion, TransportKind, TransportSettings } from './transports/transport';

export type ProtocolSetting = 'auto' | TransportKind;

export interface OdooConnectionOptions {
  readonly url: string;
  readonly db: string;
  readonly login: string;
  /** Exactly one of password / apiKey is expected; an API key wins when both are given. */
  readonly password?: string | undefined;
  readonly apiKey?: string | undefined;
  /** Default `auto`: the server's version picks (JSON-2 from 19, JSON-RPC before). */
  readonly protocol?: ProtocolSetting;
  /** Per-call timeout. Default 30000 ms. */
  readonly timeoutMs?: number;
  /** Default true. False only for self-signed development servers. */
  readonly tlsRejectUnauthorized?: boolean;
}

/** Default per-call timeout; below Odoo's own `limit_time_real` of 120 s (odoo-rpc.md §5). */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_USER_AGENT = 'tally-odoo-client';

/** The transport settings derived from connection options. */
export function toTransportSettings(options: OdooConnectionOptions): TransportSettings {
  const secretKind = options.apiKey !== undefined ? 'apiKey' : 'password';
  const secret = options.apiKey ?? options.password;
  if (secret === undefined) {
    throw new OdooProtocolUnavailableError(
      'No Odoo secret configured: set ODOO_PASSWORD or ODOO_API_KEY.',
    );
  }
  return {
    url: options.url,
    db: options.db,
    login: options.login,
    secret,
    secretKind,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    userAgent: DEFAULT_USER_AGENT,
  };
}

export interface ProtocolChoice {
  readonly kind: TransportKind;
  /** Set when auto mode had to settle for less than the best transport. */
  readonly warning?: string;
}

/**
 * Auto: 19+ → JSON-2 (classic endpoints are deprecated there), but JSON-2 needs an API key, so with
 * only a password fall back to JSON-RPC and say so; before 19 → JSON-RPC. A forced protocol wins.
 */
export function chooseProtocol(
  setting: ProtocolSetting,
  version: ServerVersion,
  hasApiKey: boolean,
): ProtocolChoice {
  if (setting !== 'auto') return { kind: setting };
  if (version.major < FIRST_JSON2_MAJOR) return { kind: 'jsonrpc' };
  if (hasApiKey) return { kind: 'json2' };
  return {
    kind: 'jsonrpc',
    warning: `Odoo ${version.label} deprecates /jsonrpc; set ODOO_API_KEY to use JSON-2 instead of the password.`,
  };
}
