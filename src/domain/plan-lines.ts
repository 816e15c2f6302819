import type { ChargeUnit } from './charges';
import type { Decision } from './decision';
import type { PrepaidPack } from './facts';
import type { PlanLineKind } from './line-key';
import { lineKey } from './line-key';
import { priceForMinutes } from './money';
import type { PlanLine } from './plan-types';
import type { Drawdown } from './prepaid';
import type { EngineSettings } from './settings';
import { findCategory } from './settings';
import { formatHours } from './time-units';
import type { CategoryKey, CustomerId, MinorUnits, Period, TicketId, TimesheetId } from './types';
import { compareIds, compareText, minorUnits, minutes } from './types';

/** What the section builder needs besides the ticket's own data. */
export interface SectionContext {
  readonly customerId: CustomerId;
  readonly period: Period;
  readonly settings: EngineSettings;
  readonly defaultHourlyRate: MinorUnits;
  readonly packs: ReadonlyMap<string, PrepaidPack>;
}

/** A unit of the ticket with what the packs left of it to invoice. */
export interface PricedUnit {
  readonly unit: ChargeUnit;
  readonly overage: number;
}

const KIND_ORDER: readonly PlanLineKind[] = ['covered', 'drawdown', 'billed', 'correction'];

/** Hourly rate of a category: its own rate, else the default rate. */
export function rateFor(context: SectionContext, category: CategoryKey | null): MinorUnits {
  const own = category === null ? null : findCategory(context.settings, category)?.hourlyRate;
  return own ?? context.defaultHourlyRate;
}

function labelOf(context: SectionContext, category: CategoryKey | null): string {
  if (category === null) return 'Support';
  return findCategory(context.settings, category)?.label ?? category;
}

function ids(values: Iterable<TimesheetId>): TimesheetId[] {
  return [...new Set(values)].sort(compareIds);
}

interface Group {
  minutes: number;
  lineIds: TimesheetId[];
  category: CategoryKey | null;
  extra: number;
  last: string;
}

function grouped<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  add: (group: Group, item: T) => void,
) {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? {
      minutes: 0,
      lineIds: [],
      category: null,
      extra: 0,
      last: '',
    };
    add(group, item);
    groups.set(key, group);
  }
  return [...groups.entries()];
}

/** The lines of one ticket's section: covered, drawdowns, billed hours, corrections. */
export function sectionLines(
  context: SectionContext,
  ticketId: TicketId,
  covered: readonly Decision[],
  priced: readonly PricedUnit[],
  drawdowns: readonly (Drawdown & { lineIds: readonly TimesheetId[] })[],
): PlanLine[] {
  const key = (kind: PlanLineKind, discriminator: string) =>
    lineKey({
      customerId: context.customerId,
      period: context.period,
      ticketId,
      kind,
      discriminator,
    });
  const base = { packId: null, tier: null } as const;
  const lines: PlanLine[] = [];

  for (const [discriminator, group] of grouped(
    covered,
    (decision) => `${decision.category ?? '-'}.${decision.tier ?? '-'}`,
    (group, decision) => {
      group.minutes += decision.minutes;
      group.lineIds.push(decision.lineId);
      group.category = decision.category;
      group.last = decision.reason;
    },
  )) {
    const tier = covered.find((decision) => decision.lineId === group.lineIds[0])?.tier ?? null;
    lines.push({
      ...base,
      key: key('covered', discriminator),
      kind: 'covered',
      label: group.last,
      minutes: minutes(group.minutes),
      unitPrice: rateFor(context, group.category),
      discountPercent: 100,
      amount: minorUnits(0),
      category: group.category,
      tier,
      timesheetIds: ids(group.lineIds),
    });
  }

  for (const [packId, group] of grouped(
    drawdowns,
    (drawdown) => drawdown.packId,
    (group, drawdown) => {
      group.minutes += drawdown.minutes;
      group.lineIds.push(...drawdown.lineIds);
      group.extra = drawdown.balanceAfter;
    },
  )) {
    const name = context.packs.get(packId)?.name ?? packId;
    lines.push({
      ...base,
      key: key('drawdown', packId),
      kind: 'drawdown',
      label: `Prepaid ${name}: ${formatHours(minutes(group.minutes))} h drawn, ${formatHours(minutes(group.extra))} h left`,
      minutes: minutes(group.minutes),
      unitPrice: minorUnits(0),
      discountPercent: 0,
      amount: minorUnits(0),
      category: null,
      packId: packId as PrepaidPack['id'],
      timesheetIds: ids(group.lineIds),
    });
  }

  for (const kind of ['billed', 'correction'] as const) {
    const isCorrection = (entry: PricedUnit) =>
      (entry.unit.source === 'late' && entry.overage > 0) || entry.overage < 0;
    const wanted = priced.filter((entry) =>
      kind === 'billed' ? entry.overage > 0 && !isCorrection(entry) : isCorrection(entry),
    );
    for (const [discriminator, group] of grouped(
      wanted,
      (entry) => entry.unit.category ?? '-',
      (group, entry) => {
        group.minutes += entry.overage;
        group.lineIds.push(...entry.unit.lineIds);
        group.category = entry.unit.category;
        if (entry.unit.source === 'adjustment') group.extra += entry.overage;
      },
    )) {
      const rate = rateFor(context, group.category);
      const time = minutes(group.minutes);
      const label = labelOf(context, group.category);
      lines.push({
        ...base,
        key: key(kind, discriminator),
        kind,
        label:
          kind === 'correction'
            ? time < 0
              ? `Correction: ${label}, time billed in earlier periods was reduced`
              : `Correction: ${label}, time logged in earlier periods after they were invoiced`
            : group.extra > 0
              ? `${label}: billed hourly (includes ${formatHours(minutes(group.extra))} h per-request minimum or rounding)`
              : `${label}: billed hourly`,
        minutes: time,
        unitPrice: rate,
        discountPercent: 0,
        amount: priceForMinutes(rate, time),
        category: group.category,
        timesheetIds: ids(group.lineIds),
      });
    }
  }

  return lines.sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.key, b.key),
  );
}
