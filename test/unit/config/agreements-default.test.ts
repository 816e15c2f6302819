import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadAgreementsConfig } from '../../../src/config/load-agreements';

const CONFIG_DIR = path.resolve(__dirname, '../../../config');
const loaded = loadAgreementsConfig(path.join(CONFIG_DIR, 'agreements.default.yaml'));
const { settings, sources } = loaded;

const coverageOf = (tier: string) => settings.tiers.find((t) => t.key === tier)?.covers ?? [];

describe('the shipped default encodes the support terms', () => {
  it('has the sixteen service categories of design.md §1', () => {
    expect(settings.categories.map((category) => category.key)).toEqual([
      'patching',
      'technical_support',
      'new_instance',
      'backup_restore',
      'external_config',
      'user_support',
      'bug_fix',
      'upgrade',
      'new_functionality',
      'data_import',
      'database_correction',
      'training',
      'resource_provision',
      'external_app_support',
      'transaction_service',
      'license',
    ]);
  });

  it.each([
    ['on_demand', []],
    ['patch', ['patching', 'technical_support']],
    ['maintenance', ['patching', 'technical_support', 'user_support', 'bug_fix', 'upgrade']],
  ])('tier %s covers %j', (tier, covered) => {
    expect([...coverageOf(tier)].sort()).toEqual([...covered].sort());
  });

  it('always bills the seven "always charged separately" services', () => {
    expect([...settings.alwaysBilled].sort()).toEqual(
      [
        'backup_restore',
        'data_import',
        'external_app_support',
        'license',
        'new_functionality',
        'resource_provision',
        'transaction_service',
      ].sort(),
    );
  });

  it('holds a line whose [prefix] is not a category, and ignores no bracket text', () => {
    expect(settings.linePrefixes).toEqual({ unknown: 'hold', ignore: [] });
  });

  it('requires patch for maintenance, and nothing else', () => {
    expect(settings.tiers.map((tier) => [tier.key, tier.requires])).toEqual([
      ['on_demand', []],
      ['patch', []],
      ['maintenance', ['patch']],
    ]);
  });

  it('bills 495 a month for patch, no fee for the others', () => {
    expect(settings.tiers.map((tier) => [tier.key, tier.monthlyFee])).toEqual([
      ['on_demand', null],
      ['patch', 49500],
      ['maintenance', null],
    ]);
  });

  it('bills at least 30 minutes per request, with no rounding and no cap', () => {
    expect(settings.billing).toEqual({
      hourlyRate: null,
      minimumPerRequest: 30,
      rounding: null,
      feeProration: 'daily',
      authorisationCap: null,
    });
  });

  it('sells prepaid packs of 25 and 100 hours that do not expire', () => {
    expect(settings.prepaid.products).toEqual([
      { productCode: 'SUPPORT-PACK-25', minutesPerUnit: 1500, expiryMonths: null },
      { productCode: 'SUPPORT-PACK-100', minutesPerUnit: 6000, expiryMonths: null },
    ]);
  });

  it('reads tiers from partner tags, no tag meaning On Demand, and bills SUPPORT-HOUR', () => {
    expect(settings.defaultTier).toBe('on_demand');
    expect(sources).toEqual({
      tier: {
        kind: 'partner_tags',
        tags: {
          on_demand: 'On Demand',
          patch: 'Patch Agreement',
          maintenance: 'Maintenance and Support Agreement',
        },
        // Tags carry no dates: each customer's agreement starts on its creation in Odoo.
        validFrom: null,
      },
      hourlyProductCode: 'SUPPORT-HOUR',
    });
  });
});

describe('every agreements file in config/ parses', () => {
  const files = readdirSync(CONFIG_DIR).filter((name) => name.startsWith('agreements.'));

  it('finds the default and the example', () => {
    expect(files).toEqual(
      expect.arrayContaining(['agreements.default.yaml', 'agreements.example.yaml']),
    );
  });

  it.each(files)('%s', (name) => {
    expect(() => loadAgreementsConfig(path.join(CONFIG_DIR, name))).not.toThrow();
  });

  it('converts the example into engine settings', () => {
    const example = loadAgreementsConfig(path.join(CONFIG_DIR, 'agreements.example.yaml'));
    expect(example.settings.billing).toMatchObject({
      hourlyRate: 100000,
      rounding: { increment: 15, scope: 'line', mode: 'up' },
      authorisationCap: 480,
    });
    expect(example.settings.categories.find((c) => c.key === 'training')?.hourlyRate).toBe(110050);
    expect(example.settings.rules.map((rule) => rule.id)).toEqual([
      'restore-requests',
      'ops-team-is-patching',
      'course-lines-are-training',
    ]);
    expect(example.settings.rules[0]?.when.keywords?.[0]?.test('Please RESTORE it')).toBe(true);
  });
});
