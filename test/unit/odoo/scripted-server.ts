import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly delayMs?: number;
  /** Destroys the socket without answering (a connection reset). */
  readonly reset?: boolean;
}

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A real HTTP server on 127.0.0.1 answering scripted replies in order (undici's test style). Used
 * for XML-RPC, because node-xmlrpc's response stream never ends under nock 14's interceptor.
 */
export class ScriptedServer {
  readonly received: ReceivedRequest[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private server: Server | undefined;

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** Queues answers for the next requests. */
  answer(...answers: ScriptedAnswer[]): this {
    this.script.push(...answers);
    return this;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const next = this.script.shift() ?? { status: 500, body: 'no scripted answer left' };
        const send = (): void => {
          if (next.reset === true) {
            request.socket.destroy();
            return;
          }
          response.writeHead(next.status ?? 200, next.headers ?? {});
          response.end(next.body ?? '');
        };
        if (next.delayMs === undefined) send();
        else setTimeout(send, next.delayMs).unref();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
