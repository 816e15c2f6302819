/**
 * Keyset paging by id (odoo-rpc.md §5): each page asks for `id > last id seen`, ordered `id asc`.
 * Unlike offsets, records inserted or deleted while we read do not shift later pages.
 */
import { and, where, type OdooFilter } from './filter';

/** Default records per page: odoo-rpc.md §5 suggests 200-500 ids per call. */
export const DEFAULT_PAGE_SIZE = 200;

export type ReadPage<Row> = (filter: OdooFilter, limit: number) => Promise<Row[]>;

/** Yields non-empty pages until a short page says there are no more. */
export async function* searchReadPages<Row extends { readonly id: number }>(
  readPage: ReadPage<Row>,
  filter: OdooFilter,
  pageSize: number = DEFAULT_PAGE_SIZE,
): AsyncGenerator<Row[]> {
  let lastId = 0;
  for (;;) {
    const page = await readPage(and(filter, where('id', '>', lastId)), pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    if (last === undefined || last.id <= lastId) return;
    lastId = last.id;
  }
}
