import { describe, expect, it } from 'vitest';
import { Checks, plainLabel } from './checks.js';
import { numberOrNull } from './forms.js';

describe('a form’s own checks', () => {
  it('says what is wrong with free text in GOV.UK words, naming the field without “(optional)”', () => {
    const check = new Checks();
    check.text('title', '   ', 'Title', { required: 'Enter a title', max: 160 });
    check.text('summary', 'x'.repeat(601), 'Summary', { max: 600 });
    check.text('reason', 'short', 'Reason (optional)', { min: 10, max: 2000 });
    check.text('note', '', 'Note (optional)', { max: 100 });
    expect(check.problems).toEqual([
      { field: 'title', message: 'Enter a title' },
      { field: 'summary', message: 'Summary must be 600 characters or fewer' },
      { field: 'reason', message: 'Reason must be 10 characters or more' },
    ]);
  });

  it('reads numbers as people type them, and refuses what is not one with an example', () => {
    expect(numberOrNull('£18,500')).toBe(18500);
    expect(numberOrNull('  ')).toBeNull();
    expect(numberOrNull('about 5')).toBeNaN();
    const check = new Checks();
    expect(check.number('cost', '£1,200', 'Actual cost', { whole: true, min: 0, example: '18500' })).toBe(1200);
    check.number('staff', '2.5', 'Staff', { whole: true, example: '3' });
    check.number('rate', 'lots', 'Rate', { example: '42.5' });
    check.number('share', '120', 'Share', { max: 100, example: '42' });
    check.number('budget', '-1', 'Budget (optional)', { min: 0, example: '5000' });
    expect(check.problems.map((problem) => problem.message)).toEqual([
      'Staff must be a whole number, like 3',
      'Rate must be a number, like 42.5',
      'Share must be 100 or less',
      'Budget must be 0 or more',
    ]);
  });

  it('keeps one problem per field, the first, and asks for unanswered choices', () => {
    const check = new Checks();
    check.chosen('verdict', '', 'Select what you concluded');
    check.text('verdict', '', 'Verdict', { required: 'Enter a verdict', max: 10 });
    check.chosen('stage', 'PILOT', 'Select a stage');
    expect(check.problems).toEqual([{ field: 'verdict', message: 'Select what you concluded' }]);
  });

  it('checks a date typed in three boxes and gives its ISO form', () => {
    const check = new Checks();
    expect(check.date('startDate', { day: '1', month: '4', year: '2025' }, 'Start date')).toBe('2025-04-01');
    expect(check.date('endDate', { day: '30', month: '2', year: '2025' }, 'End date (optional)')).toBeNull();
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ field: 'endDate', message: expect.stringMatching(/^End date must be a real date/) });
    expect(plainLabel('Date reported (optional)')).toBe('Date reported');
  });
});
