import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSeedFile, parseSeedFile, startSandbox, SERVICE_CATEGORIES } from '../../src/sandbox';
import { useSandbox } from '../support/start-sandbox';
import { executeKw, jsonRpc } from './rpc-clients';

describe('seeds and snapshots', () => {
  const sandbox = useSandbox({
    seed: {
      base: 'demo',
      users: [
        {
          ref: 'bot',
          login: 'tally-bot',
          name: 'Tally Bot',
          apiKey: 'bot-key-123456',
          groups: ['base.group_user', 'account.group_account_invoice'],
        },
      ],
      records: [
        {
          model: 'res.partner',
          ref: 'seeded',
          values: {
            name: 'Seeded AB',
            is_company: true,
            category_id: [[6, 0, [{ $ref: 'tag_patch_agreement' }]]],
          },
        },
        { model: 'res.partner', write: 'seeded', values: { email: 'seeded@example.com' } },
      ],
    },
  });

  it('creates demo data, seed records with symbolic references, and limited users with API keys', async () => {
    const s = sandbox();
    const [seeded] = s.store.read('res.partner', [s.store.ref('seeded')], ['email', 'category_id']);
    expect(seeded).toMatchObject({
      email: 'seeded@example.com',
      category_id: [s.store.ref('tag_patch_agreement')],
    });
    const categories = s.store
      .searchRead('helpdesk.ticket.category', [], ['name'], { order: 'id asc' })
      .map((row) => row.name);
    expect(categories).toEqual(SERVICE_CATEGORIES);
    const company = s.store.read(
      'res.company',
      [s.store.ref('base.main_company')],
      ['currency_id'],
    )[0];
    expect(company?.currency_id).toEqual([expect.any(Number), 'SEK']);
    const uid = (await jsonRpc(s, 'common', 'login', [s.db, 'tally-bot', 'bot-key-123456'])).result;
    expect(uid).toBe(s.store.ref('bot'));
    const denied = (
      await jsonRpc(s, 'object', 'execute_kw', [
        s.db,
        uid,
        'bot-key-123456',
        'account.analytic.line',
        'search',
        [[]],
      ])
    ).error as { data: { name: string } };
    expect(denied.data.name).toBe('odoo.exceptions.AccessError');
  });

  it('snapshots every stored record deterministically', async () => {
    const s = sandbox();
    const first = s.snapshot();
    expect(first['res.partner']?.map((row) => row.id)).toEqual(
      [...(first['res.partner']?.map((row) => row.id) ?? [])].sort((a, b) => Number(a) - Number(b)),
    );
    expect(JSON.stringify(s.snapshot())).toBe(JSON.stringify(first));
    expect(first['res.users']?.[0]).not.toHaveProperty('password');
    await executeKw(s, 'res.partner', 'create', [{ name: 'After snapshot' }]);
    expect(s.snapshot()['res.partner']?.length).toBe((first['res.partner']?.length ?? 0) + 1);
  });

  it('loads seed files and names the problem in a bad one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tally-seed-'));
    const file = path.join(dir, 'seed.json');
    await writeFile(
      file,
      JSON.stringify({
        records: [{ model: 'res.partner', ref: 'x', values: { name: 'From file' } }],
      }),
    );
    const sandboxFromFile = await startSandbox({ seed: await loadSeedFile(file) });
    try {
      expect(
        sandboxFromFile.store.read('res.partner', [sandboxFromFile.store.ref('x')], ['name'])[0]
          ?.name,
      ).toBe('From file');
    } finally {
      await sandboxFromFile.close();
    }
    expect(() => parseSeedFile('bad.json', '{"records": [{"values": {}}]}')).toThrow(
      /bad\.json is invalid at records\.0/,
    );
    expect(() => parseSeedFile('bad.json', '{')).toThrow(/not valid JSON/);
  });
});
