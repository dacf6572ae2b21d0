import { createContext, useContext, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { type EditableExperimentFragment, type UpdateExperimentInput, UpdateExperimentDocument } from '../../generated/graphql.js';
import { isConflict, type Problem, problemsFrom } from '../../components/forms.js';

export interface EditContextValue {
  experiment: EditableExperimentFragment;
  /** Fetches the experiment again from the API (after a conflict, or a change to its outcomes or artefacts). */
  refresh: () => void;
}

export const EditContext = createContext<EditContextValue | null>(null);

export function useEdit(): EditContextValue {
  const value = useContext(EditContext);
  if (!value) throw new Error('useEdit outside an experiment being edited');
  return value;
}

/** A field someone else changed since this form opened: what it holds now, and what was being saved here. */
export interface FieldChange {
  field: string;
  theirs: unknown;
  yours: unknown;
}

export interface Saving {
  /** `startedFrom`: the values this form showed for the fields in `input`, so only a change to those conflicts. */
  save: (input: UpdateExperimentInput, labels?: Record<string, string>, startedFrom?: UpdateExperimentInput) => Promise<EditableExperimentFragment | null>;
  problems: Problem[];
  setProblems: (problems: Problem[]) => void;
  saving: boolean;
  /** Someone else changed a field of this section since this form was opened: the page says so, and the next save replaces their version. */
  conflict: boolean;
  /** The fields they changed, theirs beside yours (when the API could say). */
  changes: FieldChange[];
  /** Discards what was typed here and starts from their version. */
  takeTheirs: () => void;
}

/**
 * Saves one section of a draft with optimistic concurrency at the section's grain: it sends the values the form
 * started from, so the API answers CONFLICT only if someone else changed one of this section's fields since (a save
 * of another section merges). The page then fetches their version and shows their change beside this one; the
 * answers typed here stay in the form, and saving again (knowingly) replaces their version.
 */
export function useSaveExperiment(onTakeTheirs: (latest: EditableExperimentFragment) => void): Saving {
  const { experiment, refresh } = useEdit();
  const [openedVersion, setOpenedVersion] = useState(experiment.version);
  const [conflict, setConflict] = useState(false);
  const [changes, setChanges] = useState<FieldChange[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, update] = useMutation(UpdateExperimentDocument);

  async function save(input: UpdateExperimentInput, labels: Record<string, string> = {}, startedFrom?: UpdateExperimentInput) {
    const version = conflict ? experiment.version : openedVersion;
    // After a conflict the form shows their version, and saving again knowingly replaces it: the whole-record version is enough.
    const from = conflict ? undefined : (startedFrom as Record<string, unknown> | undefined);
    const result = await update({ id: experiment.id, version, input, startedFrom: from });
    if (result.error || !result.data) {
      if (isConflict(result.error)) {
        const fields = result.error?.graphQLErrors[0]?.extensions?.fields;
        setChanges(Array.isArray(fields) ? (fields as FieldChange[]) : []);
        setConflict(true);
        setProblems([]);
        refresh();
      } else {
        setProblems(problemsFrom(result.error, labels));
      }
      return null;
    }
    setProblems([]);
    setConflict(false);
    setChanges([]);
    setOpenedVersion(result.data.updateExperiment.version);
    return result.data.updateExperiment;
  }

  return {
    save,
    problems,
    setProblems,
    saving: fetching,
    conflict,
    changes,
    takeTheirs: () => {
      setConflict(false);
      setChanges([]);
      setOpenedVersion(experiment.version);
      onTakeTheirs(experiment);
    },
  };
}

/** The foot of a list section (outcomes, artefacts): add another item, or go back to the task list. */
export function AddOrContinue({ add, children }: { add: string; children: React.ReactNode }) {
  const { experiment } = useEdit();
  return (
    <div className="govuk-button-group">
      <Link className="govuk-button govuk-button--secondary" to={`/experiments/${experiment.slug}/edit/${add}`}>
        {children}
      </Link>
      <Link className="govuk-button" to={`/experiments/${experiment.slug}/edit`}>
        Continue
      </Link>
    </div>
  );
}
