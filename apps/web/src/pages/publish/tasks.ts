import type { EditableExperimentFragment } from '../../generated/graphql.js';

export type TaskStatus = 'Completed' | 'Incomplete' | 'Not yet started' | 'Optional';

export interface Task {
  path: string;
  title: string;
  status: (experiment: EditableExperimentFragment) => TaskStatus;
}

const filled = (text: string | null | undefined) => Boolean(text?.trim());

/** The sections of the publish task list, in order, and how far each one is done. */
export const TASKS: Task[] = [
  {
    path: 'about',
    title: 'About the experiment',
    status: (e) => (filled(e.title) && filled(e.summary) && e.serviceAreas.length > 0 ? 'Completed' : 'Incomplete'),
  },
  {
    path: 'problem-and-approach',
    title: 'Problem and approach',
    status: (e) => (filled(e.problem) && filled(e.approach) ? 'Completed' : filled(e.problem) || filled(e.approach) ? 'Incomplete' : 'Not yet started'),
  },
  {
    path: 'places-and-partners',
    title: 'Places and partners',
    status: (e) => (e.places.length > 0 || e.partners.length > 0 ? 'Completed' : 'Optional'),
  },
  { path: 'costs', title: 'Costs', status: (e) => (e.budgetBand || e.actualCost !== null || filled(e.fundingSource) ? 'Completed' : 'Optional') },
  { path: 'outcomes', title: 'Outcomes', status: (e) => (e.outcomes.length > 0 ? 'Completed' : 'Optional') },
  { path: 'artefacts', title: 'Things others can reuse', status: (e) => (e.artefacts.length > 0 ? 'Completed' : 'Optional') },
];

/** Publishing needs the about and problem sections finished (the API checks the same). */
export function readyToPublish(experiment: EditableExperimentFragment): boolean {
  return TASKS.slice(0, 2).every((task) => task.status(experiment) === 'Completed');
}
