import { closeRedis, connectRedis } from './connection';
import { loadQueueSettings, type QueueSettingsInput } from './queue-settings';
import { TallyQueues } from './tally-queues';

export interface OpenQueues {
  readonly queues: TallyQueues;
  close(): Promise<void>;
}

/** Connects to the queues named by the environment, for commands that only read or schedule. */
export async function openQueues(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<QueueSettingsInput> = {},
): Promise<OpenQueues> {
  const settings = loadQueueSettings(env, overrides);
  const redis = await connectRedis(settings.redisUrl);
  const queues = new TallyQueues(redis, settings);
  return {
    queues,
    close: async () => {
      await queues.close();
      await closeRedis(redis);
    },
  };
}
