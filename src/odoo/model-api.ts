/**
 * The ORM calls of one model, in Odoo's own vocabulary (`search_read`, `fields_get`, ...). Reads are
 * marked idempotent so the client retries them; writes are retried only when the caller says so.
 */
import { z } from 'zod';
import { OdooUnexpectedResponseError } from './errors';
import type { OdooFilter } from './filter';
import { searchReadPages } from './paging';
import type { ExecuteKwCall } from './transports/transport';

export type OdooContext = Readonly<Record<string, unknown>>;

/** A record as Odoo answers it: `id` always present, other fields as read. */
export type OdooRow = Readonly<{ id: number } & Record<string, unknown>>;

export interface ReadOptions {
  readonly fields?: readonly string[];
  readonly context?: OdooContext;
}

export interface SearchReadOptions extends ReadOptions {
  readonly limit?: number;
  readonly offset?: number;
  readonly order?: string;
}

export interface SearchReadAllOptions extends ReadOptions {
  /** Records per round trip. Default 200 (odoo-rpc.md §5: 200-500 ids per call). */
  readonly pageSize?: number;
}

export interface WriteOptions {
  /** Safe to replay (a keyed write of the same values). Default false: no retry. */
  readonly idempotent?: boolean;
  readonly context?: OdooContext;
}

export type FieldsGetAnswer = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export type Execute = (call: ExecuteKwCall, options: { idempotent: boolean }) => Promise<unknown>;

const RowsSchema = z.array(z.looseObject({ id: z.number().int() }));
const IdsSchema = z.array(z.number().int().positive());
const CountSchema = z.number().int().nonnegative();
const FieldsGetSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
const TrueSchema = z.literal(true);

export class ModelApi {
  constructor(
    readonly name: string,
    private readonly defaultContext: OdooContext,
    private readonly execute: Execute,
  ) {}

  /** `search_read` of one page. */
  async searchRead(filter: OdooFilter, options: SearchReadOptions = {}): Promise<OdooRow[]> {
    const kwargs = compact({
      fields: options.fields,
      limit: options.limit,
      offset: options.offset,
      order: options.order,
    });
    return this.parse(
      RowsSchema,
      'search_read',
      await this.readCall('search_read', [filter], kwargs, options.context),
    );
  }

  /** Every matching record, page by page, keyset-paged by id so concurrent inserts do not shift pages. */
  searchReadAll(filter: OdooFilter, options: SearchReadAllOptions = {}): AsyncIterable<OdooRow[]> {
    return searchReadPages(
      (pageFilter, limit) => this.searchRead(pageFilter, { ...options, limit, order: 'id asc' }),
      filter,
      options.pageSize,
    );
  }

  /** `read` by ids; ids that do not exist are simply absent from the answer. */
  async read(
    ids: readonly number[],
    fields?: readonly string[],
    context?: OdooContext,
  ): Promise<OdooRow[]> {
    const raw = await this.readCall('read', [ids], compact({ fields }), context);
    return this.parse(RowsSchema, 'read', raw);
  }

  /** `search`: matching ids. */
  async search(
    filter: OdooFilter,
    options: Omit<SearchReadOptions, 'fields'> = {},
  ): Promise<number[]> {
    const kwargs = compact({ limit: options.limit, offset: options.offset, order: options.order });
    return this.parse(
      IdsSchema,
      'search',
      await this.readCall('search', [filter], kwargs, options.context),
    );
  }

  /** `search_count`. */
  async searchCount(filter: OdooFilter, context?: OdooContext): Promise<number> {
    return this.parse(
      CountSchema,
      'search_count',
      await this.readCall('search_count', [filter], {}, context),
    );
  }

  /** `fields_get` with the given attributes (e.g. `['type', 'relation', 'required']`). */
  async fieldsGet(
    attributes: readonly string[] = ['type', 'relation', 'required', 'string'],
    context?: OdooContext,
  ): Promise<FieldsGetAnswer> {
    const raw = await this.readCall('fields_get', [], { attributes }, context);
    return this.parse(FieldsGetSchema, 'fields_get', raw);
  }

  /** Batch `create`: one call for the whole list, answering the new ids in order. Never retried. */
  async create(
    valsList: readonly Readonly<Record<string, unknown>>[],
    context?: OdooContext,
  ): Promise<number[]> {
    if (valsList.length === 0) return [];
    const raw = await this.execute(this.buildCall('create', [valsList], {}, context), {
      idempotent: false,
    });
    return this.parse(IdsSchema, 'create', typeof raw === 'number' ? [raw] : raw);
  }

  /** `write` the same values on every id. */
  async write(
    ids: readonly number[],
    vals: Readonly<Record<string, unknown>>,
    options: WriteOptions = {},
  ): Promise<void> {
    if (ids.length === 0) return;
    const raw = await this.execute(this.buildCall('write', [ids, vals], {}, options.context), {
      idempotent: options.idempotent ?? false,
    });
    this.parse(TrueSchema, 'write', raw);
  }

  /** `unlink` the ids. */
  async unlink(ids: readonly number[], options: WriteOptions = {}): Promise<void> {
    if (ids.length === 0) return;
    const raw = await this.execute(this.buildCall('unlink', [ids], {}, options.context), {
      idempotent: options.idempotent ?? false,
    });
    this.parse(TrueSchema, 'unlink', raw);
  }

  /** Any other method, e.g. `action_post` with `[ids]`; the answer is returned unparsed. */
  async call(
    method: string,
    args: readonly unknown[] = [],
    kwargs: Readonly<Record<string, unknown>> = {},
    options: WriteOptions = {},
  ): Promise<unknown> {
    const { context, ...rest } = kwargs;
    const merged = { ...(isContext(context) ? context : {}), ...options.context };
    return this.execute(this.buildCall(method, args, rest, merged), {
      idempotent: options.idempotent ?? false,
    });
  }

  private readCall(
    method: string,
    args: readonly unknown[],
    kwargs: Record<string, unknown>,
    context?: OdooContext,
  ): Promise<unknown> {
    return this.execute(this.buildCall(method, args, kwargs, context), { idempotent: true });
  }

  private buildCall(
    method: string,
    args: readonly unknown[],
    kwargs: Record<string, unknown>,
    context?: OdooContext,
  ): ExecuteKwCall {
    return {
      model: this.name,
      method,
      args,
      kwargs: { ...kwargs, context: { ...this.defaultContext, ...context } },
    };
  }

  private parse<T>(schema: z.ZodType<T>, method: string, raw: unknown): T {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const path = issue === undefined ? '' : issue.path.join('.');
    throw new OdooUnexpectedResponseError(
      `Odoo answered ${this.name}.${method} in an unexpected shape${path === '' ? '' : ` at ${path}`}: ${issue?.message ?? 'invalid'}.`,
      { details: { model: this.name, method, path } },
    );
  }
}

function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function isContext(value: unknown): value is OdooContext {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
