import { useEffect, useState } from 'react';
import { isCouncilName } from '@synapse/reference-data/council-names';
import { useQuery } from 'urql';
import { type OrganisationKind, OrganisationOptionsDocument, type OrganisationOptionsQuery } from '../generated/graphql.js';
import { TextInput } from './forms.js';

export type OrganisationOption = OrganisationOptionsQuery['organisations']['nodes'][number];

/**
 * A text box that suggests organisations by name as you type (a native datalist, so it works with the
 * keyboard and screen readers). `onChange` gets what is typed and the organisation it names exactly, if any.
 */
export function OrganisationPicker({ id, label, hint, error, kinds, value, onChange }: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  kinds?: OrganisationKind[];
  value: string;
  onChange: (text: string, match: OrganisationOption | null) => void;
}) {
  const [name, setName] = useState(value.trim());
  useEffect(() => {
    const timer = setTimeout(() => setName(value.trim()), 150);
    return () => clearTimeout(timer);
  }, [value]);
  const [{ data }] = useQuery({ query: OrganisationOptionsDocument, variables: { name, kinds }, pause: name.length < 2 });
  const options = data?.organisations.nodes ?? [];
  // The API ranks best matches first; the one council-name matcher says whether what is typed names one outright
  // ("Hull", "Wigan Council", "rhondda cynon taf").
  const find = (text: string) => options.find((option) => isCouncilName(text, { name: option.name, altNames: option.alternativeNames })) ?? null;
  // The answer for the name typed may arrive after the typing: match again when it does.
  useEffect(() => {
    const match = find(value);
    if (match) onChange(value, match);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  return (
    <>
      <TextInput id={id} label={label} hint={hint} error={error} value={value} list={`${id}-options`} autoComplete="off" onChange={(text) => onChange(text, find(text))} />
      <datalist id={`${id}-options`}>
        {options.map((option) => (
          <option key={option.id} value={option.name} />
        ))}
      </datalist>
    </>
  );
}
