import { describe, expect, it } from 'vitest';
import { checkDateParts, datePartsFromIso } from './date-parts.js';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('checkDateParts', () => {
  it('turns day, month and year into an ISO date, months as numbers or words', () => {
    expect(checkDateParts(parts('27', '3', '2025'), 'Start date')).toEqual({ iso: '2025-03-27' });
    expect(checkDateParts(parts(' 07 ', '03', '2025'), 'Start date')).toEqual({ iso: '2025-03-07' });
    expect(checkDateParts(parts('1', 'Sept.', '2024'), 'Start date')).toEqual({ iso: '2024-09-01' });
    expect(checkDateParts(parts('29', 'february', '2024'), 'Start date')).toEqual({ iso: '2024-02-29' });
  });

  it('lets an optional date be left empty, and asks for a required one', () => {
    expect(checkDateParts(parts('', ' ', ''), 'Start date')).toEqual({ iso: null });
    expect(checkDateParts(parts('', '', ''), 'Date reported', { required: true })).toEqual({ message: 'Enter date reported', parts: ['day', 'month', 'year'] });
  });

  it('names the missing boxes and highlights only those', () => {
    expect(checkDateParts(parts('27', '', '2025'), 'Start date')).toEqual({ message: 'Start date must include a month', parts: ['month'] });
    expect(checkDateParts(parts('', '', '2025'), 'End date')).toEqual({ message: 'End date must include a day and month', parts: ['day', 'month'] });
  });

  it('refuses dates that cannot be real, on the box at fault or on the whole date', () => {
    expect(checkDateParts(parts('31', '2', '2025'), 'Start date')).toEqual({ message: 'Start date must be a real date', parts: ['day', 'month', 'year'] });
    expect(checkDateParts(parts('12', '13', '2025'), 'Start date')).toEqual({ message: 'Start date must be a real date', parts: ['month'] });
    expect(checkDateParts(parts('0', '3', '2025'), 'Start date')).toEqual({ message: 'Start date must be a real date', parts: ['day'] });
    expect(checkDateParts(parts('1', 'ja', '2025'), 'Start date')).toEqual({ message: 'Start date must be a real date', parts: ['month'] });
    expect(checkDateParts(parts('27', '3', '25'), 'Start date')).toEqual({ message: 'Year must include 4 numbers', parts: ['year'] });
    expect(checkDateParts(parts('27', '3', '2O25'), 'Start date')).toEqual({ message: 'Start date must be a real date', parts: ['year'] });
  });
});

describe('datePartsFromIso', () => {
  it('fills the boxes without leading zeros, and leaves them empty for no date', () => {
    expect(datePartsFromIso('2025-03-07')).toEqual({ day: '7', month: '3', year: '2025' });
    expect(datePartsFromIso(null)).toEqual({ day: '', month: '', year: '' });
  });
});
