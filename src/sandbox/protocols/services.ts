import type { SandboxContext } from '../context';
import { OdooException } from '../errors';
import { executeKw } from '../methods/execute';
import { pyRepr } from '../py';
import { serverVersion, versionInfo } from '../profile';

/** `common.version` payload (also /web/webclient/version_info). */
export function versionPayload(ctx: SandboxContext): Record<string, unknown> {
  const info = versionInfo(ctx.profile);
  return {
    server_version: serverVersion(ctx.profile),
    server_version_info: info,
    server_serie: `${ctx.profile.odooVersion}.0`,
    protocol_version: 1,
  };
}

/** psycopg2's error for a database the server does not have. */
export function checkDatabase(ctx: SandboxContext, db: unknown): void {
  if (db === ctx.db) return;
  throw new OdooException(
    'OperationalError',
    `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${String(db)}" does not exist\n`,
  );
}

/** What a classic call is about, for stats and fault matching. */
export function describeCall(
  service: string,
  method: string,
  params: unknown[],
): { model: string; method: string } {
  if (service === 'object' && (method === 'execute_kw' || method === 'execute')) {
    return { model: String(params[3] ?? ''), method: String(params[4] ?? '') };
  }
  return { model: service, method };
}

/** The `common`, `object` and `db` services of `/jsonrpc` and `/xmlrpc/2/*`. */
export function dispatchService(
  ctx: SandboxContext,
  service: string,
  method: string,
  params: unknown[],
  address: string,
): unknown {
  switch (service) {
    case 'common':
      return common(ctx, method, params, address);
    case 'object':
      return object(ctx, method, params, address);
    case 'db':
      if (method === 'list') return [ctx.db];
      if (method === 'server_version') return serverVersion(ctx.profile);
      throw new OdooException('AccessDenied', 'Access Denied');
    default:
      throw new OdooException('KeyError', pyRepr(service));
  }
}

function common(ctx: SandboxContext, method: string, params: unknown[], address: string): unknown {
  switch (method) {
    case 'version':
      return versionPayload(ctx);
    case 'about':
      return 'See http://openerp.com';
    case 'login':
    case 'authenticate': {
      const [db, login, password] = params;
      checkDatabase(ctx, db);
      return ctx.credentials.login(String(login), String(password), address);
    }
    default:
      throw new OdooException('KeyError', pyRepr(`exp_${method}`));
  }
}

function object(ctx: SandboxContext, method: string, params: unknown[], address: string): unknown {
  const [db, uid, password, model, name, ...rest] = params;
  if (method !== 'execute_kw' && method !== 'execute')
    throw new OdooException('KeyError', pyRepr(`exp_${method}`));
  checkDatabase(ctx, db);
  const user = ctx.credentials.check(uid, password, address);
  if (method === 'execute') return executeKw(ctx, user, String(model), String(name), rest, {});
  return executeKw(ctx, user, String(model), String(name), rest[0] ?? [], rest[1] ?? {});
}
