import { z } from 'zod';
import { ConfigError } from '../config/errors';
import { createLogger, type Logger } from '../shared/logger';
import type { SecretScrubber } from '../shared/redact';
import type { Output } from './output';

/** Environment variables that shape the logs (documented in the README's configuration table). */
export const LOG_ENV = { level: 'TALLY_LOG_LEVEL', format: 'TALLY_LOG_FORMAT' } as const;

const LogSettingsSchema = z.object({
  level: z.enum(['error', 'warn', 'info', 'debug']).optional(),
  format: z.enum(['json', 'pretty']).optional(),
});

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/**
 * The process logger of a command: to stderr (stdout stays for results), JSON unless on a
 * terminal, every line passed through the scrubber that knows this run's secrets.
 */
export function cliLogger(
  env: Readonly<Record<string, string | undefined>>,
  output: Output,
  scrubber: SecretScrubber,
  /** One-shot commands say only what went wrong; the long-running worker also what it does. */
  defaultLevel: LogLevel = 'warn',
): Logger {
  const parsed = LogSettingsSchema.safeParse({
    level: env[LOG_ENV.level]?.trim() || undefined,
    format: env[LOG_ENV.format]?.trim() || undefined,
  });
  if (!parsed.success) {
    throw new ConfigError(
      'environment',
      parsed.error.issues.map((issue) => ({
        path: issue.path[0] === 'level' ? LOG_ENV.level : LOG_ENV.format,
        line: null,
        message: issue.message,
      })),
    );
  }
  return createLogger({
    scrubber,
    level: parsed.data.level ?? defaultLevel,
    format: parsed.data.format ?? (output.isTerminal ? 'pretty' : 'json'),
  });
}
