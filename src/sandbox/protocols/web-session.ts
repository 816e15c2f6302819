import type { SandboxContext } from '../context';
import { OdooException } from '../errors';
import { executeKw } from '../methods/execute';
import { runCall } from './call-runner';
import { cookie, remoteAddress, sendJson, type Exchange } from './http-io';
import { errorEnvelope, parseJsonRequest } from './json-rpc';
import { checkDatabase, versionPayload } from './services';

const SESSION_DAYS = 7;

function sessionInfo(ctx: SandboxContext, uid: number): Record<string, unknown> {
  const user = ctx.store.table('res.users').get(uid);
  return {
    uid,
    is_system: uid === 2,
    is_admin: uid === 2,
    user_context: { lang: user?.lang || 'en_US', tz: user?.tz || false, uid },
    db: ctx.db,
    server_version: versionPayload(ctx).server_version,
    server_version_info: versionPayload(ctx).server_version_info,
    name: user?.name ?? false,
    username: user?.login ?? false,
    partner_id: user?.partner_id ?? false,
    company_id: user?.company_id ?? false,
  };
}

/** `/web/session/authenticate`, `/web/session/get_session_info`, `/web/session/destroy`, `/web/dataset/call_kw`, version_info. */
export async function handleWebRoute(
  ctx: SandboxContext,
  exchange: Exchange,
  path: string,
): Promise<void> {
  const request = parseJsonRequest(exchange, path);
  if (request === undefined) return;
  const { params } = request;
  const sid = cookie(exchange.req, 'session_id');
  const headers: Record<string, string> = {};
  const call = path.startsWith('/web/dataset/call_kw')
    ? { model: String(params.model ?? ''), method: String(params.method ?? '') }
    : { model: 'web', method: path.split('/').pop() ?? path };
  const outcome = await runCall(ctx, exchange, call, () => {
    if (path === '/web/webclient/version_info') return versionPayload(ctx);
    if (path === '/web/session/authenticate') {
      checkDatabase(ctx, params.db);
      // Interactive login: API keys are not accepted here (res.users._check_credentials).
      const uid = ctx.credentials.login(
        String(params.login),
        String(params.password),
        remoteAddress(exchange.req),
        true,
      );
      if (uid === false) throw new OdooException('AccessDenied', 'Access Denied');
      const session = ctx.sessions.open(uid);
      headers['Set-Cookie'] =
        `session_id=${session}; Max-Age=${SESSION_DAYS * 86400}; HttpOnly; Path=/; SameSite=Lax`;
      return sessionInfo(ctx, uid);
    }
    const uid = ctx.sessions.uidOf(sid);
    if (path === '/web/session/destroy') {
      ctx.sessions.close(sid);
      return null;
    }
    if (uid === undefined) throw new OdooException('SessionExpired', 'Session expired');
    if (path === '/web/session/get_session_info') return sessionInfo(ctx, uid);
    const kwargs = params.kwargs !== null && typeof params.kwargs === 'object' ? params.kwargs : {};
    return executeKw(ctx, uid, call.model, call.method, params.args ?? [], kwargs);
  });
  if ('lost' in outcome) return;
  if (outcome.ok)
    sendJson(exchange.res, 200, { jsonrpc: '2.0', id: request.id, result: outcome.value }, headers);
  else sendJson(exchange.res, 200, errorEnvelope(ctx, request.id, outcome.error));
}
