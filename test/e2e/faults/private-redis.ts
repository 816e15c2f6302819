import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HANG_MS } from '../../support/hang';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/**
 * Sends one inline command over a plain socket and resolves with the first reply, or null when
 * nothing listens. (An ioredis client here would leave reconnect timers behind after a refusal.)
 */
function send(port: number, command: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(reply === '' ? null : reply));
  });
}

/**
 * A redis-server of this test alone (never the shared 127.0.0.1:6379 other tests use), so it can
 * be stopped and started mid-sync. No background saving; `stop('save')` writes the data set once
 * on the way down, as a planned restart does, and the next start loads it from the same directory.
 */
export class PrivateRedis {
  private server: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(
      await freePort(),
      mkdtempSync(path.join(tmpdir(), 'tally-redis-')),
    );
    await redis.startServer();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server on the same port and directory and waits until it answers. */
  async startServer(): Promise<void> {
    const server = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
        '--dbfilename',
        'dump.rdb',
      ],
      { stdio: 'ignore' },
    );
    this.server = server;
    const deadline = Date.now() + HANG_MS;
    // PONG only once the data set is loaded (before that Redis answers -LOADING).
    while ((await send(this.port, 'PING'))?.startsWith('+PONG') !== true) {
      if (Date.now() > deadline || server.exitCode !== null)
        throw new Error(`redis-server on port ${this.port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the server: `save` as a planned restart (data kept), `crash` as SIGKILL (data lost). */
  async stop(how: 'save' | 'crash'): Promise<void> {
    const server = this.server;
    if (server === undefined || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    if (how === 'crash') server.kill('SIGKILL');
    // The server closes the connection instead of answering SHUTDOWN.
    else await send(this.port, 'SHUTDOWN SAVE');
    await exited;
  }

  /** Stops the server for good and removes its directory (always, also after a failure). */
  async dispose(): Promise<void> {
    await this.stop('crash');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
