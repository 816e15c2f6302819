import { ModelApi, type Execute } from '../../../src/odoo/model-api';
import type { ExecuteKwCall } from '../../../src/odoo/transports/transport';
import type { OdooFilter } from '../../../src/odoo/filter';

/** A tiny in-memory search_read that understands `['id', '>', n]` and `order: 'id asc'`. */
function tableBackedExecute(
  table: { id: number }[],
  calls: ExecuteKwCall[],
  onPage?: (page: number) => void,
): Execute {
  return async (call) => {
    calls.push(call);
    onPage?.(calls.length);
    const filter = call.args[0] as OdooFilter;
    const floor = filter
      .filter(
        (term): term is readonly [string, '>', number] =>
          Array.isArray(term) && term[0] === 'id' && term[1] === '>',
      )
      .reduce((max, term) => Math.max(max, term[2]), 0);
    const limit = call.kwargs['limit'] as number;
    return [...table]
      .sort((a, b) => a.id - b.id)
      .filter((row) => row.id > floor)
      .slice(0, limit);
  };
}

async function collect(pages: AsyncIterable<{ id: number }[]>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const page of pages) out.push(page.map((row) => row.id));
  return out;
}

describe('searchReadAll keyset paging', () => {
  it('reads every record in id order, page by page, with id > last and order id asc', async () => {
    const calls: ExecuteKwCall[] = [];
    const table = [5, 1, 4, 2, 3].map((id) => ({ id }));
    const model = new ModelApi(
      'account.analytic.line',
      { tz: 'UTC' },
      tableBackedExecute(table, calls),
    );
    const pages = await collect(
      model.searchReadAll([['project_id', '!=', false]], { pageSize: 2, fields: ['unit_amount'] }),
    );
    expect(pages).toEqual([[1, 2], [3, 4], [5]]);
    expect(calls.map((call) => call.args[0])).toEqual([
      [
        ['project_id', '!=', false],
        ['id', '>', 0],
      ],
      [
        ['project_id', '!=', false],
        ['id', '>', 2],
      ],
      [
        ['project_id', '!=', false],
        ['id', '>', 4],
      ],
    ]);
    expect(calls[0]!.kwargs).toEqual({
      fields: ['unit_amount'],
      limit: 2,
      order: 'id asc',
      context: { tz: 'UTC' },
    });
  });

  it('stays stable while records are inserted concurrently: no duplicate, no gap', async () => {
    const calls: ExecuteKwCall[] = [];
    const table = [1, 2, 3, 4].map((id) => ({ id }));
    // After the first page, another user inserts two records (new ids are always higher).
    const execute = tableBackedExecute(table, calls, (page) => {
      if (page === 2) table.push({ id: 5 }, { id: 6 });
    });
    const pages = await collect(
      new ModelApi('helpdesk.ticket', {}, execute).searchReadAll([], { pageSize: 2 }),
    );
    expect(pages.flat()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('makes one round trip for an empty result and yields nothing', async () => {
    const calls: ExecuteKwCall[] = [];
    const pages = await collect(
      new ModelApi('helpdesk.ticket', {}, tableBackedExecute([], calls)).searchReadAll([]),
    );
    expect(pages).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('stops after a full last page followed by an empty one', async () => {
    const calls: ExecuteKwCall[] = [];
    const table = [1, 2].map((id) => ({ id }));
    const pages = await collect(
      new ModelApi('helpdesk.ticket', {}, tableBackedExecute(table, calls)).searchReadAll([], {
        pageSize: 2,
      }),
    );
    expect(pages).toEqual([[1, 2]]);
    expect(calls).toHaveLength(2);
  });
});
