import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Credentials } from './auth/credentials';
import { Sessions } from './auth/sessions';
import { installBaseData } from './base-data';
import type { SandboxContext } from './context';
import { demoCompanySeed } from './demo-company/seed';
import { demoSeed } from './demo-seed';
import { SandboxFaults, type FaultConfig, type FaultController } from './faults';
import { allModelSpecs } from './models';
import { DEFAULT_PROFILE, versionInfo, type SandboxProfile } from './profile';
import { handleJson2 } from './protocols/json2';
import { handleJsonRpc } from './protocols/json-rpc';
import {
  readBody,
  sendHtmlError,
  sendJson,
  sendNotFound,
  type Exchange,
} from './protocols/http-io';
import { handleWebRoute } from './protocols/web-session';
import { handleXmlRpc } from './protocols/xml-rpc';
import { Registry } from './registry';
import { applySeed, SandboxSeedSchema, type BuiltInSeed, type SandboxSeed } from './seed';
import { snapshotStore } from './snapshot';
import { CallStats } from './stats';
import { Store } from './store';
import { SandboxStore } from './store-facade';

export interface SandboxOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Odoo version to emulate (default 17). */
  odooVersion?: 16 | 17 | 18 | 19;
  /** Helpdesk flavour: OCA helpdesk_mgmt (default) or Enterprise helpdesk. */
  helpdesk?: 'oca' | 'enterprise';
  /** Database name (default `tally`). */
  db?: string;
  /** Administrator login (default `admin`). */
  login?: string;
  /** Administrator password (default `admin`). */
  password?: string;
  /** Administrator API key (default: random). */
  apiKey?: string;
  /** Initial data: `empty` (default), `demo` (small), `demo-company` (realistic, three months), or a seed object. */
  seed?: SandboxSeed | BuiltInSeed;
  /** Source of "now" for write_date and the login cooldown (default: the system clock). */
  clock?: () => Date;
  /** Faults from the start (latency, random failure rate); a seed's `faults` apply when absent. */
  faults?: FaultConfig;
}

export interface Sandbox {
  url: string;
  port: number;
  db: string;
  login: string;
  password: string;
  apiKey: string;
  /** The administrator's uid (2, as in a fresh Odoo database). */
  uid: number;
  profile: SandboxProfile;
  faults: FaultController;
  stats: CallStats;
  store: SandboxStore;
  /** Every stored record by model, ids ascending, keys sorted. */
  snapshot(): Record<string, Record<string, unknown>[]>;
  close(): Promise<void>;
}

const WEB_ROUTES = new Set([
  '/web/session/authenticate',
  '/web/session/get_session_info',
  '/web/session/destroy',
  '/web/webclient/version_info',
]);

async function route(ctx: SandboxContext, exchange: Exchange): Promise<void> {
  const path = exchange.url.pathname;
  const post = exchange.req.method === 'POST';
  const v19 = ctx.profile.odooVersion >= 19;
  const xmlrpc = /^\/xmlrpc\/(2\/)?(\w+)$/.exec(path);
  const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
  if (path === '/jsonrpc' && post) return handleJsonRpc(ctx, exchange);
  if (xmlrpc !== null && post)
    return handleXmlRpc(ctx, exchange, xmlrpc[2] as string, xmlrpc[1] === undefined);
  if ((WEB_ROUTES.has(path) || path.startsWith('/web/dataset/call_kw')) && post)
    return handleWebRoute(ctx, exchange, path);
  if (json2 !== null && v19)
    return handleJson2(
      ctx,
      exchange,
      decodeURIComponent(json2[1] as string),
      decodeURIComponent(json2[2] as string),
    );
  if (
    (path === '/web/version' || path === '/json/version') &&
    v19 &&
    exchange.req.method === 'GET'
  ) {
    return sendJson(exchange.res, 200, {
      version_info: versionInfo(ctx.profile),
      version: `${ctx.profile.odooVersion}.0`,
    });
  }
  if ((path === '/jsonrpc' || xmlrpc !== null) && !post) {
    return sendHtmlError(
      exchange.res,
      405,
      'Method Not Allowed',
      'The method is not allowed for the requested URL.',
    );
  }
  return sendNotFound(exchange.res);
}

function builtIn(profile: SandboxProfile, seed: BuiltInSeed): SandboxSeed[] {
  if (seed === 'demo') return [demoSeed(profile)];
  if (seed === 'demo-company') return [demoCompanySeed(profile)];
  return [];
}

function seedOf(profile: SandboxProfile, seed: SandboxOptions['seed']): SandboxSeed[] {
  if (seed === undefined) return [];
  if (typeof seed === 'string') return builtIn(profile, seed);
  const parsed = SandboxSeedSchema.parse(seed);
  // One database: the base's records date from when the seed says its own do.
  const base = builtIn(profile, parsed.base).map((built) => ({
    ...built,
    createdAt: parsed.createdAt,
  }));
  return [...base, parsed];
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts an Odoo emulator over real HTTP (JSON-RPC, XML-RPC, web session, JSON-2 on 19). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const profile: SandboxProfile = {
    odooVersion: options.odooVersion ?? DEFAULT_PROFILE.odooVersion,
    helpdesk: options.helpdesk ?? DEFAULT_PROFILE.helpdesk,
  };
  const clock = options.clock ?? (() => new Date());
  const store = new Store();
  const sessions = new Sessions();
  const seeds = seedOf(profile, options.seed);
  const faultConfig =
    options.faults ?? seeds.map((seed) => seed.faults).find((config) => config !== undefined) ?? {};
  const ctx: SandboxContext = {
    db: options.db ?? 'tally',
    profile,
    store,
    registry: new Registry(profile, allModelSpecs(profile)),
    clock,
    credentials: new Credentials(store, clock),
    sessions,
    faults: new SandboxFaults(faultConfig, () => sessions.expireAll()),
    stats: new CallStats(),
  };
  const login = options.login ?? 'admin';
  const password = options.password ?? 'admin';
  const apiKey = options.apiKey ?? randomBytes(20).toString('hex');
  installBaseData(ctx, { login, password, apiKey });
  for (const seed of seeds) applySeed(ctx, seed);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        const body = await readBody(req);
        await route(ctx, { req, res, body, url: new URL(req.url ?? '/', 'http://sandbox') });
      } catch (error) {
        if (!res.headersSent)
          sendHtmlError(
            res,
            500,
            'Internal Server Error',
            error instanceof Error ? error.message : 'error',
          );
      }
    })();
  });
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host}:${port}`,
    port,
    db: ctx.db,
    login,
    password,
    apiKey,
    uid: 2,
    profile,
    faults: ctx.faults,
    stats: ctx.stats,
    store: new SandboxStore(ctx),
    snapshot: () => snapshotStore(store, ctx.registry),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
