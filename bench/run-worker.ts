import { fork } from 'node:child_process';
import path from 'node:path';
import { BenchError } from './errors';
import { WorkerMessageSchema, type WorkerJob, type WorkerResult } from './worker-protocol';

/** The compiled worker next to this file (the bench runs from dist/bench). */
const WORKER = path.join(__dirname, 'sync-worker.js');

/** Runs one strategy's full sync and rerun in a fresh Node process and returns its figures. */
export function runWorker(job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      reject(
        new BenchError(`The ${job.strategy} sync worker failed: ${reason}`, {
          details: { strategy: job.strategy },
        }),
      );
    };
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)),
    );
    child.once('message', (raw: unknown) => {
      const message = WorkerMessageSchema.safeParse(raw);
      if (!message.success) return fail('it answered in an unexpected shape.');
      if (!message.data.ok) return fail(message.data.error);
      settled = true;
      resolve(message.data.result);
    });
    child.once('exit', (code, signal) =>
      fail(`it exited (${signal ?? `code ${String(code)}`}) without a result. ${stderr.trim()}`),
    );
    child.send(job);
  });
}
