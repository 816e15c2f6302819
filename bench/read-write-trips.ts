import { RoundTripCounter, type RoundTrip, type RoundTripHook } from '../src/odoo/round-trips';

/**
 * Methods that change no record. Everything else (create, write, unlink, action_*) is a write;
 * `authenticate` is the login the client reports once per connection.
 */
const READ_METHODS: ReadonlySet<string> = new Set([
  'authenticate',
  'fields_get',
  'read',
  'read_group',
  'search',
  'search_count',
  'search_read',
]);

export const isReadMethod = (method: string): boolean => READ_METHODS.has(method);

/** Round trips split into reads and writes, with a count per `model.method` for the report. */
export class ReadWriteTrips implements RoundTripHook {
  readonly reads = new RoundTripCounter();
  readonly writes = new RoundTripCounter();
  private readonly perCall = new Map<string, number>();

  onCall(trip: RoundTrip): void {
    (isReadMethod(trip.method) ? this.reads : this.writes).onCall(trip);
    const key = `${trip.model}.${trip.method}`;
    this.perCall.set(key, (this.perCall.get(key) ?? 0) + 1);
  }

  /** Counts by `model.method`, sorted by key. */
  byCall(): Record<string, number> {
    return Object.fromEntries([...this.perCall].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.reads.reset();
    this.writes.reset();
    this.perCall.clear();
  }
}
