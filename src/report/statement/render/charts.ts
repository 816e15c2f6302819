import { minutes, type LocalDate } from '../../../domain';
import { addDays, daysBetween } from '../dates';
import type { CoverageSlice, StatementPack } from '../statement';
import { dateLabel, formatHoursText } from './format';
import { html, type SafeHtml } from './html';

/** How far past the period a burn-down projection is drawn before it is cut off. */
const PROJECTION_HORIZON_DAYS = 183;

const round = (value: number): number => Math.round(value * 10) / 10;

/** Horizontal bars, one per coverage outcome, scaled to the largest. */
export function coverageChart(slices: readonly CoverageSlice[]): SafeHtml {
  // Sized to the page's content width, so the SVG's text renders at the page's own size.
  const labelWidth = 250;
  const barWidth = 520;
  const row = 34;
  const height = slices.length * row + 8;
  const largest = Math.max(1, ...slices.map((slice) => slice.minutes));
  const summary = slices
    .map((slice) => `${slice.label}: ${formatHoursText(slice.minutes)}`)
    .join('; ');
  const bars = slices.map((slice, index) => {
    const y = index * row + 6;
    const width = round((Math.max(0, slice.minutes) / largest) * barWidth);
    return html`<g class="bar bar-${slice.kind}">
      <text x="0" y="${y + 17}" class="bar-label">${slice.label}</text>
      <rect x="${labelWidth}" y="${y}" width="${barWidth}" height="24" rx="3" class="track" />
      <rect x="${labelWidth}" y="${y}" width="${width}" height="24" rx="3" class="fill" />
      <text x="${labelWidth + barWidth + 10}" y="${y + 17}" class="bar-value"
        >${formatHoursText(slice.minutes)}</text
      >
    </g>`;
  });
  return html`<svg
    class="chart coverage-chart"
    viewBox="0 0 ${labelWidth + barWidth + 90} ${height}"
    role="img"
    aria-label="${summary}"
  >
    <title>Hours by coverage</title>
    ${bars}
  </svg>`;
}

interface Scale {
  readonly x: (date: LocalDate) => number;
  readonly y: (balance: number) => number;
}

function projectionEnd(pack: StatementPack, last: LocalDate): { date: LocalDate; balance: number } {
  const horizon = addDays(last, PROJECTION_HORIZON_DAYS);
  if (pack.projection.kind !== 'run_out') return { date: last, balance: pack.closing };
  if (pack.projection.on <= horizon) return { date: pack.projection.on, balance: 0 };
  const used = pack.projection.minutesPerDay * PROJECTION_HORIZON_DAYS;
  return { date: horizon, balance: Math.max(0, pack.closing - used) };
}

/** The balance as a step line through the period, then the projection dashed to its run-out. */
export function burnDownChart(pack: StatementPack, last: LocalDate): SafeHtml {
  const width = 860;
  const height = 260;
  const left = 56;
  const right = 20;
  const top = 16;
  const bottom = 34;
  const start = pack.burnDown[0]?.date ?? last;
  const projected = projectionEnd(pack, last);
  const lastPoint = pack.burnDown.at(-1)?.date ?? last;
  const end = [last, projected.date, lastPoint].sort().at(-1) ?? last;
  const span = Math.max(1, daysBetween(start, end));
  const ceiling = Math.max(60, pack.opening, pack.purchased);
  const scale: Scale = {
    x: (date) => round(left + (daysBetween(start, date) / span) * (width - left - right)),
    y: (balance) => round(top + (1 - balance / ceiling) * (height - top - bottom)),
  };
  let path = '';
  pack.burnDown.forEach((point, index) => {
    const x = scale.x(point.date);
    const y = scale.y(point.balance);
    const previous = pack.burnDown[index - 1];
    path +=
      previous === undefined ? `M${x},${y}` : ` L${x},${scale.y(previous.balance)} L${x},${y}`;
  });
  const projection =
    pack.projection.kind === 'run_out'
      ? html`<path
            class="projection"
            d="M${scale.x(last)},${scale.y(pack.closing)} L${scale.x(projected.date)},${scale.y(projected.balance)}"
          />
          <circle
            class="run-out"
            cx="${scale.x(projected.date)}"
            cy="${scale.y(projected.balance)}"
            r="4"
          />
          <text x="${width - right}" y="${top + 12}" class="note" text-anchor="end"
            >${projected.balance === 0 ? `projected run-out ~${dateLabel(projected.date)}` : `projected: ${formatHoursText(minutes(Math.round(projected.balance)))} left on ${dateLabel(projected.date)}`}</text
          >`
      : null;
  const expiry =
    pack.expiresOn !== null && pack.expiresOn <= end
      ? html`<line
            class="expiry"
            x1="${scale.x(pack.expiresOn)}"
            x2="${scale.x(pack.expiresOn)}"
            y1="${top}"
            y2="${height - bottom}"
          />
          <text x="${scale.x(pack.expiresOn) + 4}" y="${top + 10}" class="note"
            >expires ${dateLabel(pack.expiresOn)}</text
          >`
      : null;
  const yTicks = [0, ceiling / 2, ceiling].map(
    (balance) =>
      html`<line
          class="grid"
          x1="${left}"
          x2="${width - right}"
          y1="${scale.y(balance)}"
          y2="${scale.y(balance)}"
        />
        <text x="${left - 6}" y="${scale.y(balance) + 4}" class="axis" text-anchor="end"
          >${formatHoursText(minutes(Math.round(balance)))}</text
        >`,
  );
  const xTicks = [...new Set([start, last, end])].map(
    (date, index, all) =>
      html`<text
        x="${scale.x(date)}"
        y="${height - 12}"
        class="axis"
        text-anchor="${index === 0 ? 'start' : index === all.length - 1 ? 'end' : 'middle'}"
        >${dateLabel(date)}</text
      >`,
  );
  const label = `Balance of ${pack.name} from ${formatHoursText(pack.opening)} to ${formatHoursText(pack.closing)}`;
  return html`<svg
    class="chart burn-down"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="${label}"
  >
    <title>${label}</title>
    ${yTicks}
    <line
      class="period-end"
      x1="${scale.x(last)}"
      x2="${scale.x(last)}"
      y1="${top}"
      y2="${height - bottom}"
    />
    ${expiry}
    <path class="balance" d="${path}" />
    ${projection}${xTicks}
  </svg>`;
}
