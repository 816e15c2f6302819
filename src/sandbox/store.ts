/**
 * In-memory tables. Rows hold stored values only (many2one as id or false, many2many as id lists);
 * one2many values are derived from the inverse many2one through lazily built indexes. Every
 * mutation is journaled while a transaction is open so a failing call leaves nothing behind, as
 * one RPC call = one database transaction in Odoo (odoo-rpc.md §1.0).
 */
export type Row = Record<string, unknown> & { id: number };

type Undo = () => void;

export class Table {
  readonly rows = new Map<number, Row>();
  /** Ascending ids ever inserted (ids only grow); deleted ids are skipped while iterating. */
  private ids: number[] = [];
  private deleted = 0;
  private readonly m2oIndexes = new Map<string, Map<number, Set<number>>>();
  private readonly m2mIndexes = new Map<string, Map<number, Set<number>>>();

  constructor(
    readonly model: string,
    private readonly store: Store,
  ) {}

  get size(): number {
    return this.rows.size;
  }

  get(id: number): Row | undefined {
    return this.rows.get(id);
  }

  /** Ids in ascending order, starting at the first id >= `from`. */
  *ascendingIds(from = 0): Generator<number> {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ids[mid] ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.ids.length; i += 1) {
      const id = this.ids[i] as number;
      if (this.rows.has(id)) yield id;
    }
  }

  *descendingIds(): Generator<number> {
    for (let i = this.ids.length - 1; i >= 0; i -= 1) {
      const id = this.ids[i] as number;
      if (this.rows.has(id)) yield id;
    }
  }

  insert(row: Row): void {
    this.rows.set(row.id, row);
    const last = this.ids[this.ids.length - 1];
    if (last === undefined || last < row.id) this.ids.push(row.id);
    else this.ids = [...this.rows.keys()].sort((a, b) => a - b);
    for (const [field, index] of this.m2oIndexes) addTo(index, row[field], row.id);
    for (const [field, index] of this.m2mIndexes) addAll(index, row[field], row.id);
    this.store.journal(() => this.remove(row.id));
  }

  update(id: number, values: Record<string, unknown>): void {
    const row = this.rows.get(id);
    if (row === undefined) return;
    const previous: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      previous[field] = row[field];
      this.reindex(field, row[field], value, id);
      row[field] = value;
    }
    this.store.journal(() => {
      for (const [field, value] of Object.entries(previous)) {
        this.reindex(field, row[field], value, id);
        row[field] = value;
      }
    });
  }

  remove(id: number): void {
    const row = this.rows.get(id);
    if (row === undefined) return;
    this.rows.delete(id);
    for (const [field, index] of this.m2oIndexes) removeFrom(index, row[field], id);
    for (const [field, index] of this.m2mIndexes) {
      for (const target of asIds(row[field])) removeFrom(index, target, id);
    }
    this.deleted += 1;
    if (this.deleted > 1024 && this.deleted > this.ids.length / 2) {
      this.ids = this.ids.filter((rowId) => this.rows.has(rowId));
      this.deleted = 0;
    }
    this.store.journal(() => this.insert(row));
  }

  /** Ids whose many2one `field` points at `target` (index built on first use). */
  referencing(field: string, target: number): ReadonlySet<number> {
    return this.m2oIndex(field).get(target) ?? EMPTY;
  }

  /** Ids whose many2many `field` contains `target`. */
  containing(field: string, target: number): ReadonlySet<number> {
    return this.m2mIndex(field).get(target) ?? EMPTY;
  }

  /** Drops the indexes of a field whose kind changed (new manual fields). */
  forgetIndex(field: string): void {
    this.m2oIndexes.delete(field);
    this.m2mIndexes.delete(field);
  }

  private m2oIndex(field: string): Map<number, Set<number>> {
    let index = this.m2oIndexes.get(field);
    if (index === undefined) {
      index = new Map();
      for (const row of this.rows.values()) addTo(index, row[field], row.id);
      this.m2oIndexes.set(field, index);
    }
    return index;
  }

  private m2mIndex(field: string): Map<number, Set<number>> {
    let index = this.m2mIndexes.get(field);
    if (index === undefined) {
      index = new Map();
      for (const row of this.rows.values()) addAll(index, row[field], row.id);
      this.m2mIndexes.set(field, index);
    }
    return index;
  }

  private reindex(field: string, before: unknown, after: unknown, id: number): void {
    const m2o = this.m2oIndexes.get(field);
    if (m2o !== undefined) {
      removeFrom(m2o, before, id);
      addTo(m2o, after, id);
    }
    const m2m = this.m2mIndexes.get(field);
    if (m2m !== undefined) {
      for (const target of asIds(before)) removeFrom(m2m, target, id);
      addAll(m2m, after, id);
    }
  }
}

const EMPTY: ReadonlySet<number> = new Set();

function asIds(value: unknown): number[] {
  return Array.isArray(value) ? (value as number[]) : [];
}

function addTo(index: Map<number, Set<number>>, key: unknown, id: number): void {
  if (typeof key !== 'number') return;
  let set = index.get(key);
  if (set === undefined) index.set(key, (set = new Set()));
  set.add(id);
}

function addAll(index: Map<number, Set<number>>, keys: unknown, id: number): void {
  for (const key of asIds(keys)) addTo(index, key, id);
}

function removeFrom(index: Map<number, Set<number>>, key: unknown, id: number): void {
  if (typeof key !== 'number') return;
  index.get(key)?.delete(id);
}

/** All tables plus the id counters and the undo journal of the running transaction. */
export class Store {
  private readonly tables = new Map<string, Table>();
  private readonly nextIds = new Map<string, number>();
  private undo: Undo[] | null = null;
  /** API keys -> user id (Odoo keeps hashes in res.users.apikeys; never readable over RPC). */
  readonly apiKeys = new Map<string, number>();
  /** Named counters (ir.sequence): like PostgreSQL sequences they survive rollbacks. */
  readonly sequences = new Map<string, number>();

  table(model: string): Table {
    let table = this.tables.get(model);
    if (table === undefined) {
      table = new Table(model, this);
      this.tables.set(model, table);
    }
    return table;
  }

  models(): string[] {
    return [...this.tables.keys()].sort();
  }

  /** A fresh id; ids are never reused, even after a rollback. */
  nextId(model: string): number {
    const id = this.nextIds.get(model) ?? 1;
    this.nextIds.set(model, id + 1);
    return id;
  }

  /** Next value of a named sequence (ticket numbers, order names). */
  nextSequence(name: string): number {
    const value = (this.sequences.get(name) ?? 0) + 1;
    this.sequences.set(name, value);
    return value;
  }

  journal(undo: Undo): void {
    this.undo?.push(undo);
  }

  /** Runs `work` as one transaction: on any throw every change is undone and the error rethrown. */
  transaction<T>(work: () => T): T {
    if (this.undo !== null) return work();
    this.undo = [];
    try {
      const result = work();
      this.undo = null;
      return result;
    } catch (error) {
      const undo = this.undo ?? [];
      this.undo = null;
      for (let i = undo.length - 1; i >= 0; i -= 1) undo[i]?.();
      throw error;
    }
  }
}
