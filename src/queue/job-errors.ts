import { UnrecoverableError } from 'bullmq';
import { isTallyError } from '../shared/errors';
import type { SecretScrubber } from '../shared/redact';
import { UnexpectedJobError } from './errors';

/** A failure as the job boundary sees it: the sentence to keep and whether a retry may help. */
export interface JobFailure {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
}

/** Names any thrown value; a non-Tally error is retried once more, its message scrubbed. */
export function describeFailure(error: unknown, scrubber: SecretScrubber): JobFailure {
  if (isTallyError(error)) {
    return {
      code: error.code,
      message: scrubber.scrub(error.userMessage),
      retryable: error.retryable,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  const wrapped = new UnexpectedJobError(`unexpected failure: ${scrubber.scrub(text)}`, {
    retryable: true,
  });
  return { code: wrapped.code, message: wrapped.userMessage, retryable: true };
}

/**
 * What BullMQ must see (style.md: control-flow errors only at the job boundary): an
 * `UnrecoverableError` fails the job at once; a plain Error is retried with backoff. Either way
 * the failed reason BullMQ keeps is the user's sentence.
 */
export function toBullMqError(failure: JobFailure): Error {
  if (!failure.retryable) return new UnrecoverableError(failure.message);
  const error = new Error(failure.message);
  error.name = failure.code;
  return error;
}
