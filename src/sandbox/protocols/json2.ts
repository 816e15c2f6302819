import type { SandboxContext } from '../context';
import { OdooException } from '../errors';
import { executeJson2 } from '../methods/execute';
import { fakeTraceback } from '../py';
import { runCall } from './call-runner';
import { isJsonContentType, sendHtmlError, sendJson, sendNotFound, type Exchange } from './http-io';

function sendError(
  exchange: Exchange,
  error: OdooException,
  headers: Record<string, string> = {},
): void {
  sendJson(
    exchange.res,
    error.json2Status,
    {
      name: error.classPath,
      message: error.odooMessage,
      arguments: [error.odooMessage],
      context: {},
      debug: fakeTraceback(error.tracebackName, error.odooMessage),
    },
    headers,
  );
}

/** Checks the bearer key; answers 401 itself and returns undefined when it is missing or wrong. */
function authenticate(ctx: SandboxContext, exchange: Exchange): number | undefined {
  const header = exchange.req.headers.authorization;
  if (header === undefined || header.trim() === '') {
    sendError(
      exchange,
      new OdooException(
        'Unauthorized',
        'User not authenticated, use an API Key with a Bearer Authorization header.',
      ),
    );
    return undefined;
  }
  const [scheme, key] = header.trim().split(/\s+/, 2);
  const uid =
    scheme?.toLowerCase() === 'bearer' && key !== undefined
      ? ctx.credentials.bearer(key)
      : undefined;
  if (uid === undefined) {
    sendError(exchange, new OdooException('Unauthorized', 'Invalid apikey'), {
      'WWW-Authenticate': 'Bearer',
    });
  }
  return uid;
}

/** `POST /json/2/<model>/<method>` (Odoo 19): named arguments in, bare result or status-coded error out. */
export async function handleJson2(
  ctx: SandboxContext,
  exchange: Exchange,
  model: string,
  method: string,
): Promise<void> {
  if (exchange.req.method !== 'POST') {
    sendError(
      exchange,
      new OdooException('NotFound', 'Did you mean POST /json/2/<model>/<method>?'),
    );
    return;
  }
  const database = exchange.req.headers['x-odoo-database'];
  if (typeof database === 'string' && database !== ctx.db) {
    sendNotFound(exchange.res);
    return;
  }
  if (!isJsonContentType(exchange.req)) {
    sendHtmlError(
      exchange.res,
      415,
      'Unsupported Media Type',
      'The server does not support the media type transmitted in the request.',
    );
    return;
  }
  const uid = authenticate(ctx, exchange);
  if (uid === undefined) return;
  let body: unknown;
  try {
    const text = exchange.body.toString('utf8');
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    sendError(
      exchange,
      new OdooException('BadRequest', `could not parse the body as json: ${reason}`),
    );
    return;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    sendError(
      exchange,
      new OdooException('BadRequest', 'could not parse the body as json: expected an object'),
    );
    return;
  }
  const args = body as Record<string, unknown>;
  const outcome = await runCall(ctx, exchange, { model, method }, () =>
    executeJson2(ctx, uid, model, method, args),
  );
  if ('lost' in outcome) return;
  if (outcome.ok) sendJson(exchange.res, 200, outcome.value ?? null);
  else sendError(exchange, outcome.error);
}
