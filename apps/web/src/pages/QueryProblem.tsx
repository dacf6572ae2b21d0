import type { CombinedError } from 'urql';

/** A failed request, said plainly; the API's message is shown for input errors, which are written for people. */
export function QueryProblem({ error }: { error: CombinedError | undefined }) {
  if (!error) return null;
  const inputProblem = error.graphQLErrors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          {inputProblem ? inputProblem.message : 'Sorry, Synapse could not load this. Try again in a moment.'}
        </p>
      </div>
    </div>
  );
}
