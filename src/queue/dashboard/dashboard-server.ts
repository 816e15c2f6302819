import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express from 'express';
import { DashboardListenError } from '../errors';
import type { TallyMetrics } from '../metrics';
import type { TallyQueues } from '../tally-queues';
import { requireCredentials, type DashboardCredentials } from './dashboard-auth';
import { DASHBOARD_ENV, hasCredentials, type DashboardSettings } from './dashboard-settings';

export const BOARD_PATH = '/queues';

export interface Dashboard {
  readonly url: string;
  /** Set when no credentials were configured: a token made for this run (loopback only). */
  readonly generatedToken: string | null;
  close(): Promise<void>;
}

export interface DashboardDeps {
  readonly queues: TallyQueues;
  readonly metrics: TallyMetrics;
  readonly settings: DashboardSettings;
}

/** One HTTP server: Bull Board, `/healthz` and `/metrics`, all behind authentication. */
export async function startDashboard(deps: DashboardDeps): Promise<Dashboard> {
  const { settings } = deps;
  const generatedToken = hasCredentials(settings) ? null : randomBytes(24).toString('base64url');
  const credentials: DashboardCredentials =
    generatedToken === null ? settings : { token: generatedToken };

  const board = new ExpressAdapter();
  board.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: deps.queues.all().map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Tally' } },
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(requireCredentials(credentials));
  app.get('/healthz', async (_request, response) => {
    try {
      await deps.queues.redis.ping();
      response.json({ status: 'ok', redis: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', redis: 'down' });
    }
  });
  app.get('/metrics', async (_request, response) => {
    const { contentType, body } = await deps.metrics.render();
    response.type(contentType).send(body);
  });
  app.get('/', (_request, response) => response.redirect(BOARD_PATH));
  app.use(BOARD_PATH, board.getRouter() as express.Router);

  const server = await listen(app, settings.host, settings.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostPort(settings.host, port)}`,
    generatedToken,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(app: express.Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new DashboardListenError(
          `The dashboard could not listen on ${hostPort(host, port)}: ${whatToFix(error)}.`,
          { cause: error, details: { host, port, reason: error.code ?? 'unknown' } },
        ),
      ),
    );
  });
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Why the address could not be bound, and the setting that changes it. */
function whatToFix(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `another program already uses that port; set ${DASHBOARD_ENV.port} (or --dashboard-port) to a free port, or 0 for any free one`;
    case 'EACCES':
      return `this user may not bind that port; set ${DASHBOARD_ENV.port} (or --dashboard-port) to 1024 or above`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `that host is not an address of this machine; set ${DASHBOARD_ENV.host} (or --dashboard-host) to one, such as 127.0.0.1`;
    default:
      return `${error.code ?? error.message}; set ${DASHBOARD_ENV.host} and ${DASHBOARD_ENV.port} to an address of this machine and a free port`;
  }
}
