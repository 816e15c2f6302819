import { UsageError } from '../../../src/cli/errors';
import { silentProgram } from '../../support/silent-program';

const program = silentProgram;

// Each command loads its implementation when its action runs; a bad flag proves it loaded and
// still fails as a usage error before anything connects.
describe('each command loads its implementation when it runs', () => {
  it.each(
    [
      ['sync', '--period', '2025-13'],
      ['close-period'],
      ['report', '--period', 'May'],
      ['explain', '12', '--period', '2025-13'],
      ['statement', '--period', 'May'],
      ['status', '--failures', '501'],
      ['worker', '--concurrency', '0'],
      ['sandbox', '--port', '70000'],
      ['demo', '--odoo-version', '15'],
      ['schedule', 'set', 'nightly', '--job', 'sync', '--cron', 'not a cron'],
      ['schedule', 'apply', '--file', ''],
    ].map((args) => [args.join(' '), args] as const),
  )('tally %s', async (_name, args) => {
    await expect(program().parseAsync(args, { from: 'user' })).rejects.toBeInstanceOf(UsageError);
  });
});
