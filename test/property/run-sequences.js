#!/usr/bin/env node
/**
 * `npm run test:sequences -- --runs 2000 [--seed 42]`: the billing-sequences property, deeper
 * than `npm test` runs it. A failure prints the seed and the shrunk steps to replay.
 */
const { parseArgs } = require('node:util');
const { run } = require('jest');

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '500' }, seed: { type: 'string' } },
});
for (const [name, value] of [
  ['runs', values.runs],
  ['seed', values.seed],
]) {
  if (value !== undefined && !/^\d+$/.test(value)) {
    process.stderr.write(`test:sequences: --${name} must be a whole number, got "${value}"\n`);
    process.exit(2);
  }
}
process.env.TALLY_SEQUENCE_RUNS = values.runs;
if (values.seed !== undefined) process.env.TALLY_SEQUENCE_SEED = values.seed;
void run(['--runInBand', 'test/property/billing-sequences.property.test.ts']);
