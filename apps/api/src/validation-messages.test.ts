import { describe, expect, it } from 'vitest';
import { fieldWords, govukMessage } from './validation-messages.js';

describe('validation messages in the GOV.UK voice', () => {
  it('asks for what is missing, and gives limits as "or fewer"', () => {
    expect(govukMessage('summary', 'summary must not be blank')).toBe('Enter a summary');
    expect(govukMessage('adaptationNotes', 'adaptationNotes must be longer than or equal to 1 characters')).toBe('Enter adaptation notes');
    expect(govukMessage('summary', 'summary must be shorter than or equal to 600 characters')).toBe('Summary must be 600 characters or fewer');
    expect(govukMessage('title', 'title must be longer than or equal to 3 characters')).toBe('Title must be 3 characters or more');
  });

  it('words list items, numbers and choices plainly', () => {
    expect(govukMessage('themes', 'each value in themes must be longer than or equal to 1 characters')).toBe('Each of the themes must not be empty');
    expect(govukMessage('themes', 'each value in themes must be shorter than or equal to 60 characters')).toBe('Each of the themes must be 60 characters or fewer');
    expect(govukMessage('actualCost', 'actualCost must not be greater than 1000000000')).toBe('Actual cost must be 1,000,000,000 or less');
    expect(govukMessage('evidenceLevel', 'evidenceLevel must be an integer number')).toBe('Evidence level must be a whole number');
    expect(govukMessage('serviceAreas', 'serviceAreas must contain no more than 5 elements')).toBe('Choose no more than 5 service areas');
    expect(govukMessage('verdict', 'verdict must be one of the following values: WORKED, MIXED')).toBe('Select a verdict from the list');
  });

  it('keeps our own messages, with the field in words', () => {
    expect(govukMessage('placeGssCodes', 'placeGssCodes must contain GSS codes like E08000010')).toBe('Place GSS codes must contain GSS codes like E08000010');
    expect(fieldWords('contactEmail')).toBe('contact email');
  });
});
