import { useSandbox } from '../support/start-sandbox';
import { executeKw, jsonRpc } from './rpc-clients';

describe('volume and classic execute', () => {
  const sandbox = useSandbox({ seed: 'demo', faults: { latencyMs: 0 } });

  it('pages 20 000 timesheets by id exactly once each and sums them per ticket', async () => {
    const s = sandbox();
    const base = {
      name: '/',
      project_id: s.store.ref('project_support'),
      employee_id: s.store.ref('employee_admin'),
      ticket_id: s.store.ref('ticket_patch'),
      unit_amount: 0.25,
      date: '2026-01-20',
    };
    for (let i = 0; i < 20; i += 1)
      s.store.create(
        'account.analytic.line',
        Array.from({ length: 1000 }, () => base),
      );
    const seen = new Set<number>();
    let last = 0;
    for (;;) {
      const page = (await executeKw(
        s,
        'account.analytic.line',
        'search_read',
        [
          [
            ['id', '>', last],
            ['ticket_id', '=', s.store.ref('ticket_patch')],
          ],
        ],
        { fields: ['unit_amount'], order: 'id asc', limit: 2000 },
      )) as { id: number }[];
      if (page.length === 0) break;
      for (const row of page) seen.add(row.id);
      last = page[page.length - 1]!.id;
    }
    expect(seen.size).toBe(20001);
    const [ticket] = (await executeKw(s, 'helpdesk.ticket', 'read', [
      [s.store.ref('ticket_patch')],
      ['total_hours'],
    ])) as { total_hours: number }[];
    expect(ticket?.total_hours).toBe(2 + 20000 * 0.25);
  });

  it('serves the positional object.execute form', async () => {
    const s = sandbox();
    const body = await jsonRpc(s, 'object', 'execute', [
      s.db,
      2,
      s.password,
      'res.partner',
      'search_count',
      [['is_company', '=', true]],
    ]);
    expect(body.result).toBe(4);
  });
});
