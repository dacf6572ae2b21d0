import { describe, expect, it } from 'vitest';
import { checkRegistration, EMPTY } from './register-checks.js';

describe('checkRegistration', () => {
  it('refuses a measure named twice (case and spacing aside) in the same round as the other mistakes', () => {
    const { problems } = checkRegistration(
      [
        { ...EMPTY, name: 'Missed collections', baseline: '4.5' },
        { ...EMPTY, name: '  missed  Collections ', baseline: 'many' },
        { ...EMPTY },
      ],
      'x'.repeat(20_000),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['measures.1.name', 'measures.1.baseline', 'measures.2.name', 'evaluationPlan']);
    expect(problems[0]!.message).toBe('You have already registered “missed  Collections”: give each measure its own name');
  });

  it('sends baselines as numbers and a blank unit as null', () => {
    const { problems, sent } = checkRegistration([{ name: 'Repeat referrals', baseline: '1,250', unit: ' ', goodDirection: 'DOWN' }], '');
    expect(problems).toEqual([]);
    expect(sent).toEqual([{ name: 'Repeat referrals', baseline: 1250, unit: null, goodDirection: 'DOWN' }]);
  });
});
