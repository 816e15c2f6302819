import { isReadMethod } from './read-write-trips';
import type { BenchResults, PassFigures, StrategyFigures } from './results-schema';

const n = (value: number): string => value.toLocaleString('en-US');

function pass(label: string, figures: PassFigures): string {
  const writes =
    figures.writeTripsPer1000InvoiceLines === null
      ? ''
      : `, ${figures.writeTripsPer1000InvoiceLines} write trips / 1,000 invoice lines`;
  return (
    `  ${label.padEnd(7)} ${figures.seconds.toFixed(1).padStart(7)} s  ${n(figures.linesPerSecond).padStart(7)} lines/s  ` +
    `${n(figures.readTrips)} reads + ${n(figures.writeTrips)} writes ` +
    `(${figures.readTripsPer1000Lines} read trips / 1,000 lines${writes}; ${n(figures.invoiceLinesWritten)} invoice lines written)`
  );
}

/** The calls of one kind (reads or writes), most frequent first. */
function breakdown(label: string, figures: PassFigures, reads: boolean): string {
  const calls = Object.entries(figures.byCall)
    .filter(([call]) => isReadMethod(call.slice(call.lastIndexOf('.') + 1)) === reads)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([call, count]) => `${call} ${n(count)}`);
  return `            ${label}: ${calls.length === 0 ? 'none' : calls.join(', ')}`;
}

function strategy(name: string, figures: StrategyFigures): string[] {
  const invoiceWrites = figures.full.invoiceWriteTripsPer1000InvoiceLines;
  return [
    `${name}: peak RSS ${figures.peakRssMb} MB, ${n(figures.invoiceLinesInOdoo)} Tally invoice lines in Odoo` +
      (invoiceWrites === null
        ? ''
        : `, invoice writes alone ${invoiceWrites} / 1,000 invoice lines`),
    pass('full', figures.full),
    breakdown('reads', figures.full, true),
    breakdown('writes', figures.full, false),
    pass('rerun', figures.rerun),
  ];
}

/** The human report: what each run measured, then every target with PASS, FAIL or SKIP. */
export function formatReport(results: BenchResults, file: string): string {
  const lines: string[] = [
    `Tally bench: ${results.options.customers} customers, ${results.options.latencyMs} ms latency per RPC call, ` +
      `${results.machine.cpus} CPUs, Node ${results.machine.node}`,
  ];
  for (const run of results.runs) {
    const { dataset } = run;
    lines.push(
      '',
      `${n(dataset.lines)} lines, ${n(dataset.tickets)} tickets, ${dataset.periods.length} periods (${dataset.periods[0]} to ${dataset.periods[dataset.periods.length - 1]})`,
      ...strategy('batched', run.batched),
    );
  }
  const { naive } = results;
  lines.push(
    '',
    `naive comparison on ${n(naive.dataset.lines)} lines (${naive.dataset.periods.length} periods), same result: ${naive.sameResult ? 'yes' : 'NO'}`,
    ...strategy('batched', naive.batched),
    ...strategy('naive', naive.naive),
    '',
    'Targets:',
  );
  for (const target of results.targets) {
    lines.push(
      `  ${target.status.padEnd(4)}  ${target.description}: ${target.value} (target ${target.limit})`,
    );
  }
  lines.push('', `Figures written to ${file}`);
  return `${lines.join('\n')}\n`;
}
