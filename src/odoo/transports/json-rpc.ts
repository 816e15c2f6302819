/**
 * JSON-RPC at `/jsonrpc` (odoo-rpc.md §1.1): `common.authenticate`, `common.version` and
 * `object.execute_kw`, stateless, the secret in every body. Errors arrive inside HTTP 200 bodies.
 */
import { z } from 'zod';
import { OdooAuthError, OdooUnexpectedResponseError } from '../errors';
import { parseServerVersion } from '../server-version';
import { classifyFailure } from './classify-error';
import {
  buildDetails,
  printableServer,
  secretRedactor,
  type FailureContext,
} from './failure-context';
import { endpoint, exchange, parseJsonBody, type FetchLike } from './http-exchange';
import type { ExecuteKwCall, OdooTransport, ServerVersion, TransportSettings } from './transport';
import { toWireValue } from './wire-values';

const JsonRpcErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    data: z.object({ name: z.string().optional(), message: z.string().optional() }).optional(),
  }),
});

export const UidSchema = z.union([z.number().int().positive(), z.literal(false)]);

export interface HttpTransportOptions {
  readonly settings: TransportSettings;
  /** Defaults to Node's global fetch (keep-alive on by default). */
  readonly fetch?: FetchLike;
}

export class JsonRpcTransport implements OdooTransport {
  readonly kind = 'jsonrpc';
  private readonly settings: TransportSettings;
  private readonly fetchImpl: FetchLike;
  private readonly redact: (text: string) => string;
  private uid: number | undefined;
  private nextRequestId = 1;

  constructor(options: HttpTransportOptions) {
    this.settings = options.settings;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.redact = secretRedactor(options.settings.secret);
  }

  async authenticate(): Promise<number> {
    const { db, login, secret } = this.settings;
    const context = this.context('authenticate');
    const raw = await this.rpc('common', 'authenticate', [db, login, secret, {}], context);
    const uid = UidSchema.safeParse(raw);
    if (!uid.success) {
      throw new OdooUnexpectedResponseError(
        'Odoo answered authenticate with something other than a user id.',
        {
          details: buildDetails(context, {}),
        },
      );
    }
    if (uid.data === false) {
      throw new OdooAuthError(
        `Odoo refused the login "${login}": check ODOO_LOGIN and ODOO_PASSWORD or ODOO_API_KEY.`,
        { details: buildDetails(context, { serverMessage: 'authenticate returned false' }) },
      );
    }
    this.uid = uid.data;
    return uid.data;
  }

  async version(): Promise<ServerVersion> {
    const context = this.context('version');
    const version = parseServerVersion(await this.rpc('common', 'version', [], context));
    if (version === undefined) {
      throw new OdooUnexpectedResponseError('Odoo answered common.version in an unknown shape.', {
        details: buildDetails(context, {}),
      });
    }
    return version;
  }

  async executeKw(call: ExecuteKwCall): Promise<unknown> {
    const uid = this.uid ?? (await this.authenticate());
    const { db, secret } = this.settings;
    return this.rpc(
      'object',
      'execute_kw',
      [db, uid, secret, call.model, call.method, call.args, call.kwargs],
      {
        transport: this.kind,
        model: call.model,
        method: call.method,
        redact: this.redact,
        server: printableServer(this.settings.url),
      },
    );
  }

  async close(): Promise<void> {
    // Stateless: fetch's pooled connections close on their own when idle.
  }

  private context(method: string): FailureContext {
    return {
      transport: this.kind,
      method,
      redact: this.redact,
      server: printableServer(this.settings.url),
    };
  }

  private async rpc(
    service: 'common' | 'object',
    method: string,
    args: readonly unknown[],
    context: FailureContext,
  ): Promise<unknown> {
    const id = this.nextRequestId;
    this.nextRequestId += 1;
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      id,
      params: { service, method, args: toWireValue(args) },
    });
    const timeoutMs = this.settings.timeoutMs;
    let answer;
    try {
      answer = await exchange(this.fetchImpl, {
        url: endpoint(this.settings.url, '/jsonrpc'),
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'User-Agent': this.settings.userAgent,
        },
        body,
        timeoutMs,
      });
    } catch (error) {
      throw classifyFailure({ kind: 'thrown', error, timeoutMs }, context);
    }
    const parsed = parseJsonBody(answer.bodyText);
    const failed = JsonRpcErrorEnvelopeSchema.safeParse(parsed);
    if (failed.success) {
      const { error } = failed.data;
      throw classifyFailure(
        {
          kind: 'server-exception',
          name: error.data?.name,
          message: error.data?.message ?? error.message ?? '',
          jsonRpcCode: error.code,
          httpStatus: answer.status === 200 ? undefined : answer.status,
        },
        context,
      );
    }
    if (answer.status !== 200 || !hasResult(parsed))
      throw classifyFailure({ kind: 'http', ...answer }, context);
    return parsed.result;
  }
}

function hasResult(value: unknown): value is { result: unknown } {
  return value !== null && typeof value === 'object' && 'result' in value;
}
