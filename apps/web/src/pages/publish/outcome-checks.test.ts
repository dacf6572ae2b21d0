import { NO_DATE } from '@synapse/domain';
import { describe, expect, it } from 'vitest';
import { checkOutcome, type MeasureRow, type OutcomeAnswers } from './outcome-checks.js';

const blankMeasure: MeasureRow = { name: '', unit: '', period: '', baseline: '', result: '', goodDirection: '' };
const answers = (overrides: Partial<OutcomeAnswers> = {}): OutcomeAnswers => ({
  title: 'Fewer missed bins',
  verdict: 'WORKED',
  evidenceLevel: '2',
  evaluationDesign: 'BEFORE_AFTER',
  independent: false,
  evaluatedBy: '',
  reportedOn: NO_DATE,
  whatWorked: '',
  whatDidNotWork: '',
  measures: [],
  ...overrides,
});

describe('checkOutcome', () => {
  it('finds every mistake in one round, including the questions without a default answer', () => {
    const { problems } = checkOutcome(answers({ title: '', verdict: '', evidenceLevel: '', evaluationDesign: '' }));
    expect(problems.map((problem) => problem.field)).toEqual(['title', 'verdict', 'evidenceLevel', 'evaluationDesign']);
    expect(problems[0]!.message).toBe('Enter a headline');
  });

  it('skips blank measure rows and names the fields of the others by their place on the page', () => {
    const measures: MeasureRow[] = [
      blankMeasure,
      { name: 'Missed collections', unit: '%', period: 'a month', baseline: '4.5', result: 'lots', goodDirection: '' },
    ];
    const { problems, rows, input } = checkOutcome(answers({ measures }));
    expect(rows).toEqual([1]);
    expect(problems).toEqual([
      { field: 'measures.1.result', message: 'After must be a number, like 42.5' },
      { field: 'measures.1.goodDirection', message: 'Select which way is better for this measure' },
    ]);
    expect(input.measures).toHaveLength(1);
    expect(input.measures![0]).toMatchObject({ name: 'Missed collections', unit: '%', baseline: 4.5 });
  });

  it('sends a clean input: numbers as numbers, blank optional text as null', () => {
    const measures: MeasureRow[] = [{ name: 'Missed collections', unit: ' ', period: '', baseline: '1,200', result: '900', goodDirection: 'DOWN' }];
    const { problems, input } = checkOutcome(answers({ measures, evaluatedBy: '  ', reportedOn: { day: '3', month: '11', year: '2025' } }));
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ evidenceLevel: 2, evaluatedBy: null, reportedOn: '2025-11-03', whatWorked: null });
    expect(input.measures![0]).toEqual({ name: 'Missed collections', unit: null, period: null, baseline: 1200, result: 900, goodDirection: 'DOWN' });
  });
});
