import { parseBenchOptions } from '../../../bench/bench-options';
import { UsageError } from '../../../src/cli/errors';

describe('npm run bench options', () => {
  it('judges every target by default: 100,000 and 300,000 lines, 5 ms, a naive run of 3,000', () => {
    expect(parseBenchOptions([])).toMatchObject({
      lines: [100_000, 300_000],
      naiveLines: 3_000,
      customers: 400,
      latency: 5,
    });
  });

  it('sorts and deduplicates the sizes given', () => {
    expect(parseBenchOptions(['--lines', '300000, 100000,300000']).lines).toEqual([
      100_000, 300_000,
    ]);
  });

  it.each([
    [['--lines', '50'], '--lines'],
    [['--latency', '-1'], '--latency'],
    [['--naive-lines', 'many'], '--naive-lines'],
    [['--unknown', '1'], 'unknown'],
  ])('names the bad flag in %j', (argv, flag) => {
    expect(() => parseBenchOptions(argv)).toThrow(UsageError);
    expect(() => parseBenchOptions(argv)).toThrow(flag);
  });
});
