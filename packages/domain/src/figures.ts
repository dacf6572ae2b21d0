/** A measure as both the API and the web client hold it. */
export interface MeasureFigures {
  name?: string;
  baseline: number | null;
  result: number | null;
  unit: string | null;
  goodDirection: 'UP' | 'DOWN' | string | null;
}

/** Whether a measure's unit is a percentage ("%", "per cent", "percent"). */
export function isPercentage(unit: string | null | undefined): boolean {
  return /^\s*(%|per ?cent|percentage)\s*$/i.test(unit ?? '');
}

function number(value: number): string {
  return (Math.round(value * 100) / 100).toLocaleString('en-GB');
}

/** A figure with its unit: "41%", "12 days", "1,200". */
export function formatFigure(value: number | null, unit: string | null): string {
  if (value === null) return 'not reported';
  if (!unit) return number(value);
  return isPercentage(unit) ? `${number(value)}%` : `${number(value)} ${unit}`;
}

/**
 * The change in words, never by colour alone. A change between two percentages is in percentage points
 * (41% to 79% is "up 38 percentage points", not "up 38%"); with no direction of good given, it only says which way.
 */
export function changeInWords(measure: MeasureFigures): string | null {
  if (measure.baseline === null || measure.result === null) return null;
  const change = measure.result - measure.baseline;
  if (change === 0) return 'No change';
  const size = Math.abs(change);
  const amount = isPercentage(measure.unit)
    ? `${number(size)} percentage point${size === 1 ? '' : 's'}`
    : formatFigure(size, measure.unit);
  const way = `${change > 0 ? 'up' : 'down'} ${amount}`;
  if (measure.goodDirection !== 'UP' && measure.goodDirection !== 'DOWN') return way.charAt(0).toUpperCase() + way.slice(1);
  const better = measure.goodDirection === 'UP' ? change > 0 : change < 0;
  return `${better ? 'Better' : 'Worse'}: ${way}`;
}

/**
 * Figures worth a second look, for the editor (never blocking: the figures may be right). A percentage
 * above 100 or below 0, and a "worked" verdict when every measure with figures moved the wrong way.
 */
export function figureWarnings(verdict: string | null | undefined, measures: MeasureFigures[]): string[] {
  const warnings: string[] = [];
  measures.forEach((measure, index) => {
    if (!isPercentage(measure.unit)) return;
    const name = measure.name?.trim() || `Measure ${index + 1}`;
    for (const [label, value] of [['before', measure.baseline], ['after', measure.result]] as const) {
      if (value !== null && (value > 100 || value < 0)) warnings.push(`${name}: the ${label} figure is ${number(value)}%, outside 0 to 100. Check it is a percentage.`);
    }
  });
  const judged = measures.filter((m) => m.baseline !== null && m.result !== null && m.result !== m.baseline && (m.goodDirection === 'UP' || m.goodDirection === 'DOWN'));
  const worse = judged.filter((m) => (m.goodDirection === 'UP' ? m.result! < m.baseline! : m.result! > m.baseline!));
  if (verdict === 'WORKED' && judged.length > 0 && worse.length === judged.length) {
    warnings.push('You said it worked, but every measure moved the way you said is worse. Check the verdict, the figures and which way is better.');
  }
  return warnings;
}

/** Registered and reported measures are matched by name, ignoring case and spacing. */
export function measureKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
