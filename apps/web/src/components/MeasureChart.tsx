import type { GoodDirection } from '../generated/graphql.js';

interface Measure {
  name: string;
  baseline: number | null;
  result: number | null;
  unit: string | null;
  goodDirection: GoodDirection;
}

export function formatFigure(value: number | null, unit: string | null): string {
  if (value === null) return 'not reported';
  const number = value.toLocaleString('en-GB');
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** Whether the change went the way that counts as better, in words (never shown by colour alone). */
export function changeInWords(measure: Measure): string | null {
  if (measure.baseline === null || measure.result === null) return null;
  const change = measure.result - measure.baseline;
  if (change === 0) return 'No change';
  const better = measure.goodDirection === 'UP' ? change > 0 : change < 0;
  const size = formatFigure(Math.abs(Math.round(change * 100) / 100), measure.unit);
  return `${better ? 'Better' : 'Worse'}: ${change > 0 ? 'up' : 'down'} ${size}`;
}

/**
 * Two bars, before and after, on one scale from zero, each labelled with its figure. The figures and the
 * direction of the change are also written out beside it, so the chart is hidden from screen readers.
 */
export function MeasureChart({ measure }: { measure: Measure }) {
  if (measure.baseline === null || measure.result === null) return null;
  const largest = Math.max(Math.abs(measure.baseline), Math.abs(measure.result)) || 1;
  const bars = [
    { label: 'Before', value: measure.baseline, className: 'synapse-bar synapse-bar--before' },
    { label: 'After', value: measure.result, className: 'synapse-bar synapse-bar--after' },
  ];
  return (
    <svg className="synapse-chart" viewBox="0 0 360 52" aria-hidden="true" focusable="false">
      {bars.map((bar, index) => {
        const y = index * 26;
        const length = Math.max(2, (Math.abs(bar.value) / largest) * 200);
        return (
          <g key={bar.label}>
            <text x="0" y={y + 16} className="synapse-chart__label">
              {bar.label}
            </text>
            <rect x="52" y={y + 4} width={length} height="16" className={bar.className} />
            <text x={56 + length} y={y + 16} className="synapse-chart__label">
              {formatFigure(bar.value, measure.unit)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
