import type { Coverage } from '../../../src/domain';
import { classifyLine } from '../../../src/domain';
import { COMPANY, CUSTOMER, aLine, aTicket, agreementsFor, defaultSettings } from './builders';

/**
 * One row per term of the support terms (../shared/seed/support-agreements.txt) per tier, using
 * the shipped default config. Each row: the tier, the category label as staff would type it on the
 * ticket, the expected coverage, and the sentence of the terms it comes from.
 */
type Tier = 'on_demand' | 'patch' | 'maintenance';
type Row = [Tier, string, Exclude<Coverage, 'review'>, string];

const ON_DEMAND: Row[] = [
  ['on_demand', 'Patching', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'Technical support', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'User support', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'Bug fix', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'Upgrade', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'New instance', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'External configuration', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'Database correction', 'billable', 'On Demand: any service charged hourly'],
  ['on_demand', 'Training', 'billable', 'On Demand: any service charged hourly'],
];

const PATCH: Row[] = [
  ['patch', 'Patching', 'covered', 'we will manage the patching of your server infrastructure'],
  ['patch', 'Technical support', 'covered', 'Technical Support ... included without extra cost'],
  ['patch', 'New instance', 'billable', 'does not include: Creation of new instances'],
  [
    'patch',
    'External configuration',
    'billable',
    'does not include: configuration outside the VM pool',
  ],
  ['patch', 'User support', 'billable', 'does not include: Application and end-user support'],
  ['patch', 'Bug fix', 'billable', 'Application and user support is charged On Demand'],
  ['patch', 'Upgrade', 'billable', 'upgrades come with Maintenance and Support only'],
  ['patch', 'Database correction', 'billable', 'not part of the Patch Agreement'],
  ['patch', 'Training', 'billable', 'not part of the Patch Agreement'],
];

const MAINTENANCE: Row[] = [
  ['maintenance', 'Patching', 'covered', 'Includes Patch Agreement'],
  ['maintenance', 'Technical support', 'covered', 'Includes Patch Agreement'],
  ['maintenance', 'User support', 'covered', 'General User Support'],
  ['maintenance', 'Bug fix', 'covered', 'Support for bug fixes'],
  ['maintenance', 'Upgrade', 'covered', 'continuous code maintenance and upgrades'],
  ['maintenance', 'New instance', 'billable', 'Technical support does not include new instances'],
  [
    'maintenance',
    'External configuration',
    'billable',
    'Technical support excludes external config',
  ],
  [
    'maintenance',
    'Database correction',
    'billable',
    'Support does not include database corrections',
  ],
  ['maintenance', 'Training', 'billable', 'Support does not include end-user training'],
];

const ALWAYS_BILLED = [
  ['Resource provision', 'Provision of resources and infrastructure'],
  ['Data import', 'import/export of data and data cleaning'],
  ['New functionality', 'Implementation of new functionality, features, applications'],
  ['Transaction service', 'pay for service transactions (OCR, InExchange, AI)'],
  ['External app support', 'Support for external applications'],
  ['Backup restore', 'Restore of backups'],
  ['License', 'Licenses'],
] as const;

const ALWAYS_BILLED_ROWS: Row[] = (['on_demand', 'patch', 'maintenance'] as const).flatMap((tier) =>
  ALWAYS_BILLED.map(([label, term]): Row => [tier, label, 'billable', `Always charged: ${term}`]),
);

function classify(tier: Tier, categoryName: string) {
  return classifyLine(
    aLine(),
    {
      company: COMPANY,
      customers: [CUSTOMER],
      tickets: [aTicket({ categoryName })],
      agreements: agreementsFor(tier),
    },
    defaultSettings,
  );
}

describe('coverage per tier, from the support terms', () => {
  it.each([...ON_DEMAND, ...PATCH, ...MAINTENANCE, ...ALWAYS_BILLED_ROWS])(
    '%s: %s is %s (%s)',
    (tier, categoryName, coverage) => {
      const decision = classify(tier, categoryName);
      expect(decision.coverage).toBe(coverage);
      expect(decision.tier).toBe(tier);
      expect(decision.problems).toEqual([]);
    },
  );

  it('covers every configured category for every tier', () => {
    const rows = [...ON_DEMAND, ...PATCH, ...MAINTENANCE, ...ALWAYS_BILLED_ROWS];
    for (const tier of ['on_demand', 'patch', 'maintenance'] as const) {
      const labels = rows.filter((row) => row[0] === tier).map((row) => row[1]);
      expect(new Set(labels).size).toBe(defaultSettings.categories.length);
    }
  });

  it.each([
    ['maintenance', 'Bug fix', 'Bug fix: covered by Maintenance and Support Agreement'],
    ['patch', 'User support', 'User support: not covered by Patch Agreement, billed hourly'],
    ['patch', 'Technical support', 'Technical support: covered by Patch Agreement'],
    ['maintenance', 'Backup restore', 'Backup restore: always billed separately'],
    ['on_demand', 'Patching', 'Patching: not covered by On Demand, billed hourly'],
  ] as const)('%s / %s gives the reason "%s"', (tier, categoryName, reason) => {
    expect(classify(tier, categoryName).reason).toBe(reason);
  });

  it('names the deciding rules: category rule, agreement, coverage rule', () => {
    expect(classify('maintenance', 'Bug fix').ruleIds).toEqual([
      'builtin:ticket-category',
      'agreement:tag:maintenance:always',
      'coverage:included:maintenance',
    ]);
    expect(classify('on_demand', 'Bug fix').ruleIds).toEqual([
      'builtin:ticket-category',
      'agreement:default-tier',
      'coverage:not-included:on_demand',
    ]);
  });
});
