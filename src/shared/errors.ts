/**
 * The one error base of Tally. Every thrown error is a TallyError subclass with a stable code,
 * a retryable flag, one sentence for the user naming what to fix, and details built by allow-list.
 */
export type ErrorDetails = Readonly<
  Record<string, string | number | boolean | null | readonly (string | number)[]>
>;

export interface TallyErrorOptions {
  readonly retryable?: boolean;
  readonly details?: ErrorDetails;
  readonly cause?: unknown;
}

export abstract class TallyError extends Error {
  abstract readonly code: string;
  readonly retryable: boolean;
  readonly details: ErrorDetails;

  constructor(
    /** One sentence naming what went wrong and what to fix. */
    readonly userMessage: string,
    options: TallyErrorOptions = {},
  ) {
    super(userMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }

  /** What may be logged or stored: never the cause chain, which can hold request bodies. */
  toJSON(): {
    name: string;
    code: string;
    retryable: boolean;
    message: string;
    details: ErrorDetails;
  } {
    return {
      name: this.name,
      code: this.code,
      retryable: this.retryable,
      message: this.userMessage,
      details: this.details,
    };
  }
}

export function isTallyError(value: unknown): value is TallyError {
  return value instanceof TallyError;
}
