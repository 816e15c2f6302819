import type { SandboxProfile } from './profile';
import type { Row, Store } from './store';

export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'binary'
  | 'json';

export type Vals = Record<string, unknown>;

/** How a field looks in `fields_get` and how the sandbox stores or computes it. */
export interface FieldDef {
  name: string;
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one on `relation` pointing back. */
  relationField?: string;
  selection?: [string, string][];
  required?: boolean;
  readonly?: boolean;
  /** false = computed on read, never stored. */
  store: boolean;
  /** Any of these group xml ids grants access; absent = everyone who can read the model. */
  groups?: string[];
  compute?: (env: Env, row: Row) => unknown;
  /** Writable computed field: turns a written value into stored values. */
  inverse?: (env: Env, value: unknown) => Vals;
  default?: (env: Env, vals: Vals) => unknown;
  manual?: boolean;
  /** one2many children deleted with the parent; many2one with ondelete cascade. */
  cascade?: boolean;
}

export type FieldSpec = Omit<FieldDef, 'name' | 'store'> & { store?: boolean };

export interface ModelHooks {
  /** Fill defaults and derived values into `vals` before the row is inserted. */
  prepareCreate?: (env: Env, vals: Vals) => void;
  afterCreate?: (env: Env, ids: number[]) => void;
  /** Refuse a write (posted moves, invoiced timesheets, constraints). */
  beforeWrite?: (env: Env, ids: number[], vals: Vals) => void;
  afterWrite?: (env: Env, ids: number[], vals: Vals) => void;
  beforeUnlink?: (env: Env, ids: number[]) => void;
  /** Runs after the rows are gone; `rows` are their last state. */
  afterUnlink?: (env: Env, rows: Row[]) => void;
}

/** A model method callable over RPC: `ids` are empty for `@api.model` methods. */
export interface MethodDef {
  /** `@api.model`: JSON-2 refuses `ids` (422). */
  model?: boolean;
  /** Parameter names in Python order; `?` suffix = optional. */
  params: string[];
  /** The method accepts `**kwargs` (unknown names reach the body). */
  varKw?: boolean;
  run: (env: Env, ids: number[], args: Record<string, unknown>) => unknown;
}

export interface AccessSpec {
  read?: string[];
  write?: string[];
  create?: string[];
  unlink?: string[];
}

export interface ModelSpec {
  name: string;
  description?: string;
  order?: string;
  recName?: string;
  parentName?: string;
  fields?: Record<string, FieldSpec>;
  access?: AccessSpec;
  methods?: Record<string, MethodDef>;
  hooks?: ModelHooks;
  displayName?: (env: Env, row: Row) => string;
}

export interface ModelDef {
  name: string;
  description: string;
  order: string;
  recName: string;
  parentName?: string;
  fields: Map<string, FieldDef>;
  access: AccessSpec;
  methods: Map<string, MethodDef>;
  hooks: ModelHooks[];
  displayName?: (env: Env, row: Row) => string;
}

/** Group xml ids with their `full_name`, used in access messages. */
export interface ModelRegistry {
  readonly profile: SandboxProfile;
  get(model: string): ModelDef | undefined;
  require(model: string): ModelDef;
  names(): string[];
  /** many2one fields on any model pointing at `model`. */
  inbound(model: string): { model: string; field: FieldDef }[];
  addField(model: string, field: FieldDef): void;
  groupName(xmlId: string): string;
}

/** Everything one RPC call runs with: the user, its groups, the context and the call's timestamp. */
export interface Env {
  readonly store: Store;
  readonly registry: ModelRegistry;
  readonly profile: SandboxProfile;
  readonly uid: number;
  /** Superuser mode: access rights are not checked (internal recomputes, seeding). */
  readonly su: boolean;
  readonly groups: ReadonlySet<string>;
  readonly context: Record<string, unknown>;
  /** The transaction timestamp, UTC `YYYY-MM-DD HH:MM:SS`. */
  readonly now: string;
  /** The user's company id. */
  readonly companyId: number;
}
