/**
 * The Odoo client facade: connects once, picks a transport, and runs every call through the retry
 * policy and the round-trip hook. Thin by design (style.md rule 11): ORM calls live in `model-api.ts`,
 * paging in `paging.ts`, wire formats in `transports/`.
 */
import { silentLogger, type Logger } from '../shared/logger';
import {
  DEFAULT_TIMEOUT_MS,
  chooseProtocol,
  toTransportSettings,
  type OdooConnectionOptions,
} from './connection';
import { OdooProtocolUnavailableError, isOdooError } from './errors';
import { ModelApi, type OdooContext } from './model-api';
import { probeServerVersion } from './probe-version';
import {
  DEFAULT_RETRY_POLICY,
  realRetryEffects,
  withRetry,
  type RetryEffects,
  type RetryPolicy,
} from './retry-policy';
import type { RoundTripHook } from './round-trips';
import type { FetchLike } from './transports/http-exchange';
import { JsonRpcTransport } from './transports/json-rpc';
import { Json2Transport } from './transports/json2';
import type {
  ExecuteKwCall,
  OdooTransport,
  ServerVersion,
  TransportKind,
  TransportSettings,
} from './transports/transport';
import { insecureFetch } from './transports/insecure-fetch';
import { XmlRpcTransport } from './transports/xml-rpc';
import { printableServer } from './transports/failure-context';
import {
  DEFAULT_WAITING_NOTICE_MS,
  withWaitingNotice,
  type WaitingNoticeSettings,
} from './waiting-notice';

export interface OdooClientOptions {
  readonly connection: OdooConnectionOptions;
  readonly logger?: Logger;
  /** Overrides of `DEFAULT_RETRY_POLICY`. */
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** Sleep and random source; tests inject their own. */
  readonly retryEffects?: RetryEffects;
  readonly roundTrips?: RoundTripHook;
  /**
   * Awaited before every round trip, retries included: a shared rate limit (the queue's
   * requests-per-second gate across workers).
   */
  readonly beforeCall?: () => Promise<void>;
  /** Context sent with every call, under the per-call context. Default `{ tz: 'UTC' }`. */
  readonly defaultContext?: OdooContext;
  /** Replaces Node's global fetch for JSON-RPC and JSON-2. */
  readonly fetch?: FetchLike;
  /** How long a call may go unanswered before "still waiting" is logged (then again each time). */
  readonly waitingNoticeMs?: number;
}

export interface CallOptions {
  /** Safe to replay after a retryable failure (reads, keyed writes). Default false. */
  readonly idempotent?: boolean;
}

interface Connected {
  readonly transport: OdooTransport;
  readonly version: ServerVersion;
  readonly uid: number;
}

/** Builds the transport of one kind; exported for the conformance suite. */
export function createTransport(
  kind: TransportKind,
  settings: TransportSettings,
  fetchImpl?: FetchLike,
): OdooTransport {
  const http = fetchImpl === undefined ? { settings } : { settings, fetch: fetchImpl };
  if (kind === 'jsonrpc') return new JsonRpcTransport(http);
  if (kind === 'json2') return new Json2Transport(http);
  return new XmlRpcTransport({ settings });
}

export class OdooClient {
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;
  private readonly effects: RetryEffects;
  private readonly defaultContext: OdooContext;
  private connected: Connected | undefined;
  private readonly insecure: boolean;
  private insecureFetchImpl: FetchLike | undefined;
  private readonly waiting: WaitingNoticeSettings;

  constructor(private readonly options: OdooClientOptions) {
    this.logger = options.logger ?? silentLogger;
    const timeoutMs = options.connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.waiting = {
      logger: this.logger,
      server: printableServer(options.connection.url),
      timeoutMs,
      // A short timeout still gets a notice or two before it ends the call.
      everyMs:
        options.waitingNoticeMs ?? Math.min(DEFAULT_WAITING_NOTICE_MS, Math.ceil(timeoutMs / 3)),
    };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
    this.effects = options.retryEffects ?? realRetryEffects;
    this.defaultContext = options.defaultContext ?? { tz: 'UTC' };
    this.insecure = options.connection.tlsRejectUnauthorized === false;
    if (this.insecure) {
      this.logger.warn(
        'TLS certificates of the Odoo server are NOT verified (ODOO_TLS_REJECT_UNAUTHORIZED=false): use this only for a self-signed development server.',
        { event: 'odoo.tls_unverified', url: options.connection.url },
      );
    }
  }

