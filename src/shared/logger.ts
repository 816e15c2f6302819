import winston from 'winston';
import { TallyError } from './errors';
import type { SecretScrubber } from './redact';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogFields = Record<string, unknown> & { event: string };

/** A structured logger: a stable `event` name per line plus ids; messages are for humans. */
export interface Logger {
  error(message: string, fields: LogFields): void;
  warn(message: string, fields: LogFields): void;
  info(message: string, fields: LogFields): void;
  debug(message: string, fields: LogFields): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** `json` for machines (default when not on a terminal), `pretty` for people. */
  readonly format?: 'json' | 'pretty';
  readonly scrubber: SecretScrubber;
  /** Where lines go; defaults to stderr so stdout stays clean for command output. */
  readonly stream?: NodeJS.WritableStream;
}

function normalise(value: unknown): unknown {
  if (value instanceof TallyError) return value.toJSON();
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

class WinstonLogger implements Logger {
  constructor(
    private readonly inner: winston.Logger,
    private readonly scrubber: SecretScrubber,
    private readonly bound: Record<string, unknown> = {},
  ) {}

  private write(level: LogLevel, message: string, fields: LogFields): void {
    const merged: Record<string, unknown> = { ...this.bound };
    for (const [key, value] of Object.entries(fields)) merged[key] = normalise(value);
    const safe = this.scrubber.scrubValue(merged) as Record<string, unknown>;
    this.inner.log(level, this.scrubber.scrub(message), safe);
  }

  error(message: string, fields: LogFields): void {
    this.write('error', message, fields);
  }
  warn(message: string, fields: LogFields): void {
    this.write('warn', message, fields);
  }
  info(message: string, fields: LogFields): void {
    this.write('info', message, fields);
  }
  debug(message: string, fields: LogFields): void {
    this.write('debug', message, fields);
  }
  child(fields: Record<string, unknown>): Logger {
    return new WinstonLogger(this.inner, this.scrubber, { ...this.bound, ...fields });
  }
}

/** Builds the process logger; only the composition root calls this. */
export function createLogger(options: LoggerOptions): Logger {
  const format =
    options.format === 'pretty'
      ? winston.format.combine(
          winston.format.timestamp(),
          winston.format.printf(
            ({ level, message, timestamp, event }) =>
              `${String(timestamp)} ${level} ${String(event ?? '')} ${String(message)}`,
          ),
        )
      : winston.format.combine(winston.format.timestamp(), winston.format.json());
  const inner = winston.createLogger({
    level: options.level ?? 'info',
    format,
    transports: [new winston.transports.Stream({ stream: options.stream ?? process.stderr })],
  });
  return new WinstonLogger(inner, options.scrubber);
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  child: () => silentLogger,
};
