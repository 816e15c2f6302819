import { useSandbox } from '../support/start-sandbox';
import { executeKw } from './rpc-clients';

describe('search domains, order and paging', () => {
  const sandbox = useSandbox({
    seed: {
      records: [
        {
          model: 'res.partner',
          ref: 'alpha',
          values: {
            name: 'Alpha AB',
            is_company: true,
            email: 'info@alpha.example',
            customer_rank: 3,
          },
        },
        {
          model: 'res.partner',
          ref: 'alpha_ann',
          values: { name: 'Ann', parent_id: { $ref: 'alpha' }, customer_rank: 1 },
        },
        {
          model: 'res.partner',
          ref: 'alpha_ann_kid',
          values: { name: 'Kid', parent_id: { $ref: 'alpha_ann' } },
        },
        {
          model: 'res.partner',
          ref: 'beta',
          values: { name: 'Beta_Co', is_company: true, customer_rank: 5 },
        },
        {
          model: 'res.partner',
          ref: 'gamma',
          values: { name: 'gamma ltd', is_company: true, active: false },
        },
      ],
    },
  });
  const names = async (
    domain: unknown[],
    kwargs: Record<string, unknown> = {},
  ): Promise<string[]> => {
    const rows = (await executeKw(
      sandbox(),
      'res.partner',
      'search_read',
      [[['id', '>', 3], ...domain]],
      { fields: ['name'], order: 'name asc', ...kwargs },
    )) as { name: string }[];
    return rows.map((row) => row.name);
  };

  it.each<[string, unknown[], string[]]>([
    ['=', [['name', '=', 'Ann']], ['Ann']],
    [
      '!= includes empty values',
      [['email', '!=', 'info@alpha.example']],
      ['Ann', 'Beta_Co', 'Kid'],
    ],
    ['= false matches empty', [['email', '=', false]], ['Ann', 'Beta_Co', 'Kid']],
    ['!= false is "set"', [['email', '!=', false]], ['Alpha AB']],
    ['<', [['customer_rank', '<', 3]], ['Ann', 'Kid']],
    ['<=', [['customer_rank', '<=', 3]], ['Alpha AB', 'Ann', 'Kid']],
    ['>', [['customer_rank', '>', 3]], ['Beta_Co']],
    ['>=', [['customer_rank', '>=', 3]], ['Alpha AB', 'Beta_Co']],
    ['in', [['name', 'in', ['Ann', 'Kid', 'Nobody']]], ['Ann', 'Kid']],
    ['not in', [['name', 'not in', ['Ann', 'Kid']]], ['Alpha AB', 'Beta_Co']],
    ['like is case-sensitive and wrapped', [['name', 'like', 'lph']], ['Alpha AB']],
    ['ilike', [['name', 'ilike', 'ALPHA']], ['Alpha AB']],
    ['not like', [['name', 'not like', 'A']], ['Beta_Co', 'Kid']],
    ['not ilike', [['name', 'not ilike', 'a']], ['Kid']],
    ['=like uses raw patterns', [['name', '=like', 'Beta\\_%']], ['Beta_Co']],
    ['=ilike', [['name', '=ilike', 'alpha%']], ['Alpha AB']],
    ['=? with false is ignored', [['email', '=?', false]], ['Alpha AB', 'Ann', 'Beta_Co', 'Kid']],
    ['=? with a value is =', [['name', '=?', 'Kid']], ['Kid']],
    ['| and !', ['|', ['name', '=', 'Kid'], '!', ['customer_rank', '<', 4]], ['Beta_Co', 'Kid']],
    ['& explicit', ['&', ['is_company', '=', true], ['customer_rank', '>', 3]], ['Beta_Co']],
    ['dotted path through many2one', [['parent_id.name', '=', 'Alpha AB']], ['Ann']],
    ['many2one by display name', [['parent_id', 'ilike', 'alpha']], ['Ann', 'Kid']],
    ['any (17+)', [['child_ids', 'any', [['name', '=', 'Kid']]]], ['Ann']],
    ['archived records only with active in the domain', [['active', '=', false]], ['gamma ltd']],
  ])('%s', async (_case, domain, expected) => {
    expect(await names(domain)).toEqual(expected);
  });

  it('child_of walks parent_id down the hierarchy', async () => {
    const alpha = sandbox().store.ref('alpha');
    expect(await names([['id', 'child_of', alpha]])).toEqual(['Alpha AB', 'Ann', 'Kid']);
    expect(await names([['parent_id', 'child_of', alpha]])).toEqual(['Ann', 'Kid']);
  });

  it('includes archived records with active_test false', async () => {
    expect(await names([['is_company', '=', true]], { context: { active_test: false } })).toEqual([
      'Alpha AB',
      'Beta_Co',
      'gamma ltd',
    ]);
  });

  it('orders, offsets and limits; no limit returns everything', async () => {
    const s = sandbox();
    const all = (await executeKw(s, 'res.partner', 'search', [[['id', '>', 3]]], {
      order: 'customer_rank desc, id asc',
    })) as number[];
    expect(all).toEqual([
      s.store.ref('beta'),
      s.store.ref('alpha'),
      s.store.ref('alpha_ann'),
      s.store.ref('alpha_ann_kid'),
    ]);
    const page = await executeKw(s, 'res.partner', 'search', [[['id', '>', 3]]], {
      order: 'customer_rank desc, id asc',
      offset: 1,
      limit: 2,
    });
    expect(page).toEqual(all.slice(1, 3));
    const byId = await executeKw(s, 'res.partner', 'search', [[['id', '>', 3]]], {
      order: 'id desc',
      limit: 2,
    });
    expect(byId).toEqual([...all].sort((a, b) => b - a).slice(0, 2));
    expect(await executeKw(s, 'res.partner', 'search_count', [[['id', '>', 3]]])).toBe(4);
  });

  it('pages by (write_date, id) cursors', async () => {
    const s = sandbox();
    const rows = (await executeKw(s, 'res.partner', 'search_read', [[['id', '>', 3]]], {
      fields: ['write_date'],
      order: 'write_date asc, id asc',
      limit: 2,
    })) as { id: number; write_date: string }[];
    const last = rows[rows.length - 1]!;
    const next = (await executeKw(
      s,
      'res.partner',
      'search_read',
      [
        [
          '|',
          ['write_date', '>', last.write_date],
          '&',
          ['write_date', '=', last.write_date],
          ['id', '>', last.id],
        ],
      ],
      { fields: ['name'], order: 'write_date asc, id asc' },
    )) as { id: number }[];
    expect(next.map((row) => row.id).every((id) => id > last.id)).toBe(true);
    expect(rows.length + next.length).toBe(4);
  });
});
