import path from 'node:path';
import { JOBS, QUEUES } from '../../../src/queue/names';
import { FakeHandlers } from './fake-handlers';
import { eventually, useQueueHarness } from './queue-harness';
import { spawnTs, waitForLine } from './spawn-ts';

const harness = useQueueHarness('stalled');

describe('a worker process killed mid-job', () => {
  it('leaves a stalled job that a second worker picks up and completes', async () => {
    const h = harness();
    const queue = h.queues.queue(QUEUES.sync);
    const job = await queue.add(JOBS.syncCustomer, {
      period: '2026-11',
      customerId: 42,
      full: false,
    });

    const doomed = spawnTs(path.join(__dirname, 'fixtures/stall-worker.ts'), {
      STALL_PREFIX: h.settings.prefix,
    });
    const exited = new Promise((resolve) => doomed.on('exit', resolve));
    try {
      await waitForLine(doomed, /^started 42$/);
      expect(await (await queue.getJob(job.id!))!.getState()).toBe('active');
    } finally {
      doomed.kill('SIGKILL');
    }
    await exited;

    const handlers = new FakeHandlers();
    h.startWorker(handlers, { name: 'rescuer' });
    const done = await eventually(async () => {
      const current = await queue.getJob(job.id!);
      return current?.finishedOn === undefined ? undefined : current;
    }, 'the stalled job completed');
    expect(await done.getState()).toBe('completed');
    expect(done.processedBy).toBe('rescuer');
    expect(done.returnvalue).toMatchObject({ customerId: 42, period: '2026-11' });
    expect(handlers.callsOf(42)).toHaveLength(1);
  });
});