  /** Detects the version, picks the transport and authenticates once; auth is never retried. */
  async connect(): Promise<{ uid: number; version: ServerVersion; transportKind: TransportKind }> {
    const { connection } = this.options;
    const settings = toTransportSettings(connection);
    const setting = connection.protocol ?? 'auto';
    let probed: ServerVersion | undefined;
    let kind: TransportKind;
    if (setting === 'auto') {
      probed = await withWaitingNotice(this.waiting, 'version', () =>
        probeServerVersion(connection.url, this.fetchImpl(), settings.timeoutMs),
      );
      const choice = chooseProtocol('auto', probed, settings.secretKind === 'apiKey');
      kind = choice.kind;
      if (choice.warning !== undefined) {
        this.logger.warn(choice.warning, {
          event: 'odoo.protocol_fallback',
          version: probed.label,
        });
      }
    } else {
      kind = setting;
    }
    if (kind === 'xmlrpc' && this.insecure && connection.url.startsWith('https:')) {
      throw new OdooProtocolUnavailableError(
        'Skipping TLS verification is not possible over XML-RPC: set ODOO_PROTOCOL=jsonrpc (or json2), or trust the server with NODE_EXTRA_CA_CERTS.',
        { details: { protocol: kind } },
      );
    }
    const transport = createTransport(
      kind,
      settings,
      this.options.fetch ?? (this.insecure ? this.fetchImpl() : undefined),
    );
    // A forced protocol asks its own endpoint, which also proves the protocol is served.
    const version =
      probed ?? (await withWaitingNotice(this.waiting, 'version', () => transport.version()));
    const uid = await this.timed(transport, 'res.users', 'authenticate', () =>
      transport.authenticate(),
    );
    this.connected = { transport, version, uid };
    this.logger.info('Connected to Odoo.', {
      event: 'odoo.connected',
      transport: kind,
      version: version.label,
      uid,
    });
    return { uid, version, transportKind: kind };
  }

  get version(): ServerVersion {
    return this.requireConnected().version;
  }

  get transportKind(): TransportKind {
    return this.requireConnected().transport.kind;
  }

  get uid(): number {
    return this.requireConnected().uid;
  }

  /** The ORM calls of one model. */
  model(name: string): ModelApi {
    return new ModelApi(name, this.defaultContext, (call, options) => this.execute(call, options));
  }

  /** One ORM call through the retry policy; reads should pass `{ idempotent: true }`. */
  async execute(call: ExecuteKwCall, options: CallOptions = {}): Promise<unknown> {
    const { transport } = this.requireConnected();
    return withRetry(
      () => this.timed(transport, call.model, call.method, () => transport.executeKw(call)),
      {
        policy: this.policy,
        effects: this.effects,
        idempotent: options.idempotent ?? false,
        onRetry: ({ attempt, delayMs, error }) => {
          this.logger.warn('Retrying an Odoo call after a transient failure.', {
            event: 'odoo.retry',
            model: call.model,
            method: call.method,
            attempt,
            delayMs,
            error,
          });
        },
      },
    );
  }

  async close(): Promise<void> {
    await this.connected?.transport.close();
    this.connected = undefined;
  }

  private fetchImpl(): FetchLike {
    if (this.options.fetch !== undefined) return this.options.fetch;
    if (this.insecure) return (this.insecureFetchImpl ??= insecureFetch());
    return (input, init) => fetch(input, init);
  }

  private requireConnected(): Connected {
    if (this.connected === undefined) {
      throw new OdooProtocolUnavailableError(
        'The Odoo client is not connected: call connect() first.',
      );
    }
    return this.connected;
  }

  /** Runs one round trip, reporting it to the hook and the debug log (never its arguments). */
  private async timed<T>(
    transport: OdooTransport,
    model: string,
    method: string,
    run: () => Promise<T>,
  ): Promise<T> {
    await this.options.beforeCall?.();
    const started = performance.now();
    try {
      const result = await withWaitingNotice(this.waiting, `${model}.${method}`, run);
      this.report(transport, model, method, started, undefined);
      return result;
    } catch (error) {
      this.report(transport, model, method, started, error);
      throw error;
    }
  }

  private report(
    transport: OdooTransport,
    model: string,
    method: string,
    started: number,
    error: unknown,
  ): void {
    const durationMs = Math.round(performance.now() - started);
    const ok = error === undefined;
    const errorCode = ok ? undefined : isOdooError(error) ? error.code : 'UNKNOWN';
    this.options.roundTrips?.onCall({
      transport: transport.kind,
      model,
      method,
      durationMs,
      ok,
      ...(errorCode === undefined ? {} : { errorCode }),
    });
    this.logger.debug('Odoo call finished.', {
      event: 'odoo.call',
      transport: transport.kind,
      model,
      method,
      durationMs,
      ok,
      ...(errorCode === undefined ? {} : { errorCode }),
    });
  }
}
