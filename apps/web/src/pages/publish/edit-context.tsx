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

export interface Saving {
  save: (input: UpdateExperimentInput, labels?: Record<string, string>) => Promise<EditableExperimentFragment | null>;
  problems: Problem[];
  setProblems: (problems: Problem[]) => void;
  saving: boolean;
  /** Someone else saved since this form was opened: the page says so, and the next save replaces their version. */
  conflict: boolean;
  /** Discards what was typed here and starts from their version. */
  takeTheirs: () => void;
}

/**
 * Saves one section of a draft with optimistic concurrency: it sends the version the form was opened with, so
 * if someone else saved first the API answers CONFLICT. The page then fetches their version and says what
 * happened; the answers typed here stay in the form, and saving again (knowingly) replaces their version.
 */
export function useSaveExperiment(onTakeTheirs: (latest: EditableExperimentFragment) => void): Saving {
  const { experiment, refresh } = useEdit();
  const [openedVersion, setOpenedVersion] = useState(experiment.version);
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, update] = useMutation(UpdateExperimentDocument);

  async function save(input: UpdateExperimentInput, labels: Record<string, string> = {}) {
    const version = conflict ? experiment.version : openedVersion;
    const result = await update({ id: experiment.id, version, input });
    if (result.error || !result.data) {
      if (isConflict(result.error)) {
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
    setOpenedVersion(result.data.updateExperiment.version);
    return result.data.updateExperiment;
  }

  return {
    save,
    problems,
    setProblems,
    saving: fetching,
    conflict,
    takeTheirs: () => {
      setConflict(false);
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
