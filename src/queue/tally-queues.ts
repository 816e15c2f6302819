import { FlowProducer, Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from './names';
import type { QueueSettings } from './queue-settings';

/** Retries with exponential backoff; completed jobs trimmed; failed jobs kept with their reason. */
export function defaultJobOptions(settings: QueueSettings): DefaultJobOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    removeOnComplete: settings.keepCompleted,
    removeOnFail: settings.keepFailed,
  };
}

/** Tally's queues and flow producer on one shared connection; built by a composition root. */
export class TallyQueues {
  private readonly queues: ReadonlyMap<QueueName, Queue>;
  readonly flows: FlowProducer;

  constructor(
    readonly redis: Redis,
    readonly settings: QueueSettings,
  ) {
    const defaults = defaultJobOptions(settings);
    this.queues = new Map(
      QUEUE_NAMES.map((name) => [
        name,
        new Queue(name, {
          connection: redis,
          prefix: settings.prefix,
          defaultJobOptions: defaults,
        }),
      ]),
    );
    this.flows = new FlowProducer({ connection: redis, prefix: settings.prefix });
  }

  get prefix(): string {
    return this.settings.prefix;
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (queue === undefined) throw new RangeError(`Unknown queue ${name}`);
    return queue;
  }

  all(): readonly Queue[] {
    return [...this.queues.values()];
  }

  /** Closes the queue objects; the shared connection stays open for its owner to close. */
  async close(): Promise<void> {
    await Promise.all([...this.all().map((queue) => queue.close()), this.flows.close()]);
  }
}
