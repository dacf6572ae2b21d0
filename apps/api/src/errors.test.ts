import { describe, expect, it } from 'vitest';
import { BadInputError, ErrorCode } from './errors.js';

describe('BadInputError', () => {
  it('names the first problem in its message and extensions', () => {
    const error = new BadInputError([{ field: 'input.title', reason: 'Enter a title' }, { field: 'input.summary', reason: 'Enter a summary' }]);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.message).toBe('Invalid value for input.title: Enter a title');
    expect(error.details).toMatchObject({ field: 'input.title', reason: 'Enter a title' });
  });

  it('with no problems is still a BAD_USER_INPUT error, not a TypeError', () => {
    const error = new BadInputError([]);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.message).toBe('Invalid input');
    expect(error.details).toEqual({ problems: [] });
  });
});
