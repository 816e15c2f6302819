import { compareReferences } from '../../../src/domain/types';

describe('compareReferences (section order of tickets)', () => {
  it.each([
    ['2', '10', -1],
    ['HT00002', 'HT00010', -1],
    ['HT2', 'HT10', -1],
    ['HT10', 'HT10', 0],
    ['HT10a', 'HT10', 1],
    ['A7', 'B1', -1],
    ['02', '2', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    const sign = (value: number) => (value > 0 ? 1 : value < 0 ? -1 : 0);
    expect(sign(compareReferences(a, b))).toBe(expected);
    expect(sign(compareReferences(b, a))).toBe(sign(-expected));
  });
});
