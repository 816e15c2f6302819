import type { Period } from '../domain/types';
import type { ReadPeriodConfig } from './read-period';
import type { OdooReader } from './read/odoo-reader';
import { syncPeriod, type PeriodSyncResult, type SyncPeriodOptions } from './sync-period';
import type { AppliedWrites, OdooWriter } from './write/apply-writes';
import { DeferredWrites } from './write/deferred-writes';

/** One month of a run, with the tickets whose earlier time it must correct. */
export interface PeriodInRun {
  readonly period: Period;
  readonly extraTicketIds?: readonly number[];
}

export type RunOptions = Omit<SyncPeriodOptions, 'period' | 'extraTicketIds' | 'deferred'>;

/**
 * Syncs several months in the order given (oldest first), then makes the writes they left to the
 * end: the marks no invoice carries and the packs' delivered hours, each distinct value once for
 * the whole run. `onPeriod` sees each month's result as it is done, so a caller that only counts
 * need not hold every month's facts at once.
 */
export async function syncPeriods(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  months: readonly PeriodInRun[],
  options: RunOptions,
  onPeriod: (result: PeriodSyncResult) => void,
): Promise<AppliedWrites | null> {
  const deferred = new DeferredWrites();
  for (const month of months) {
    onPeriod(
      await syncPeriod(client, config, {
        ...options,
        period: month.period,
        ...(month.extraTicketIds !== undefined ? { extraTicketIds: month.extraTicketIds } : {}),
        deferred,
      }),
    );
  }
  if (options.dryRun === true) return null;
  return deferred.flush(client, options.today, options.signal);
}
