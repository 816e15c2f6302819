import { TallyError } from '../src/shared/errors';

/** A step of the bench (seeding, setup, a sync worker) failed; the message names the step. */
export class BenchError extends TallyError {
  readonly code = 'BENCH_FAILED';
}
