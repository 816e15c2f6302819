/**
 * XML-RPC at `/xmlrpc/2/common` and `/xmlrpc/2/object` (odoo-rpc.md §1.3) through the odoo-xmlrpc
 * package, wrapped in promises. `common.version` goes through node-xmlrpc directly, as odoo-xmlrpc
 * does not expose it.
 */
import OdooXmlRpc from 'odoo-xmlrpc';
import xmlrpc from 'xmlrpc';
import { OdooAuthError, OdooUnexpectedResponseError } from '../errors';
import { parseServerVersion } from '../server-version';
import { classifyFailure, type RawFailure } from './classify-error';
import {
  buildDetails,
  printableServer,
  secretRedactor,
  type FailureContext,
} from './failure-context';
import { endpoint } from './http-exchange';
import { UidSchema } from './json-rpc';
import type { ExecuteKwCall, OdooTransport, ServerVersion, TransportSettings } from './transport';
import { toWireValue } from './wire-values';

export interface XmlRpcTransportOptions {
  readonly settings: TransportSettings;
}

export class XmlRpcTransport implements OdooTransport {
  readonly kind = 'xmlrpc';
  private readonly settings: TransportSettings;
  private readonly client: OdooXmlRpc;
  private readonly redact: (text: string) => string;
  private uid: number | undefined;

  constructor(options: XmlRpcTransportOptions) {
    this.settings = options.settings;
    this.redact = secretRedactor(options.settings.secret);
    this.client = new OdooXmlRpc({
      url: options.settings.url,
      db: options.settings.db,
      username: options.settings.login,
      password: options.settings.secret,
    });
  }

  async authenticate(): Promise<number> {
    const context = this.context('authenticate');
    let raw: unknown;
    try {
      raw = await this.withTimeout((callback) => this.client.connect(callback), context);
    } catch (error) {
      if (isFalseUidObject(error)) {
        throw new OdooAuthError(
          `Odoo refused the login "${this.settings.login}": check ODOO_LOGIN and ODOO_PASSWORD or ODOO_API_KEY.`,
          { details: buildDetails(context, { serverMessage: 'authenticate returned false' }) },
        );
      }
      throw error;
    }
    const uid = UidSchema.safeParse(raw);
    if (!uid.success || uid.data === false) {
      throw new OdooUnexpectedResponseError(
        'Odoo answered authenticate with something other than a user id.',
        {
          details: buildDetails(context, {}),
        },
      );
    }
    this.uid = uid.data;
    return uid.data;
  }

  async version(): Promise<ServerVersion> {
    const context = this.context('version');
    const url = endpoint(this.settings.url, '/xmlrpc/2/common');
    const common = url.startsWith('https:')
      ? xmlrpc.createSecureClient({ url })
      : xmlrpc.createClient({ url });
    const raw = await this.withTimeout(
      (callback) =>
        common.methodCall('version', [], (error: unknown, value: unknown) =>
          callback(error, value),
        ),
      context,
    );
    const version = parseServerVersion(raw);
    if (version === undefined) {
      throw new OdooUnexpectedResponseError('Odoo answered common.version in an unknown shape.', {
        details: buildDetails(context, {}),
      });
    }
    return version;
  }

  async executeKw(call: ExecuteKwCall): Promise<unknown> {
    if (this.uid === undefined) await this.authenticate();
    const context: FailureContext = {
      transport: this.kind,
      model: call.model,
      method: call.method,
      redact: this.redact,
      server: printableServer(this.settings.url),
    };
    // odoo-xmlrpc spreads `params` after [db, uid, password, model, method]: so [args, kwargs].
    const params = [toWireValue(call.args), toWireValue(call.kwargs)];
    return this.withTimeout(
      (callback) => this.client.execute_kw(call.model, call.method, params, callback),
      context,
    );
  }

  async close(): Promise<void> {
    // odoo-xmlrpc opens a new HTTP client per call and keeps nothing open.
  }

  private context(method: string): FailureContext {
    return {
      transport: this.kind,
      method,
      redact: this.redact,
      server: printableServer(this.settings.url),
    };
  }

  /**
   * odoo-xmlrpc has no timeout and no way to abort, so the call races a timer; a late answer is
   * dropped. The request itself keeps running until the server or the socket ends it.
   */
  private withTimeout(
    start: (callback: (error: unknown, value: unknown) => void) => void,
    context: FailureContext,
  ): Promise<unknown> {
    const timeoutMs = this.settings.timeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new DOMException('XML-RPC call timed out', 'TimeoutError');
        reject(classifyFailure({ kind: 'thrown', error, timeoutMs }, context));
      }, timeoutMs);
      start((error, value) => {
        clearTimeout(timer);
        if (error === null || error === undefined) resolve(value);
        else if (isFalseUidObject(error)) reject(error);
        else reject(classifyFailure(toRawFailure(error, timeoutMs), context));
      });
    });
  }
}

/** odoo-xmlrpc turns a `false` uid into a plain `{message}` object instead of an Error. */
function isFalseUidObject(error: unknown): boolean {
  return (
    error !== null &&
    typeof error === 'object' &&
    !(error instanceof Error) &&
    (error as { message?: unknown }).message === 'No UID returned from authentication.'
  );
}

/** node-xmlrpc errors: faults carry `faultCode`; HTTP problems a non-enumerable `res` and `body`. */
function toRawFailure(error: unknown, timeoutMs: number): RawFailure {
  if (error !== null && typeof error === 'object') {
    const fault = error as { faultCode?: unknown; faultString?: unknown };
    if (typeof fault.faultCode === 'number' || typeof fault.faultCode === 'string') {
      return {
        kind: 'xmlrpc-fault',
        faultCode: fault.faultCode,
        faultString: typeof fault.faultString === 'string' ? fault.faultString : '',
      };
    }
    const http = error as {
      res?: { statusCode?: unknown; headers?: Record<string, unknown> };
      body?: unknown;
    };
    if (http.res !== undefined && typeof http.res.statusCode === 'number') {
      const headers = http.res.headers ?? {};
      const contentType = headers['content-type'];
      const retryAfter = headers['retry-after'];
      return {
        kind: 'http',
        status: http.res.statusCode,
        contentType: typeof contentType === 'string' ? contentType : undefined,
        retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
        bodyText: typeof http.body === 'string' ? http.body : '',
      };
    }
  }
  return { kind: 'thrown', error, timeoutMs };
}
