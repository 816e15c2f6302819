import type { Statement, StatementTicket } from '../statement';
import { coverageChart } from './charts';
import {
  dateLabel,
  dateRangeLabel,
  formatHoursText,
  formatMoney,
  hoursCell,
  periodLabel,
} from './format';
import { html, SafeHtml } from './html';
import { packSection } from './pack-section';
import { STATEMENT_CSS } from './styles';

/** No scripts, no external requests: only the inline stylesheet may apply. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// Our own constant stylesheet: escaping it would turn its quotes into entities, which CSS does not read.
const TRUSTED_CSS = new SafeHtml(STATEMENT_CSS);

function summaryCards(statement: Statement): SafeHtml {
  const { totals } = statement;
  const card = (label: string, value: string, extra = '') =>
    html`<div class="card ${extra}">
      <div class="value">${value}</div>
      <div class="label">${label}</div>
    </div>`;
  return html`<section class="cards">
    ${card('Hours logged', formatHoursText(totals.logged))}
    ${card('Covered by agreement', formatHoursText(totals.covered))}
    ${card('From prepaid hours', formatHoursText(totals.drawn))}
    ${card('Invoiced hours', formatHoursText(totals.invoiced))}
    ${card('Amount excl. VAT', formatMoney(totals.amount, statement.currency), 'total')}
  </section>`;
}

function ticketRow(ticket: StatementTicket, statement: Statement): SafeHtml {
  return html`<tr>
    <td>
      <span class="ticket-name">${ticket.number}</span> ${ticket.name}
      <ul class="reasons">
        ${ticket.reasons.map((reason) => html`<li>${reason}</li>`)}${
          ticket.review > 0
            ? html`<li class="held">
                ${formatHoursText(ticket.review)} being checked, not invoiced yet (see below)
              </li>`
            : null
        }
      </ul>
    </td>
    <td class="num">${hoursCell(ticket.logged)}</td>
    <td class="num">${hoursCell(ticket.covered)}</td>
    <td class="num">${hoursCell(ticket.drawn)}</td>
    <td class="num">${hoursCell(ticket.invoiced)}</td>
    <td>
      ${ticket.adjustmentNote === null ? '–' : html`<span class="adjust">${ticket.adjustmentNote}</span>`}
    </td>
    <td class="num">${formatMoney(ticket.amount, statement.currency)}</td>
  </tr>`;
}

function ticketTable(statement: Statement): SafeHtml {
  if (statement.tickets.length === 0)
    return html`<p class="note-text">No work was logged this month.</p>`;
  const { totals } = statement;
  return html`<table class="tickets">
    <thead>
      <tr>
        <th>Ticket and reason</th>
        <th class="num">Logged</th>
        <th class="num">Covered</th>
        <th class="num">Prepaid</th>
        <th class="num">Invoiced</th>
        <th>Minimum / rounding</th>
        <th class="num">Amount</th>
      </tr>
    </thead>
    <tbody>
      ${statement.tickets.map((ticket) => ticketRow(ticket, statement))}
    </tbody>
    <tfoot>
      <tr>
        <td>${statement.tickets.length} tickets</td>
        <td class="num">${formatHoursText(totals.logged)}</td>
        <td class="num">${formatHoursText(totals.covered)}</td>
        <td class="num">${formatHoursText(totals.drawn)}</td>
        <td class="num">${formatHoursText(totals.invoiced)}</td>
        <td></td>
        <td class="num">${formatMoney(totals.timeAmount, statement.currency)}</td>
      </tr>
    </tfoot>
  </table>`;
}

function feeTable(statement: Statement): SafeHtml | null {
  if (statement.fees.length === 0) return null;
  return html`<h2>Monthly fees</h2>
    <table>
      <tbody>
        ${statement.fees.map(
          (fee) =>
            html`<tr>
              <td>${fee.label}</td>
              <td class="num">${formatMoney(fee.amount, statement.currency)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function reviewTable(statement: Statement): SafeHtml | null {
  if (statement.review.length === 0) return null;
  return html`<h2>Time being checked</h2>
    <p class="note-text">
      These ${formatHoursText(statement.totals.review)} are not on this month's invoice. We check
      each entry and invoice it, if at all, once its cause is fixed.
    </p>
    <table>
      <thead>
        <tr>
          <th>Ticket</th>
          <th>Dates</th>
          <th class="num">Entries</th>
          <th class="num">Hours</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        ${statement.review.map(
          (group) =>
            html`<tr>
              <td><span class="ticket-name">${group.ticketNumber}</span> ${group.ticketName}</td>
              <td class="nowrap">${dateRangeLabel(group.from, group.to)}</td>
              <td class="num">${group.lines}</td>
              <td class="num">${formatHoursText(group.minutes)}</td>
              <td>${group.reason}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function totalsTable(statement: Statement): SafeHtml {
  const { totals, currency } = statement;
  return html`<h2>Total</h2>
    <table class="totals">
      <tbody>
        <tr>
          <td>Support time</td>
          <td class="num">${formatMoney(totals.timeAmount, currency)}</td>
        </tr>
        <tr>
          <td>Monthly fees</td>
          <td class="num">${formatMoney(totals.feeAmount, currency)}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td>Total excl. VAT</td>
          <td class="num">${formatMoney(totals.amount, currency)}</td>
        </tr>
      </tfoot>
    </table>`;
}

/** The statement as one self-contained HTML page (inline CSS and SVG, printable to PDF). */
export function renderStatementHtml(statement: Statement): string {
  const month = periodLabel(statement.period);
  const minimum =
    statement.minimumPerRequest > 0
      ? `Charged hours include the ${statement.minimumPerRequest}-minute minimum per request where a request had less.`
      : '';
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Support statement ${month}: ${statement.customer.name}</title>
        <style>
          ${TRUSTED_CSS}
        </style>
      </head>
      <body>
        <main>
          <header>
            <div class="kicker">Support statement · ${month}</div>
            <h1>${statement.customer.name}</h1>
            <div class="meta">
              ${dateLabel(statement.first)} – ${dateLabel(statement.last)} (${statement.timeZone}) ·
              customer ${statement.customer.id} · amounts in ${statement.currency.code}, excluding
              VAT
            </div>
          </header>
          ${summaryCards(statement)}
          ${
            statement.notices.length > 0
              ? html`<h2>Please note</h2>
                  <ul class="notices">
                    ${statement.notices.map((notice) => html`<li>${notice}</li>`)}
                  </ul>`
              : null
          }
          <h2>Hours by coverage</h2>
          ${coverageChart(statement.coverage)}
          <p class="note-text">${minimum}</p>
          <h2>Tickets</h2>
          ${ticketTable(statement)} ${feeTable(statement)}
          ${
            statement.packs.length > 0
              ? html`<h2>Prepaid hours</h2>
                  ${statement.packs.map((pack) => packSection(pack, statement))}`
              : null
          }
          ${reviewTable(statement)} ${totalsTable(statement)}
          <footer>
            Hours are decimal (1.50 h = 1 h 30 min). Dates are in ${statement.timeZone}.
          </footer>
        </main>
      </body>
    </html> `;
  return page.value;
}
