import type { SandboxContext } from '../context';
import type { OdooException } from '../errors';
import { fakeTraceback } from '../py';
import { runCall } from './call-runner';
import {
  isJsonContentType,
  remoteAddress,
  sendHtmlError,
  sendJson,
  type Exchange,
} from './http-io';
import { describeCall, dispatchService } from './services';

export interface JsonRequest {
  id: unknown;
  params: Record<string, unknown>;
}

/** The JSON-RPC error envelope (`code` 200 on 16-18, 0 on 19, 100 for an expired session). */
export function errorEnvelope(
  ctx: SandboxContext,
  id: unknown,
  error: OdooException,
): Record<string, unknown> {
  const expired = error.kind === 'SessionExpired';
  return {
    jsonrpc: '2.0',
    id,
    error: {
      code: expired ? 100 : ctx.profile.odooVersion >= 19 ? 0 : 200,
      message: expired ? 'Odoo Session Expired' : 'Odoo Server Error',
      data: {
        name: error.classPath,
        debug: fakeTraceback(error.tracebackName, error.odooMessage),
        message: error.odooMessage,
        arguments: [error.odooMessage],
        context: {},
      },
    },
  };
}

/** Parses a JSON-RPC body; answers 400 HTML itself (as Odoo does) and returns undefined on failure. */
export function parseJsonRequest(exchange: Exchange, route: string): JsonRequest | undefined {
  if (!isJsonContentType(exchange.req)) {
    sendHtmlError(
      exchange.res,
      400,
      'Bad Request',
      `Request inferred type is compatible with ['http'] but ${route} is type=json.`,
    );
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(exchange.body.toString('utf8'));
  } catch {
    sendHtmlError(exchange.res, 400, 'Bad Request', 'Invalid JSON data');
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    sendHtmlError(exchange.res, 400, 'Bad Request', 'Invalid JSON-RPC data');
    return undefined;
  }
  const request = parsed as Record<string, unknown>;
  const params = request.params;
  return {
    id: request.id ?? null,
    params:
      params !== null && typeof params === 'object' && !Array.isArray(params)
        ? (params as Record<string, unknown>)
        : {},
  };
}

/** `POST /jsonrpc`: services common / object / db. */
export async function handleJsonRpc(ctx: SandboxContext, exchange: Exchange): Promise<void> {
  const request = parseJsonRequest(exchange, '/jsonrpc');
  if (request === undefined) return;
  const service = String(request.params.service ?? '');
  const method = String(request.params.method ?? '');
  const args = Array.isArray(request.params.args) ? (request.params.args as unknown[]) : [];
  const outcome = await runCall(ctx, exchange, describeCall(service, method, args), () =>
    dispatchService(ctx, service, method, args, remoteAddress(exchange.req)),
  );
  if ('lost' in outcome) return;
  if (outcome.ok)
    sendJson(exchange.res, 200, { jsonrpc: '2.0', id: request.id, result: outcome.value });
  else sendJson(exchange.res, 200, errorEnvelope(ctx, request.id, outcome.error));
}
