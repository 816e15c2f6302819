/** The HTML page: everything from Odoo is escaped, nothing is fetched, and it says what the plan says. */
import { customerId, ticketId } from '../../../../src/domain';
import { formatHoursText, formatMoney } from '../../../../src/report/statement/render/format';
import { escapeHtml, html } from '../../../../src/report/statement/render/html';
import { renderStatementHtml } from '../../../../src/report/statement/render/render-statement';
import { agreementsFor, aLine, aPack, aTicket, CUSTOMER } from '../../domain/builders';
import { statementOf } from './statement-builders';

const statement = statementOf({
  customer: { ...CUSTOMER, id: customerId(45), name: 'Acme AB' },
  tickets: [
    aTicket({
      id: ticketId(1),
      number: 'HT00001',
      name: 'Monthly patching',
      categoryName: 'Patching',
    }),
    aTicket({ id: ticketId(2), number: 'HT00002', name: 'Crash on save', categoryName: 'Bug fix' }),
    aTicket({ id: ticketId(3), number: 'HT00003', name: 'Call me', categoryName: null }),
    aTicket({
      id: ticketId(4),
      number: 'HT00004',
      name: 'Quick question',
      categoryName: 'User support',
    }),
  ],
  lines: [
    aLine({ id: 1, ticketId: 1, minutes: 120, date: '2025-11-03' }),
    aLine({ id: 2, ticketId: 2, minutes: 90, date: '2025-11-04' }),
    aLine({ id: 3, ticketId: 3, minutes: 45, date: '2025-11-05' }),
    aLine({ id: 4, ticketId: 4, minutes: 10, date: '2025-11-06' }),
  ],
  agreements: agreementsFor('patch'),
  packs: [aPack(9, 6, '2025-10-01')],
});
/**
 * The page with formatting whitespace between and inside tags folded, for substring checks; the
 * no-break spaces inside amounts are text, not formatting, and stay.
 */
const squash = (text: string): string =>
  text
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/> </g, '><')
    .replace(/ >/g, '>');
const page = squash(renderStatementHtml(statement));

describe('renderStatementHtml: structure', () => {
  it('is one self-contained document: inline CSS with a print stylesheet, no scripts, no requests', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\//i);
    // The stylesheet is ours and must reach the browser unescaped.
    expect(page).toContain('font: 14px/1.45 system-ui, -apple-system, "Segoe UI"');
  });

  it('has its sections in order', () => {
    const headings = [...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'Please note',
      'Hours by coverage',
      'Tickets',
      'Monthly fees',
      'Prepaid hours',
      'Time being checked',
      'Total',
    ]);
  });

  it('shows the plan’s numbers: coverage bars, every ticket, fees, pack and totals', () => {
    const money = (amount: number) => escapeHtml(formatMoney(amount as never, statement.currency));
    for (const slice of statement.coverage) {
      expect(page).toMatch(
        new RegExp(
          `bar-${slice.kind}[\\s\\S]*?class="bar-value">${formatHoursText(slice.minutes)}<`,
        ),
      );
    }
    for (const row of statement.tickets) {
      expect(page).toContain(`<span class="ticket-name">${row.number}</span> ${row.name}`);
      expect(page).toContain(money(row.amount));
    }
    expect(statement.fees).toHaveLength(1);
    expect(page).toContain(
      `${statement.fees[0]?.label}</td><td class="num">${money(statement.fees[0]?.amount ?? 0)}`,
    );
    expect(page).toContain('SUPPORT-PACK (S00009)');
    expect(page).toContain('class="chart burn-down"');
    expect(page).toContain(`Total excl. VAT</td><td class="num">${money(statement.totals.amount)}`);
    expect(page).toContain('0.33 h added: the 30-minute minimum per request');
    expect(page).toContain('0.75 h being checked, not invoiced yet');
  });
});

describe('renderStatementHtml: amounts never wrap', () => {
  // 55.50 h of bug fixing in six days: 55 500.00 SEK, the amount that wrapped in its card.
  const large = statementOf({
    tickets: [aTicket({ id: ticketId(1), categoryName: 'Bug fix' })],
    lines: [3, 4, 5, 6, 7, 10].map((day) =>
      aLine({
        id: day,
        ticketId: 1,
        minutes: 555,
        date: `2025-11-${String(day).padStart(2, '0')}`,
      }),
    ),
  });
  const raw = renderStatementHtml(large);

  it('joins the digits, the thousands and the currency code with no-break spaces only', () => {
    const amounts = [...raw.matchAll(/[−\d][\d\s]*\.\d{2}\s+SEK/g)].map((match) => match[0]);
    expect(amounts).toContain('55\u202f500.00\u00a0SEK');
    for (const amount of amounts) expect(amount).toMatch(/^[−\d][\d\u202f]*\.\d{2}\u00a0SEK$/);
  });

  it('keeps the summary cards’ values, amounts and hours, on one line', () => {
    expect(raw).toMatch(/\.card \.value \{[^}]*white-space: nowrap;/);
    expect(squash(raw)).toContain('<div class="value">55\u202f500.00\u00a0SEK</div>');
  });
});

describe('renderStatementHtml: escaping', () => {
  it('renders a ticket and customer named like markup as inert text', () => {
    const hostile = statementOf({
      customer: { ...CUSTOMER, name: `Evil "Co" <b>bold</b> & 'Sons'` },
      tickets: [
        aTicket({
          name: '<script>alert("x")</script>',
          number: '<img src=x onerror=alert(1)>',
          categoryName: 'Bug fix',
        }),
      ],
      lines: [aLine({ minutes: 60 })],
    });
    const out = renderStatementHtml(hostile);
    expect(out).not.toMatch(/<script|<img|<b>/i);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('Evil &quot;Co&quot; &lt;b&gt;bold&lt;/b&gt; &amp; &#39;Sons&#39;');
  });

  it('escapes interpolated text but keeps trusted fragments and joins lists', () => {
    const name = '<i>"x"</i>';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;i&gt;&quot;x&quot;&lt;/i&gt;">&lt;i&gt;&quot;x&quot;&lt;/i&gt;</p>',
    );
    const list = html`<ul>
      ${['a&b', html`<li>ok</li>`, null, false]}
    </ul>`;
    expect(squash(list.value)).toBe('<ul> a&amp;b<li>ok</li></ul>');
  });
});
