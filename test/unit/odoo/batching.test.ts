import { inBatches } from '../../../src/odoo/batching';

describe('inBatches', () => {
  const rows: readonly [number, number, number[]][] = [
    [0, 3, []],
    [2, 3, [2]],
    [3, 3, [3]],
    [7, 3, [3, 3, 1]],
    [300, 100, [100, 100, 100]],
  ];
  it.each(rows)('%i items in batches of %i → sizes %j', (count, size, sizes) => {
    const items = Array.from({ length: count }, (_, index) => index);
    const batches = inBatches(items, size);
    expect(batches.map((batch) => batch.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(items);
  });

  it.each([0, -1, 1.5])('refuses a batch size of %p', (size) => {
    expect(() => inBatches([1], size)).toThrow(RangeError);
  });
});
