/** Calls received by the sandbox, for tests and the bench (round trips, writes). */
export class CallStats {
  private readonly counts = new Map<string, number>();
  total = 0;
  writes = 0;

  /** Records one call; `model` is the service for common/db calls. */
  record(model: string, method: string, isWrite: boolean): void {
    this.total += 1;
    if (isWrite) this.writes += 1;
    const key = `${model}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls of a model (and method); with no arguments, every call. */
  count(model?: string, method?: string): number {
    if (model === undefined) return this.total;
    let total = 0;
    for (const [key, value] of this.counts) {
      if (method !== undefined ? key === `${model}.${method}` : key.startsWith(`${model}.`))
        total += value;
    }
    return total;
  }

  /** Counts by `model.method`, sorted by key. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
    this.writes = 0;
  }
}

const READ_METHODS = new Set([
  'search_read',
  'search',
  'search_count',
  'read',
  'fields_get',
  'name_search',
  'name_get',
  'read_group',
  'formatted_read_group',
  'default_get',
  'exists',
  'check_access_rights',
  'context_get',
  'has_group',
]);

/** Whether a model method changes data (counts as a write for stats and abort hooks). */
export function isWriteMethod(method: string): boolean {
  return !READ_METHODS.has(method);
}
