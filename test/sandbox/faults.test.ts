import { useSandbox } from '../support/start-sandbox';
import { executeKw, jsonRpc, xmlRpc } from './rpc-clients';

const call = (url: string, model: string, method: string, args: unknown[]): Promise<Response> =>
  fetch(`${url}/jsonrpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      params: {
        service: 'object',
        method: 'execute_kw',
        args: ['tally', 2, 'admin', model, method, args],
      },
    }),
  });

describe('faults on demand and call counters', () => {
  const sandbox = useSandbox();
  afterEach(() => sandbox().faults.reset());

  it('fails the nth matching call with a 502 page and does not apply it', async () => {
    const s = sandbox();
    s.faults.failCall({ nth: 2, kind: 'http-502', model: 'res.partner', method: 'create' });
    expect((await call(s.url, 'res.partner', 'create', [{ name: 'first' }])).status).toBe(200);
    const failed = await call(s.url, 'res.partner', 'create', [{ name: 'second' }]);
    expect(failed.status).toBe(502);
    expect(await failed.text()).toContain('502 Bad Gateway');
    expect(s.store.search('res.partner', [['name', '=', 'second']])).toEqual([]);
  });

  it('applies the write and then loses the answer for afterCommit faults', async () => {
    const s = sandbox();
    s.faults.failCall({ nth: 1, kind: 'reset', afterCommit: true });
    await expect(call(s.url, 'res.partner', 'create', [{ name: 'committed' }])).rejects.toThrow();
    expect(s.store.search('res.partner', [['name', '=', 'committed']])).toHaveLength(1);
  });

  it('answers serialization failures in each protocol shape', async () => {
    const s = sandbox();
    s.faults.failCall({ nth: 1, kind: 'serialization' });
    const body = (await (await call(s.url, 'res.partner', 'create', [{ name: 'ser' }])).json()) as {
      error: { data: { name: string; message: string } };
    };
    expect(body.error.data).toMatchObject({
      name: 'psycopg2.errors.SerializationFailure',
      message: 'could not serialize access due to concurrent update\n',
    });
    s.faults.failCall({ nth: 1, kind: 'serialization' });
    const { fault } = await xmlRpc(s, '/xmlrpc/2/object', 'execute_kw', [
      s.db,
      2,
      s.password,
      'res.partner',
      'search',
      [[]],
    ]);
    expect(fault?.faultCode).toBe(1);
    expect(fault?.faultString).toContain(
      'psycopg2.errors.SerializationFailure: could not serialize access',
    );
    expect(s.store.search('res.partner', [['name', '=', 'ser']])).toEqual([]);
  });

  it('adds latency and hangs until the client gives up on timeout faults', async () => {
    const s = sandbox();
    s.faults.setLatency(60);
    const started = Date.now();
    await jsonRpc(s, 'common', 'version', []);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    s.faults.setLatency(0);
    s.faults.failCall({ nth: 1, kind: 'timeout' });
    await expect(
      fetch(`${s.url}/jsonrpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"params":{"service":"common","method":"version","args":[]}}',
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
  });

  it('fails a reproducible share of calls with a seeded random rate', async () => {
    const s = sandbox();
    const run = async (): Promise<number[]> => {
      s.faults.setRandomFailures(0.5, { seed: 7, kinds: ['http-503'] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1)
        statuses.push((await call(s.url, 'res.partner', 'search_count', [[]])).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('aborts every write after N writes and counts calls per model and method', async () => {
    const s = sandbox();
    s.stats.reset();
    s.faults.abortAfterWrites(2, 'http-503');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await call(s.url, 'res.partner', 'create', [{ name: `w${i}` }])).status);
    expect(statuses).toEqual([200, 200, 503]);
    expect((await call(s.url, 'res.partner', 'search_count', [[]])).status).toBe(200);
    expect(s.stats.count('res.partner', 'create')).toBe(3);
    expect(s.stats.count('res.partner')).toBe(4);
    expect(s.stats.writes).toBe(3);
    expect(await executeKw(s, 'res.partner', 'search_count', [[['name', '=like', 'w_']]])).toBe(2);
  });
});
