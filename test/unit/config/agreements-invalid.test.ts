import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AGREEMENTS_CONFIG_CANDIDATES,
  loadAgreementsConfig,
  parseAgreementsConfig,
  resolveAgreementsConfigPath,
} from '../../../src/config/load-agreements';
import { ConfigError, exitCodeFor, CONFIG_INVALID_EXIT_STATUS } from '../../../src/config/errors';
import { readPeriodConfigOf } from '../../../src/sync/read-period';

const INVALID = `version: 1
categories:
  bug_fix: { label: Bug fix }
  training: { label: Training, hourlyRate: '12.345' }
  Extra: { label: Bug-Fix }
alwaysBilled: [training, nothing]
tiers:
  basic: { label: Basic, rank: 1, covers: [bug_fix, training, ghost] }
  gold: { label: Gold, rank: 1, requires: [silver] }
defaultTier: bronze
billing:
  minimumPerRequestMinutes: -5
  colour: blue
rules:
  - { id: r1, category: bug_fix, when: { keywords: ['(unclosed'] } }
  - { id: r1, category: nope, when: {} }
sources:
  tier: { kind: partner_tags, tags: { basic: Basic, platinum: Platinum } }
`;

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('an invalid agreements file', () => {
  const error = errorOf(() => parseAgreementsConfig(INVALID, 'config/agreements.yaml'));

  it('is a ConfigError that stops the process with status 2', () => {
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.retryable).toBe(false);
    expect(exitCodeFor(error)).toBe(CONFIG_INVALID_EXIT_STATUS);
    expect(CONFIG_INVALID_EXIT_STATUS).toBe(2);
    expect(exitCodeFor(new Error('other'))).toBe(1);
  });

  it('reports every problem at once, each with its path, line and reason', () => {
    const reported = error.issues.map((issue) => [issue.path, issue.line]);
    expect(reported).toEqual(
      expect.arrayContaining([
        ['categories.Extra', 5],
        ['categories.training.hourlyRate', 4],
        ['alwaysBilled[1]', 6],
        ['tiers.basic.covers[1]', 8],
        ['tiers.basic.covers[2]', 8],
        ['tiers.gold.rank', 9],
        ['tiers.gold.requires[0]', 9],
        ['defaultTier', 10],
        ['billing.minimumPerRequestMinutes', 12],
        ['billing', 12],
        ['rules[0].when.keywords[0]', 15],
        ['rules[1].id', 16],
        ['rules[1].category', 16],
        ['rules[1].when', 16],
        ['sources.tier.tags.platinum', 18],
      ]),
    );
    expect(error.issues.length).toBeGreaterThanOrEqual(15);
  });

  it('names the file and lists each problem as path: reason in the message', () => {
    expect(error.userMessage).toMatch(
      /^Config file config\/agreements\.yaml is invalid \(\d+ problems\)/,
    );
    for (const line of [
      'tiers.basic.covers[1] (line 8): "training" is always billed, so no tier can cover it',
      'tiers.basic.covers[2] (line 8): unknown category "ghost"',
      'tiers.gold.requires[0] (line 9): unknown tier "silver"',
      'defaultTier (line 10): unknown tier "bronze"',
      'rules[1].id (line 16): duplicate rule id "r1" (also rules[0])',
      'categories.training.hourlyRate (line 4): "12.345" is not an amount with at most 2 decimals',
      'categories.Extra (line 5): invalid key: must be lower snake_case, e.g. bug_fix',
    ]) {
      expect(error.userMessage).toContain(`  - ${line}`);
    }
    expect(error.toJSON().details.issues).toHaveLength(error.issues.length);
    const lines = error.issues.map((issue) => issue.line ?? Infinity);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('reports YAML syntax errors with their line', () => {
    const syntax = errorOf(() => parseAgreementsConfig('categories:\n  a: [1, 2\n', 'bad.yaml'));
    expect(syntax.issues[0]).toMatchObject({ path: '(file)' });
    expect(syntax.issues[0]?.line).toEqual(expect.any(Number));
  });

  it('reports a missing file', () => {
    const missing = errorOf(() => loadAgreementsConfig('/nonexistent/agreements.yaml'));
    expect(missing.issues).toEqual([
      { path: '(file)', line: null, message: 'cannot read the file (ENOENT)' },
    ]);
  });

  it.each([
    [
      'an unknown policy',
      'linePrefixes: { unknown: bill }',
      'linePrefixes.unknown (line 4): Invalid option: expected one of "hold"|"ticket"',
    ],
    [
      'an ignored text that names a category',
      'linePrefixes: { ignore: [WIP, bug-fix] }',
      'linePrefixes.ignore[1] (line 4): "bug-fix" names category "bug_fix", so a line starting with it cannot be ignored',
    ],
  ])('reports %s under linePrefixes', (_case, setting, line) => {
    const file = `categories: { bug_fix: { label: Bug fix } }\ntiers: { on_demand: { label: On Demand, rank: 0 } }\nalwaysBilled: []\n${setting}\n`;
    expect(errorOf(() => parseAgreementsConfig(file, 'x.yaml')).userMessage).toContain(
      `  - ${line}`,
    );
  });

  it('reports a shipped default that names a tier the file does not define', () => {
    const noTiers = errorOf(() =>
      parseAgreementsConfig('categories: {}\ntiers: { basic: { label: B, rank: 0 } }\n', 'x.yaml'),
    );
    expect(noTiers.issues.map((issue) => issue.message)).toContain(
      'unknown tier "on_demand" (default value)',
    );
  });
});

describe('finding the agreements file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-config-'));

  it('uses TALLY_CONFIG when set', () => {
    expect(resolveAgreementsConfigPath({ TALLY_CONFIG: 'my.json' }, dir)).toBe(
      path.join(dir, 'my.json'),
    );
  });

  it('falls back to the shipped default terms when the directory has none', () => {
    expect(resolveAgreementsConfigPath({}, dir)).toBe(
      path.resolve(__dirname, '../../../config/agreements.default.yaml'),
    );
  });

  it('prefers a config in the working directory', () => {
    const own = mkdtempSync(path.join(tmpdir(), 'tally-own-'));
    mkdirSync(path.join(own, 'config'));
    writeFileSync(path.join(own, AGREEMENTS_CONFIG_CANDIDATES[0]), 'version: 1\n');
    expect(resolveAgreementsConfigPath({}, own)).toBe(
      path.join(own, AGREEMENTS_CONFIG_CANDIDATES[0]),
    );
  });

  it('loads JSON as well as YAML', () => {
    const file = path.join(dir, 'agreements.json');
    writeFileSync(
      file,
      JSON.stringify({
        categories: { bug_fix: { label: 'Bug fix' } },
        tiers: { on_demand: { label: 'On Demand', rank: 0 } },
        sources: { tier: { kind: 'static', agreements: [] } },
      }),
    );
    expect(loadAgreementsConfig(file).settings.categories[0]?.label).toBe('Bug fix');
  });
});

describe('the company time zone (timeZone)', () => {
  const withZone = (zone: string) =>
    `version: 1
timeZone: ${zone}
categories:
  bug_fix: { label: Bug fix }
tiers:
  on_demand: { label: On Demand, rank: 0 }
sources:
  tier: { kind: partner_tags, tags: { on_demand: On Demand } }
`;

  it('is taken as the zone of periods and dates when it names an IANA zone', () => {
    const loaded = parseAgreementsConfig(withZone('Europe/Helsinki'), 'agreements.yaml');
    expect(loaded.config.timeZone).toBe('Europe/Helsinki');
    expect(readPeriodConfigOf(loaded).timeZone).toBe('Europe/Helsinki');
  });

  it('is refused, naming the setting, when it is no IANA zone', () => {
    const error = errorOf(() => parseAgreementsConfig(withZone('Mars/Olympus'), 'agreements.yaml'));
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        path: 'timeZone',
        line: 2,
        message: 'must be an IANA time zone, e.g. Europe/Stockholm',
      }),
    );
  });

  it('leaves the zone to Odoo when absent', () => {
    const loaded = parseAgreementsConfig(withZone('null'), 'agreements.yaml');
    expect(readPeriodConfigOf(loaded).timeZone).toBeUndefined();
  });
});
