import type { OdooErrorCode } from './errors';
import type { TransportKind } from './transports/transport';

/** One RPC round trip as seen by the client (each retry attempt counts as one). */
export interface RoundTrip {
  readonly transport: TransportKind;
  readonly model: string;
  readonly method: string;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly errorCode?: OdooErrorCode | 'UNKNOWN';
}

/** Hook called after every round trip, for benchmarks and metrics. */
export interface RoundTripHook {
  onCall(trip: RoundTrip): void;
}

/** Counts round trips in memory: total, failures, and per "model.method". */
export class RoundTripCounter implements RoundTripHook {
  total = 0;
  failures = 0;
  private readonly perCall = new Map<string, number>();

  onCall(trip: RoundTrip): void {
    this.total += 1;
    if (!trip.ok) this.failures += 1;
    const key = `${trip.model}.${trip.method}`;
    this.perCall.set(key, (this.perCall.get(key) ?? 0) + 1);
  }

  /** Round trips for one "model.method". */
  count(model: string, method: string): number {
    return this.perCall.get(`${model}.${method}`) ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.failures = 0;
    this.perCall.clear();
  }
}
