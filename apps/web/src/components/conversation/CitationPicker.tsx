import { CONVERSATION_LIMITS } from '@synapse/domain';
import { useState } from 'react';
import { useQuery } from 'urql';
import { CitationOptionsDocument } from '../../generated/graphql.js';
import { Button, TextInput } from '../forms.js';

interface Cited {
  id: string;
  title: string;
}

/** Find published experiments and cite them as evidence; shown under the post as cards with verdict and evidence level. */
export function CitationPicker({ chosen, onChange, error }: { chosen: Cited[]; onChange: (chosen: Cited[]) => void; error?: string }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [{ data, fetching }] = useQuery({ query: CitationOptionsDocument, variables: { query }, pause: !query });
  const hits = data?.search.hits.map((hit) => hit.experiment).filter((experiment) => !chosen.some((c) => c.id === experiment.id)) ?? [];
  return (
    <div className="govuk-form-group">
      <h3 className="govuk-heading-s">Cite experiments as evidence (optional)</h3>
      {chosen.length > 0 && (
        <ul className="govuk-list">
          {chosen.map((experiment) => (
            <li key={experiment.id}>
              {experiment.title}{' '}
              <button type="button" className="govuk-link synapse-link-button" onClick={() => onChange(chosen.filter((c) => c.id !== experiment.id))}>
                Remove<span className="govuk-visually-hidden"> {experiment.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen.length < CONVERSATION_LIMITS.citationsMax && (
        <>
          <TextInput id="citations" label="Find an experiment" hint="A few words from its title." value={text} onChange={setText} error={error} />
          <Button type="button" secondary onClick={() => setQuery(text.trim())}>
            Find experiments
          </Button>
          {query && !fetching && hits.length === 0 && <p className="govuk-body">No published experiments match “{query}”.</p>}
          {hits.length > 0 && (
            <ul className="govuk-list" aria-label="Experiments you can cite">
              {hits.map((experiment) => (
                <li key={experiment.id}>
                  {experiment.title} ({experiment.leadOrganisation.name}){' '}
                  <button type="button" className="govuk-link synapse-link-button" onClick={() => onChange([...chosen, { id: experiment.id, title: experiment.title }])}>
                    Cite<span className="govuk-visually-hidden"> {experiment.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
