import { minutes, type LocalDate } from '../../../domain';
import type { PackProjection, Statement, StatementPack } from '../statement';
import { burnDownChart } from './charts';
import { dateLabel, formatHoursText, hoursCell } from './format';
import { html, type SafeHtml } from './html';

/** How the run-out date was projected, or why there is none, in one or two sentences. */
export function projectionText(
  projection: PackProjection,
  closing: StatementPack['closing'],
): string {
  switch (projection.kind) {
    case 'expired':
      return `The pack expired on ${dateLabel(projection.on)} with ${formatHoursText(projection.unused)} unused; work from that day is invoiced at the hourly rate.`;
    case 'used_up':
      return 'The pack is used up; further work is invoiced at the hourly rate.';
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
    <p class="projection-text">${projectionText(pack.projection, pack.closing)}</p>
    ${drawdownTable(pack)}
  </div>`;
}
