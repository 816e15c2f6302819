/**
 * Odoo 19's JSON-2 API (odoo-rpc.md §1.4, odoo-verified.md): `POST /json/2/<model>/<method>` with
 * a bearer API key and named arguments; a bare JSON result on 200, `{name, message, ...}` otherwise.
 */
import { z } from 'zod';
import { OdooProtocolUnavailableError, OdooUnexpectedResponseError } from '../errors';
import { parseServerVersion } from '../server-version';
import { classifyFailure } from './classify-error';
import {
  buildDetails,
  printableServer,
  secretRedactor,
  type FailureContext,
} from './failure-context';
import {
  endpoint,
  exchange,
  parseJsonBody,
  type FetchLike,
  type HttpAnswer,
} from './http-exchange';
import type { HttpTransportOptions } from './json-rpc';
import { normaliseJson2Result, toJson2Body } from './json2-arguments';
import type { ExecuteKwCall, OdooTransport, ServerVersion, TransportSettings } from './transport';
import { toWireValue } from './wire-values';

const Json2ErrorSchema = z.object({
  name: z.string().optional(),
  message: z.string(),
});
const ContextGetSchema = z.object({ uid: z.number().int().positive().optional() });
const UserIdsSchema = z.array(z.number().int().positive());

export class Json2Transport implements OdooTransport {
  readonly kind = 'json2';
  private readonly settings: TransportSettings;
  private readonly fetchImpl: FetchLike;
  private readonly redact: (text: string) => string;

  constructor(options: HttpTransportOptions) {
    if (options.settings.secretKind !== 'apiKey') {
      throw new OdooProtocolUnavailableError(
        'JSON-2 authenticates with an API key only: set ODOO_API_KEY or choose ODOO_PROTOCOL=jsonrpc.',
        { details: { transport: 'json2' } },
      );
    }
    this.settings = options.settings;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.redact = secretRedactor(options.settings.secret);
  }

  /** The key decides the user; `context_get` answers its uid (searched by login if absent). */
  async authenticate(): Promise<number> {
    const context = await this.executeKw({
      model: 'res.users',
      method: 'context_get',
      args: [],
      kwargs: {},
    });
    const parsed = ContextGetSchema.safeParse(context);
    if (parsed.success && parsed.data.uid !== undefined) return parsed.data.uid;
    const ids = UserIdsSchema.safeParse(
      await this.executeKw({
        model: 'res.users',
        method: 'search',
        args: [[['login', '=', this.settings.login]]],
        kwargs: { limit: 1 },
      }),
    );
    const uid = ids.success ? ids.data[0] : undefined;
    if (uid === undefined) {
      throw new OdooUnexpectedResponseError(
        `The API key works, but no user with login "${this.settings.login}" is visible: check ODOO_LOGIN.`,
        { details: { transport: this.kind, model: 'res.users' } },
      );
    }
    return uid;
  }

  async version(): Promise<ServerVersion> {
    const context: FailureContext = {
      transport: this.kind,
      method: 'version',
      redact: this.redact,
      server: printableServer(this.settings.url),
    };
    const answer = await this.send('GET', '/web/version', undefined, context);
    if (answer.status === 404) {
      throw new OdooProtocolUnavailableError(
        'This Odoo server has no JSON-2 API (it needs Odoo 19 or later): set ODOO_PROTOCOL=jsonrpc.',
        { details: buildDetails(context, { httpStatus: 404 }) },
      );
    }
    const version =
      answer.status === 200 ? parseServerVersion(parseJsonBody(answer.bodyText)) : undefined;
    if (version === undefined) throw classifyFailure({ kind: 'http', ...answer }, context);
    return version;
  }

  async executeKw(call: ExecuteKwCall): Promise<unknown> {
    const context: FailureContext = {
      transport: this.kind,
      model: call.model,
      method: call.method,
      redact: this.redact,
      server: printableServer(this.settings.url),
    };
    const shape = toJson2Body(call);
    const path = `/json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`;
    const answer = await this.send('POST', path, JSON.stringify(toWireValue(shape.body)), context);
    const parsed = parseJsonBody(answer.bodyText);
    if (answer.status === 200 && parsed !== undefined) return normaliseJson2Result(parsed, shape);
    const failure = Json2ErrorSchema.safeParse(parsed);
    if (answer.status !== 200 && failure.success) {
      throw classifyFailure(
        {
          kind: 'server-exception',
          name: failure.data.name,
          message: failure.data.message,
          httpStatus: answer.status,
        },
        context,
      );
    }
    throw classifyFailure({ kind: 'http', ...answer }, context);
  }

  async close(): Promise<void> {
    // Stateless: no session to end; fetch's pooled connections close when idle.
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    context: FailureContext,
  ): Promise<HttpAnswer> {
    const timeoutMs = this.settings.timeoutMs;
    const headers: Record<string, string> = {
      Authorization: `bearer ${this.settings.secret}`,
      'X-Odoo-Database': this.settings.db,
      Accept: 'application/json',
      'User-Agent': this.settings.userAgent,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    try {
      return await exchange(this.fetchImpl, {
        url: endpoint(this.settings.url, path),
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        timeoutMs,
      });
    } catch (error) {
      throw classifyFailure({ kind: 'thrown', error, timeoutMs }, context);
    }
  }
}
