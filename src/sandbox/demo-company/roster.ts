import type { DemoTier } from './catalogue';

export type PackProductCode = 'SUPPORT-PACK-25' | 'SUPPORT-PACK-100';

/** A prepaid pack sold to a demo customer on a confirmed sale order. */
export interface DemoPackSpec {
  readonly product: PackProductCode;
  readonly hours: number;
  /** Order date (the pack pays for work from this day). */
  readonly orderedOn: string;
  /**
   * Hours already used before the demo months, logged on earlier tickets linked to the pack's
   * sale line (so Odoo's delivered quantity, and Tally's opening balance, reflect them).
   */
  readonly usedBefore: number;
}

export interface DemoCustomerSpec {
  /** Seed ref of the company partner; its contact is `<ref>_contact`. */
  readonly ref: string;
  readonly name: string;
  readonly contact: string;
  /** Agreement partner tags; empty = no tag, which the default config reads as On Demand. */
  readonly tags: readonly DemoTier[];
  readonly packs: readonly DemoPackSpec[];
  /** Average tickets opened a month. */
  readonly ticketsPerMonth: number;
  /** Scales how many lines a ticket gets (1 = typical). */
  readonly effort: number;
}

/**
 * Twelve customers covering every agreement situation of the support terms: On Demand with and
 * without prepaid packs (a 100 h pack used up and renewed, a 25 h pack bought a year ago that expires in the
 * last demo month when packs expire after 12 months, a 25 h pack running low), Patch, Patch +
 * Maintenance, one Maintenance without Patch (a configuration error) and one without any tag.
 */
export const CUSTOMERS: readonly DemoCustomerSpec[] = [
  {
    ref: 'acme',
    name: 'Acme AB',
    contact: 'Jane Berg',
    tags: ['on_demand'],
    packs: [{ product: 'SUPPORT-PACK-25', hours: 25, orderedOn: '2025-10-15', usedBefore: 0 }],
    ticketsPerMonth: 6,
    effort: 0.6,
  },
  {
    ref: 'lindqvist',
    name: 'Lindqvist Bygg AB',
    contact: 'Per Lindqvist',
    tags: ['on_demand'],
    packs: [{ product: 'SUPPORT-PACK-25', hours: 25, orderedOn: '2026-05-04', usedBefore: 19.5 }],
    ticketsPerMonth: 2,
    effort: 0.3,
  },
  {
    ref: 'bjork',
    name: 'Björk & Berg Konsult AB',
    contact: 'Maria Björk',
    tags: ['on_demand'],
    // Used up in September and renewed for October: the new pack never takes time the old one paid.
    packs: [
      { product: 'SUPPORT-PACK-100', hours: 100, orderedOn: '2026-07-01', usedBefore: 0 },
      { product: 'SUPPORT-PACK-100', hours: 100, orderedOn: '2026-10-01', usedBefore: 0 },
    ],
    ticketsPerMonth: 9,
    effort: 1,
  },
  {
    ref: 'solberg',
    name: 'Solberg Redovisning AB',
    contact: 'Anna Solberg',
    tags: ['on_demand'],
    packs: [],
    ticketsPerMonth: 14,
    effort: 0.4,
  },
  {
    ref: 'hagstrom',
    name: 'Hagströms Café',
    contact: 'Nils Hagström',
    tags: [],
    packs: [],
    ticketsPerMonth: 2,
    effort: 0.5,
  },
  {
    ref: 'kustlinjen',
    name: 'Kustlinjen Logistik AB',
    contact: 'Sofia Strand',
    tags: ['patch'],
    packs: [],
    ticketsPerMonth: 9,
    effort: 1,
  },
  {
    ref: 'vinterviken',
    name: 'Vinterviken Media AB',
    contact: 'Oskar Vinter',
    tags: ['patch'],
    packs: [],
    ticketsPerMonth: 7,
    effort: 0.9,
  },
  {
    ref: 'ostrahamnen',
    name: 'Östra Hamnen Fastigheter AB',
    contact: 'Karin Öst',
    tags: ['patch'],
    packs: [],
    ticketsPerMonth: 6,
    effort: 0.8,
  },
  {
    ref: 'fjallvind',
    name: 'Fjällvind Industri AB',
    contact: 'Lars Fjäll',
    tags: ['patch', 'maintenance'],
    packs: [],
    ticketsPerMonth: 14,
    effort: 1.3,
  },
  {
    ref: 'skargarden',
    name: 'Skärgårdens Vård AB',
    contact: 'Eva Holm',
    tags: ['patch', 'maintenance'],
    packs: [],
    ticketsPerMonth: 12,
    effort: 1.1,
  },
  {
    ref: 'granit',
    name: 'Granit & Glas AB',
    contact: 'Ahmed Nasser',
    tags: ['patch', 'maintenance'],
    packs: [],
    ticketsPerMonth: 10,
    effort: 1,
  },
  {
    ref: 'malarstrand',
    name: 'Mälarstrand Handel AB',
    contact: 'Ulla Mälar',
    tags: ['maintenance'],
    packs: [],
    ticketsPerMonth: 5,
    effort: 0.8,
  },
];
