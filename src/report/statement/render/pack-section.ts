import { minutes, type LocalDate } from '../../../domain';
import type { NextPack, PackProjection, Statement, StatementPack } from '../statement';
import { burnDownChart } from './charts';
import { dateLabel, formatHoursText, hoursCell } from './format';
import { html, type SafeHtml } from './html';

const expiryClause = (expiresOn: LocalDate | null): string =>
  expiresOn === null ? 'does not expire' : `expires on ${dateLabel(expiresOn)}`;

/**
 * What pays for `work` after the period once a pack is gone: the next pack with its hours and
 * expiry, or the hourly rate (until a later pack starts); `last` is the period's last day.
 */
export function followingWorkText(work: string, next: NextPack | null, last: LocalDate): string {
  if (next === null) return `${work} is invoiced at the hourly rate.`;
  if (next.startsOn === null) {
    return (
      `${work} draws on ${next.name}, which has ${formatHoursText(next.balance)} left on ` +
      `${dateLabel(last)} and ${expiryClause(next.expiresOn)}.`
    );
  }
  return (
    `${work} is invoiced at the hourly rate until ${dateLabel(next.startsOn)}, when ${next.name} ` +
    `starts with ${formatHoursText(next.balance)} and ${expiryClause(next.expiresOn)}.`
  );
}

/** How the run-out date was projected, or why there is none, in one or two sentences. */
export function projectionText(
  projection: PackProjection,
  closing: StatementPack['closing'],
  last: LocalDate,
): string {
  switch (projection.kind) {
    case 'expired':
      return (
        `The pack expired on ${dateLabel(projection.on)} with ${formatHoursText(projection.unused)} unused; ` +
        followingWorkText('further work', projection.next, last)
      );
    case 'used_up':
      return `The pack is used up; ${followingWorkText('further work', projection.next, last)}`;
    case 'no_use':
      return 'No hours were drawn this month, so no run-out date is projected.';
    case 'run_out': {
      const used = minutes(Math.round(projection.minutesPerDay * projection.basisDays));
      const perDay = minutes(Math.round(projection.minutesPerDay));
      const pace =
        `Projected from this month's use: ${formatHoursText(used)} over ${projection.basisDays} days ` +
        `(about ${formatHoursText(perDay)} a day). At that pace the remaining ${formatHoursText(closing)} ` +
        `last until about ${dateLabel(projection.on)}.`;
      return projection.expiresFirst
        ? `${pace} The pack expires before then; hours left on its expiry day are lost.`
        : pace;
    }
  }
}

/** Rows per table before the drawdowns are shown as two tables side by side. */
const SINGLE_TABLE_ROWS = 10;

function drawdownRows(rows: StatementPack['drawdowns']): SafeHtml {
  return html`<table>
    <thead>
      <tr>
        <th>Date</th>
        <th>Ticket</th>
        <th class="num">Drawn</th>
        <th class="num">Balance</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (entry) =>
          html`<tr>
            <td>${dateLabel(entry.date)}</td>
            <td>${entry.ticketNumber}</td>
            <td class="num">${formatHoursText(entry.minutes)}</td>
            <td class="num">${formatHoursText(entry.balanceAfter)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function drawdownTable(pack: StatementPack): SafeHtml {
  const rows = pack.drawdowns;
  if (rows.length === 0) return html`<p class="note-text">No drawdowns this month.</p>`;
  if (rows.length <= SINGLE_TABLE_ROWS)
    return html`<div class="drawdowns">${drawdownRows(rows)}</div>`;
  const half = Math.ceil(rows.length / 2);
  return html`<div class="drawdowns two">
    ${drawdownRows(rows.slice(0, half))}${drawdownRows(rows.slice(half))}
  </div>`;
}

function expiryText(expiresOn: LocalDate | null): string {
  return expiresOn === null ? 'never' : dateLabel(expiresOn);
}

/** One pack: purchase, expiry, balances, burn-down chart with projection, drawdowns. */
export function packSection(pack: StatementPack, statement: Statement): SafeHtml {
  return html`<div class="pack">
    <h3>${pack.name}</h3>
    <div class="pack-facts">
      <div>
        Purchased<strong>${formatHoursText(pack.purchased)}</strong>${dateLabel(pack.purchasedOn)}
      </div>
      <div>Expires<strong>${expiryText(pack.expiresOn)}</strong></div>
      <div>Start of month<strong>${formatHoursText(pack.opening)}</strong></div>
      <div>Drawn this month<strong>${hoursCell(pack.drawn)}</strong></div>
      ${
        pack.projection.kind === 'expired'
          ? html`<div>
              Unused at expiry<strong>${formatHoursText(pack.projection.unused)}</strong>lost
              ${dateLabel(pack.projection.on)}
            </div>`
          : html`<div>
              Balance<strong>${formatHoursText(pack.closing)}</strong>${dateLabel(statement.last)}
            </div>`
      }
    </div>
    ${burnDownChart(pack, statement.last)}
    <p class="projection-text">${projectionText(pack.projection, pack.closing, statement.last)}</p>
    ${drawdownTable(pack)}
  </div>`;
}
