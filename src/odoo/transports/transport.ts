/**
 * One interface over Odoo's three external APIs (odoo-rpc.md §1). Transports do one round trip per
 * call and classify failures into the `OdooError` catalog; retries and paging live above them.
 */
export type TransportKind = 'jsonrpc' | 'xmlrpc' | 'json2';

export const TRANSPORT_KINDS: readonly TransportKind[] = ['jsonrpc', 'xmlrpc', 'json2'];

/** What the server says it is, from `common.version` or `/web/version`. */
export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  /** As the server prints it, e.g. "17.0" or "saas~18.1". */
  readonly label: string;
}

/** One ORM call in `execute_kw` form: positional `args`, named `kwargs` (context included). */
export interface ExecuteKwCall {
  readonly model: string;
  readonly method: string;
  readonly args: readonly unknown[];
  readonly kwargs: Readonly<Record<string, unknown>>;
}

export interface OdooTransport {
  readonly kind: TransportKind;
  /** Checks the credentials once and answers the user id. */
  authenticate(): Promise<number>;
  version(): Promise<ServerVersion>;
  executeKw(call: ExecuteKwCall): Promise<unknown>;
  close(): Promise<void>;
}

/** The credentials and endpoint every transport needs. */
export interface TransportSettings {
  /** Base URL of the Odoo server, e.g. https://erp.example.com (no trailing path). */
  readonly url: string;
  readonly db: string;
  readonly login: string;
  /** The password or API key sent with classic RPC calls; JSON-2 needs an API key. */
  readonly secret: string;
  readonly secretKind: 'password' | 'apiKey';
  /** Per-call timeout in milliseconds. */
  readonly timeoutMs: number;
  /** Sent as User-Agent where the transport lets us. */
  readonly userAgent: string;
}
