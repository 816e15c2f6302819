/** The statement's inline stylesheet: screen first, then a print stylesheet for PDF export. */
export const STATEMENT_CSS = `
:root { --ink: #1d2430; --muted: #5b6473; --line: #dde2ea; --paper: #ffffff; --wash: #f5f7fa;
  --covered: #2e7d4f; --prepaid: #2563a8; --invoiced: #c26a12; --review: #8a8f98; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 980px; margin: 24px auto; background: var(--paper); padding: 36px 44px;
  border: 1px solid var(--line); border-radius: 6px; }
header { border-bottom: 2px solid var(--ink); padding-bottom: 14px; margin-bottom: 20px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
h1 { font-size: 26px; margin: 4px 0 2px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 6px; }
.meta, .note-text { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card .value { font-size: 19px; font-weight: 600; white-space: nowrap; }
.card .label { font-size: 12px; color: var(--muted); }
.card.total { background: var(--ink); color: #fff; border-color: var(--ink); }
.card.total .label { color: #cfd5df; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--wash); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid var(--ink); border-bottom: none; }
.ticket-name { font-weight: 600; }
.reasons { margin: 2px 0 0; padding: 0; list-style: none; font-size: 12px; color: var(--muted); }
.adjust { font-size: 12px; color: var(--invoiced); }
.reasons .held { color: var(--ink); font-style: italic; }
.notices { margin: 0; padding: 10px 14px 10px 30px; background: #fff7e8; border: 1px solid #f1d29b;
  border-radius: 6px; }
.pack { border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; margin-bottom: 16px; }
.pack-facts { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; margin: 8px 0 12px; }
.pack-facts div { font-size: 12px; color: var(--muted); }
.pack-facts strong { display: block; font-size: 15px; color: var(--ink); }
.drawdowns { max-width: 50%; }
.drawdowns.two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; max-width: none; align-items: start; }
.chart { width: 100%; height: auto; display: block; }
.chart text { font-size: 12px; fill: var(--ink); }
.chart .axis, .chart .note { fill: var(--muted); font-size: 11px; }
.chart .track { fill: var(--wash); }
.bar-covered .fill { fill: var(--covered); }
.bar-prepaid .fill { fill: var(--prepaid); }
.bar-invoiced .fill { fill: var(--invoiced); }
.bar-review .fill { fill: var(--review); }
.bar-value { font-weight: 600; }
.chart .grid { stroke: var(--line); }
.chart .period-end { stroke: var(--muted); stroke-dasharray: 2 3; }
.chart .expiry { stroke: var(--invoiced); stroke-dasharray: 4 3; }
.chart .balance { fill: none; stroke: var(--prepaid); stroke-width: 2.5; }
.chart .run-out { fill: var(--prepaid); }
.chart .projection { fill: none; stroke: var(--prepaid); stroke-width: 2; stroke-dasharray: 6 5; opacity: .7; }
footer { margin-top: 28px; font-size: 12px; color: var(--muted); }
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff; font-size: 11px; }
  main { margin: 0; padding: 0; border: none; max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  tr, .pack, .card, .chart { break-inside: avoid; }
}
`;
