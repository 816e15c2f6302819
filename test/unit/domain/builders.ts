import path from 'node:path';
import { loadAgreementsConfig } from '../../../src/config/load-agreements';
import type {
  Agreement,
  CompanyContext,
  CustomerFacts,
  EngineSettings,
  PlanInput,
  PrepaidPack,
  TicketFacts,
  WorkLine,
} from '../../../src/domain';
import {
  companyId,
  currencyCode,
  customerId,
  localDate,
  minorUnits,
  minutes,
  packId,
  period,
  ticketId,
  tierKey,
  timesheetId,
} from '../../../src/domain';

/** Test data builders: the shipped default config plus small records with overridable fields. */

export const DEFAULT_CONFIG_FILE = path.resolve(
  __dirname,
  '../../../config/agreements.default.yaml',
);
export const defaultSettings: EngineSettings = loadAgreementsConfig(DEFAULT_CONFIG_FILE).settings;

/** The shipped settings with some fields replaced. */
export function settingsWith(
  overrides: Partial<Omit<EngineSettings, 'billing' | 'prepaid'>> & {
    billing?: Partial<EngineSettings['billing']>;
    prepaid?: Partial<EngineSettings['prepaid']>;
  },
): EngineSettings {
  return {
    ...defaultSettings,
    ...overrides,
    billing: { ...defaultSettings.billing, ...overrides.billing },
    prepaid: { ...defaultSettings.prepaid, ...overrides.prepaid },
  };
}

export const COMPANY: CompanyContext = {
  id: companyId(1),
  currency: currencyCode('SEK'),
  timeZone: 'Europe/Stockholm',
};

export const CUSTOMER: CustomerFacts = {
  id: customerId(45),
  name: 'Acme AB',
  companyId: companyId(1),
  currency: null,
};

/** 1 000.00 SEK an hour, in öre. */
export const RATE = minorUnits(100_000);

export function aTicket(overrides: Partial<TicketFacts> = {}): TicketFacts {
  return {
    id: ticketId(7),
    number: 'HT00007',
    name: 'Something broke',
    description: '',
    customerId: CUSTOMER.id,
    companyId: COMPANY.id,
    categoryName: null,
    typeName: null,
    tagNames: [],
    teamName: null,
    ...overrides,
  };
}

export function aLine(
  overrides: Partial<Omit<WorkLine, 'minutes' | 'date' | 'id' | 'ticketId'>> & {
    id?: string | number;
    ticketId?: string | number;
    date?: string;
    minutes?: number;
  } = {},
): WorkLine {
  return {
    description: overrides.description ?? 'Work',
    companyId: overrides.companyId ?? COMPANY.id,
    id: timesheetId(overrides.id ?? 1),
    ticketId: ticketId(overrides.ticketId ?? 7),
    date: localDate(overrides.date ?? '2025-11-10'),
    minutes: minutes(overrides.minutes ?? 60),
  };
}

export function anAgreement(
  tier: string,
  validFrom: string | null = null,
  validTo: string | null = null,
  overrides: Partial<Agreement> = {},
): Agreement {
  return {
    id: `tag:${tier}:${validFrom ?? 'always'}`,
    customerId: CUSTOMER.id,
    tier: tierKey(tier),
    validFrom: validFrom === null ? null : localDate(validFrom),
    validTo: validTo === null ? null : localDate(validTo),
    source: 'partner tag',
    ...overrides,
  };
}

/** Agreements a customer of `tier` holds in the shipped terms (maintenance comes with patch). */
export function agreementsFor(tier: 'on_demand' | 'patch' | 'maintenance'): Agreement[] {
  if (tier === 'on_demand') return [];
  if (tier === 'patch') return [anAgreement('patch')];
  return [anAgreement('patch'), anAgreement('maintenance')];
}

export function aPack(
  id: string | number,
  hours: number,
  startDate: string,
  expiresOn: string | null = null,
  overrides: Partial<PrepaidPack> = {},
): PrepaidPack {
  return {
    id: packId(id),
    customerId: CUSTOMER.id,
    name: `SUPPORT-PACK (S${String(id).padStart(5, '0')})`,
    purchased: minutes(hours * 60),
    openingBalance: minutes(hours * 60),
    startDate: localDate(startDate),
    expiresOn: expiresOn === null ? null : localDate(expiresOn),
    ...overrides,
  };
}

/** A plan input for CUSTOMER in November 2025 with nothing in it. */
export function aPlanInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    company: COMPANY,
    customer: CUSTOMER,
    period: period('2025-11'),
    tickets: [aTicket({ categoryName: 'Bug fix' })],
    lines: [],
    agreements: [],
    packs: [],
    history: [],
    defaultHourlyRate: RATE,
    ...overrides,
  };
}
