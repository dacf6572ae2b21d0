import { formatFigure } from '@synapse/domain';
import type { GoodDirection } from '../generated/graphql.js';
import { barLengths } from './chart-maths.js';

interface Measure {
  name: string;
  baseline: number | null;
  result: number | null;
  unit: string | null;
  goodDirection: GoodDirection;
}

// One rule for figures and changes, shared with the API (percentage points for percentages): @synapse/domain.
export { changeInWords, formatFigure } from '@synapse/domain';

/**
 * Two bars, before and after, on one scale from zero, each labelled with its figure. The figures and the
 * direction of the change are also written out beside it, so the chart is hidden from screen readers.
 */
export function MeasureChart({ measure }: { measure: Measure }) {
  if (measure.baseline === null || measure.result === null) return null;
  const [before, after] = barLengths(measure.baseline, measure.result);
  const bars = [
    { label: 'Before', value: measure.baseline, length: before, className: 'synapse-bar synapse-bar--before' },
    { label: 'After', value: measure.result, length: after, className: 'synapse-bar synapse-bar--after' },
  ];
  return (
    <svg className="synapse-chart" viewBox="0 0 360 52" aria-hidden="true" focusable="false">
      {bars.map((bar, index) => {
        const y = index * 26;
        const { length } = bar;
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
