import { and, not, or, where } from '../../../src/odoo/filter';

describe('filter builder', () => {
  const a = where('a', '=', 1);
  const b = where('b', '=', 2);
  const c = where('c', '=', 3);

  const rows: readonly [string, unknown, unknown][] = [
    [
      'and concatenates (Odoo ANDs top-level terms)',
      and(a, b),
      [
        ['a', '=', 1],
        ['b', '=', 2],
      ],
    ],
    ['and ignores empty filters', and([], a), [['a', '=', 1]]],
    ['or of two conditions', or(a, b), ['|', ['a', '=', 1], ['b', '=', 2]]],
    [
      'or of three conditions',
      or(a, b, c),
      ['|', '|', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]],
    ],
    [
      'or keeps an implicit AND together',
      or(and(a, b), c),
      ['|', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]],
    ],
    ['or with an empty filter matches everything', or([], a), []],
    ['not of one condition', not(a), ['!', ['a', '=', 1]]],
    ['not of an implicit AND', not(and(a, b)), ['!', '&', ['a', '=', 1], ['b', '=', 2]]],
    [
      'not of an OR counts it as one expression',
      not(or(a, b)),
      ['!', '|', ['a', '=', 1], ['b', '=', 2]],
    ],
    [
      'sub-filters for any',
      where('tag_ids', 'any', where('name', 'ilike', 'vpn')),
      [['tag_ids', 'any', [['name', 'ilike', 'vpn']]]],
    ],
  ];

  it.each(rows)('%s', (_case, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
