import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DASHBOARD_ENV } from '../../../src/queue/dashboard/dashboard-settings';
import { QUEUE_ENV } from '../../../src/queue/queue-settings';

// The queue's settings are read from the environment: each variable is a row of the README's table.
const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

describe('README documents the queue and dashboard settings', () => {
  it.each([...Object.values(QUEUE_ENV), ...Object.values(DASHBOARD_ENV)])('%s', (variable) => {
    expect(README).toMatch(new RegExp(`^\\| \`${variable}\` \\|`, 'm'));
  });

  it.each(['tally worker', 'tally schedule list', 'tally schedule set', 'tally status'])(
    'has a CLI row for %s',
    (command) => {
      expect(README).toMatch(new RegExp(`^\\| \`${command}[ \`]`, 'm'));
    },
  );
});
