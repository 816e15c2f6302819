/**
 * The baseline the bench compares against: the same sync (same reads, same plan, same writes)
 * done the way a first RPC script does it, one call per record read and one per line written.
 * It wraps the real client, so both strategies produce the same invoices and the difference is
 * only the number of round trips.
 */
import { ModelApi, type OdooContext, type OdooRow, type ReadOptions } from '../src/odoo/model-api';
import type { SearchReadAllOptions, SearchReadOptions, WriteOptions } from '../src/odoo/model-api';
import type { OdooClient } from '../src/odoo/client';
import type { OdooFilter } from '../src/odoo/filter';
import type { OdooReader } from '../src/sync/read/odoo-reader';
import type { OdooWriter } from '../src/sync/write/apply-writes';

type Vals = Readonly<Record<string, unknown>>;

/** One2many fields whose commands the naive strategy sends as separate calls on the comodel. */
const ONE2MANY: Readonly<
  Record<string, Readonly<Record<string, { model: string; inverse: string }>>>
> = {
  'account.move': {
    invoice_line_ids: { model: 'account.move.line', inverse: 'move_id' },
    timesheet_ids: { model: 'account.analytic.line', inverse: 'timesheet_invoice_id' },
  },
};

const isCommand = (value: unknown): value is readonly [number, number, unknown?] =>
  Array.isArray(value) && typeof value[0] === 'number';

/** A model API that never batches: every record read or written is its own round trip. */
export class NaiveModelApi extends ModelApi {
  constructor(
    name: string,
    context: OdooContext,
    private readonly client: NaiveClient,
    execute: ConstructorParameters<typeof ModelApi>[2],
  ) {
    super(name, context, execute);
  }

  override async searchRead(
    filter: OdooFilter,
    options: SearchReadOptions = {},
  ): Promise<OdooRow[]> {
    const { fields, context, ...paging } = options;
    const ids = await this.search(filter, { ...paging, ...(context ? { context } : {}) });
    return this.read(ids, fields, context);
  }

  override async *searchReadAll(
    filter: OdooFilter,
    options: SearchReadAllOptions = {},
  ): AsyncIterable<OdooRow[]> {
    const ids = await this.search(filter, {
      order: 'id asc',
      ...(options.context ? { context: options.context } : {}),
    });
    for (const id of ids) yield await super.read([id], options.fields, options.context);
  }

  override async read(
    ids: readonly number[],
    fields?: ReadOptions['fields'],
    context?: OdooContext,
  ): Promise<OdooRow[]> {
    const rows: OdooRow[] = [];
    for (const id of ids) rows.push(...(await super.read([id], fields, context)));
    return rows;
  }

  override async create(valsList: readonly Vals[], context?: OdooContext): Promise<number[]> {
    const ids: number[] = [];
    for (const vals of valsList) {
      const { own, commands } = this.split(vals);
      const [id] = await super.create([own], context);
      if (id === undefined) continue;
      ids.push(id);
      await this.applyCommands(id, commands);
    }
    return ids;
  }

  override async write(
    ids: readonly number[],
    vals: Vals,
    options: WriteOptions = {},
  ): Promise<void> {
    const { own, commands } = this.split(vals);
    for (const id of ids) {
      if (Object.keys(own).length > 0) await super.write([id], own, options);
      await this.applyCommands(id, commands);
    }
  }

  override async unlink(ids: readonly number[], options: WriteOptions = {}): Promise<void> {
    for (const id of ids) await super.unlink([id], options);
  }

  /** The record's own values, and the one2many commands to send separately. */
  private split(vals: Vals): { own: Record<string, unknown>; commands: [string, unknown[]][] } {
    const relations = ONE2MANY[this.name] ?? {};
    const own: Record<string, unknown> = {};
    const commands: [string, unknown[]][] = [];
    for (const [field, value] of Object.entries(vals)) {
      if (relations[field] !== undefined && Array.isArray(value)) commands.push([field, value]);
      else own[field] = value;
    }
    return { own, commands };
  }

  /** One call per command: create, update, delete a line; link or unlink a timesheet. */
  private async applyCommands(id: number, commands: readonly [string, unknown[]][]): Promise<void> {
    for (const [field, list] of commands) {
      const relation = ONE2MANY[this.name]?.[field];
      if (relation === undefined) continue;
      const comodel = this.client.model(relation.model);
      for (const command of list) {
        if (!isCommand(command)) continue;
        const [code, target, values] = command;
        const vals = (values ?? {}) as Vals;
        if (code === 0) await comodel.create([{ ...vals, [relation.inverse]: id }]);
        else if (code === 1) await comodel.write([target], vals);
        else if (code === 2) await comodel.unlink([target]);
        else if (code === 3) await comodel.write([target], { [relation.inverse]: false });
        else if (code === 4) await comodel.write([target], { [relation.inverse]: id });
      }
    }
  }
}

/** The real client behind a naive facade: what `syncPeriod` sees in the naive run. */
export class NaiveClient implements OdooReader, OdooWriter {
  constructor(private readonly client: OdooClient) {}

  get uid(): number {
    return this.client.uid;
  }

  model(name: string): ModelApi {
    // The same default context OdooClient sends ({ tz: 'UTC' }), so both strategies read alike.
    return new NaiveModelApi(name, { tz: 'UTC' }, this, (call, options) =>
      this.client.execute(call, options),
    );
  }
}
