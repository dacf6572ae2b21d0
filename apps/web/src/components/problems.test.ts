import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isConflict, messageFor, problemsFrom } from './problems.js';

const apiError = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extensions } })] });

describe('problemsFrom: the API’s errors as problems against the form’s fields', () => {
  // A problem with one item of a list ("input.placeGssCodes.0") was named after its index: "0 no council has…".
  it('ties each BAD_USER_INPUT problem to its field id, in the form’s own words, one per field, naming a list item by its list', () => {
    const error = apiError('BAD_USER_INPUT', 'Invalid input', {
      problems: [
        { field: 'input.title', reason: 'Title must be 160 characters or fewer' },
        { field: 'input.title', reason: 'Enter a title' },
        { field: 'experiment.problem', reason: 'is needed before publishing' },
        { field: 'input.measures.0.name', reason: 'Enter what you measured' },
        { field: 'input.placeGssCodes.0', reason: 'no council has GSS code E99999999' },
      ],
    });
    expect(problemsFrom(error, { title: 'Headline', problem: 'The problem you set out to solve' })).toEqual([
      { field: 'title', message: 'Headline must be 160 characters or fewer' },
      { field: 'problem', message: 'The problem you set out to solve is needed before publishing' },
      { field: 'measures.0.name', message: 'Enter what you measured' },
      { field: 'placeGssCodes.0', message: 'Place GSS codes no council has GSS code E99999999' },
    ]);
  });

  it('reads a single field and reason when the API sends no list, and names the field from its property', () => {
    const error = apiError('BAD_USER_INPUT', 'Invalid', { field: 'input.contactEmail', reason: 'must be an email address' });
    expect(problemsFrom(error)).toEqual([{ field: 'contactEmail', message: 'Contact email must be an email address' }]);
  });

  it('offers to sign in again when the session has ended, and passes on CONFLICT, FORBIDDEN and RATE_LIMITED messages', () => {
    expect(problemsFrom(apiError('UNAUTHENTICATED', 'Sign in'))).toEqual([expect.objectContaining({ field: '', signIn: true })]);
    expect(problemsFrom(apiError('CONFLICT', 'Someone changed this experiment'))).toEqual([{ field: '', message: 'Someone changed this experiment' }]);
    expect(problemsFrom(apiError('FORBIDDEN', 'You cannot edit this'))[0]!.message).toBe('You cannot edit this');
    expect(problemsFrom(apiError('RATE_LIMITED', 'Slow down'))[0]!.message).toBe('Slow down');
  });

  it('says the network failed, or apologises for anything else, without showing internals', () => {
    expect(problemsFrom(new CombinedError({ networkError: new Error('ECONNREFUSED') }))[0]!.message).toMatch(/could not be reached/);
    expect(problemsFrom(apiError('INTERNAL_SERVER_ERROR', 'TypeError: x is undefined'))[0]!.message).toBe('Sorry, something went wrong. Try again in a moment.');
    expect(problemsFrom(undefined)).toEqual([]);
  });

  it('gives the same list for the same error, so the error summary takes focus once per failed attempt', () => {
    const error = apiError('CONFLICT', 'Changed');
    expect(problemsFrom(error)).toBe(problemsFrom(error));
  });

  it('finds a field’s message and recognises a conflict', () => {
    const problems = problemsFrom(apiError('BAD_USER_INPUT', 'Invalid', { field: 'input.title', reason: 'Enter a title' }));
    expect(messageFor(problems, 'title')).toBe('Enter a title');
    expect(messageFor(problems, 'summary')).toBeUndefined();
    expect(isConflict(apiError('CONFLICT', 'Changed'))).toBe(true);
    expect(isConflict(apiError('FORBIDDEN', 'No'))).toBe(false);
  });
});
