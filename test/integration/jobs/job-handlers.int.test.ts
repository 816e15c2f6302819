import path from 'node:path';
import { loadAgreementsConfig } from '../../../src/config/load-agreements';
import { loadConnection } from '../../../src/config/load-connection';
import { fixedClock } from '../../../src/shared/clock';
import { silentLogger } from '../../../src/shared/logger';
import { SecretScrubber } from '../../../src/shared/redact';
import { createTallyHandlers } from '../../../src/sync/job-handlers';
import { connectTestRedis, deletePrefix, uniquePrefix } from '../../support/redis';
import { useSandbox } from '../../support/start-sandbox';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { SCENARIO_NOW } from '../sync/connect';
import { writeScenario } from '../write/write-scenario';

const context = { signal: new AbortController().signal, reportProgress: async () => undefined };

describe('the handlers the queue jobs call (sandbox over HTTP, real Redis)', () => {
  const sandbox = useSandbox({ seed: writeScenario(), clock: SCENARIO_NOW });
  const redis = connectTestRedis();
  const prefix = uniquePrefix('handlers');
  let calls = 0;
  let gates = 0;
  const methods: string[] = [];
  const handlers = () =>
    createTallyHandlers({
      connection: loadConnection({
        env: {
          ODOO_URL: sandbox().url,
          ODOO_DB: sandbox().db,
          ODOO_LOGIN: sandbox().login,
          ODOO_API_KEY: sandbox().apiKey,
        },
        scrubber: new SecretScrubber(),
      }),
      agreements: loadAgreementsConfig(
        path.resolve(__dirname, '../../../config/agreements.default.yaml'),
      ),
      redis,
      keyPrefix: prefix,
      logger: silentLogger,
      clock: fixedClock('2026-02-10T09:00:00Z'),
      odooCalls: {
        acquire: async () => {
          gates += 1;
        },
        onCall: (trip) => {
          calls += 1;
          methods.push(`${trip.model}.${trip.method}`);
        },
      },
    });

  beforeAll(() => installTallyFields(sandbox()));
  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('resolves periods in the company time zone and lists the customers to visit', async () => {
    const tally = handlers();
    expect(await tally.resolvePeriod({ relative: 'current', asOf: '2026-01-31T23:30:00Z' })).toBe(
      '2026-02',
    );
    expect(await tally.resolvePeriod({ relative: 'previous', asOf: '2026-02-10T09:00:00Z' })).toBe(
      '2026-01',
    );
    expect(await tally.listCustomers('2026-01')).toEqual([4, 6, 7, 8, 9]);
    await tally.close();
  });

  it('syncs one customer, passing every Odoo call through the shared gate', async () => {
    const tally = handlers();
    const summary = await tally.syncCustomer(
      { period: '2026-01', customerId: 8, full: false },
      context,
    );
    expect(summary).toMatchObject({
      customerId: 8,
      period: '2026-01',
      lines: { created: 2, updated: 0, removed: 0 },
      minutesByCoverage: { covered: 0, billable: 30, review: 0 },
    });
    expect(tallyState(sandbox()).invoices.map((entry) => entry.key)).toEqual([
      'tally:v1:8:2026-01',
    ]);
    expect(gates).toBe(calls);
    await tally.close();
  });

  it("reuses the company and the field profile across one worker's customer jobs", async () => {
    const tally = handlers();
    await tally.syncCustomer({ period: '2026-01', customerId: 7, full: false }, context);
    methods.length = 0;
    await tally.syncCustomer({ period: '2026-01', customerId: 4, full: false }, context);
    expect(methods.length).toBeGreaterThan(0);
    expect(
      methods.filter(
        (method) => method.endsWith('.fields_get') || method.startsWith('res.company'),
      ),
    ).toEqual([]);
    await tally.close();
  });

  it('closes a period: a last sync, the invoice date, one review activity for finance', async () => {
    const tally = handlers();
    const first = await tally.closePeriod({ period: '2026-01', customerId: 8 }, context);
    expect(first).toMatchObject({ reviewActivities: 1, invoiceId: expect.any(Number) });
    const [move] = sandbox().store.read(
      'account.move',
      [first.invoiceId as number],
      ['invoice_date', 'state'],
    );
    expect(move).toMatchObject({ invoice_date: '2026-01-31', state: 'draft' });
    const again = await tally.closePeriod({ period: '2026-01', customerId: 8 }, context);
    expect(again).toMatchObject({
      reviewActivities: 0,
      lines: { created: 0, updated: 0, removed: 0 },
    });
    await tally.close();
  });

  it('reports a setup check', async () => {
    const tally = handlers();
    const check = await tally.setupCheck();
    expect(check.failing.every((sentence) => sentence.length > 0)).toBe(true);
    expect(typeof check.ready).toBe('boolean');
    await tally.close();
  });
});
