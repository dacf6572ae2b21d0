import { describe, expect, it } from 'vitest';
import { addDays, addMonths, reviewCutoff } from './freshness-rules.js';

const config = { reviewMonths: 12, reviewReminderDays: 30, resultsReminderDays: 60 };

describe('review-cycle date rules', () => {
  it('adds months keeping to the end of shorter months', () => {
    expect(addMonths('2024-03-15', 12)).toBe('2025-03-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('search cutoff agrees with the review-due rule on every day of a leap year, month ends included', () => {
    for (const months of [1, 6, 12]) {
      for (let today = '2024-01-01'; today <= '2025-01-10'; today = addDays(today, 1)) {
        const cutoff = reviewCutoff(new Date(`${today}T09:00:00Z`), { ...config, reviewMonths: months });
        // The base on the cutoff is overdue, the day after is not.
        expect(addMonths(cutoff, months) <= today, `${today} ${months}`).toBe(true);
        expect(addMonths(addDays(cutoff, 1), months) <= today, `${today} ${months}`).toBe(false);
      }
    }
  });
});
