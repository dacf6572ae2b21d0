import { describe, expect, it } from 'vitest';
import { changeInWords, figureWarnings, formatFigure } from './figures.js';

describe('figures that cannot mislead', () => {
  it('shows a change between percentages in percentage points, not per cent', () => {
    expect(changeInWords({ baseline: 41, result: 79, unit: '%', goodDirection: 'UP' })).toBe('Better: up 38 percentage points');
    expect(changeInWords({ baseline: 11.5, result: 8.2, unit: '%', goodDirection: 'DOWN' })).toBe('Better: down 3.3 percentage points');
    expect(changeInWords({ baseline: 10, result: 11, unit: 'per cent', goodDirection: 'DOWN' })).toBe('Worse: up 1 percentage point');
    expect(changeInWords({ baseline: 12, result: 9, unit: 'days', goodDirection: 'DOWN' })).toBe('Better: down 3 days');
  });

  it('says only which way a figure moved when no direction of good was given', () => {
    expect(changeInWords({ baseline: 100, result: 120, unit: 'people', goodDirection: null })).toBe('Up 20 people');
  });

  it('formats figures the British way', () => {
    expect(formatFigure(18500, null)).toBe('18,500');
    expect(formatFigure(41, '%')).toBe('41%');
  });

  it('flags percentages outside 0 to 100 and a "worked" verdict whose measures all moved the wrong way', () => {
    const warnings = figureWarnings('WORKED', [
      { name: 'Paid on time', baseline: 42, result: 1234.5, unit: '%', goodDirection: 'DOWN' },
      { name: 'Complaints', baseline: 10, result: 30, unit: null, goodDirection: 'DOWN' },
    ]);
    expect(warnings).toEqual([
      'Paid on time: the after figure is 1,234.5%, outside 0 to 100. Check it is a percentage.',
      'You said it worked, but every measure moved the way you said is worse. Check the verdict, the figures and which way is better.',
    ]);
  });

  it('does not flag plausible figures, or a mixed result', () => {
    expect(figureWarnings('WORKED', [{ baseline: 41, result: 79, unit: '%', goodDirection: 'UP' }])).toEqual([]);
    expect(
      figureWarnings('WORKED', [
        { baseline: 41, result: 79, unit: '%', goodDirection: 'UP' },
        { baseline: 5, result: 9, unit: 'days', goodDirection: 'DOWN' },
      ]),
    ).toEqual([]);
  });
});
