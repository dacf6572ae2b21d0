import { BUDGET_BANDS, formatDate, STAGES } from '../../labels.js';
import { Facts } from '../Facts.js';
import type { Experiment } from './types.js';

/** The places an experiment ran in: its listed places, or its lead organisation's area. */
export function experimentPlaces(experiment: Experiment) {
  return experiment.places.length > 0 ? experiment.places : [experiment.leadOrganisation];
}

/** Key facts: stage, service areas, where, when, money, themes, contact. */
export function ExperimentFacts({ experiment }: { experiment: Experiment }) {
  const facts: Array<[string, string | null]> = [
    ['Stage', STAGES[experiment.stage]],
    ['Service areas', experiment.serviceAreas.map((area) => area.name).join(', ')],
    ['Where', experimentPlaces(experiment).map((place) => place.name).join(', ')],
    ['Dates', experiment.startDate ? `${formatDate(experiment.startDate)}${experiment.endDate ? ` to ${formatDate(experiment.endDate)}` : ''}` : null],
    ['Budget', experiment.budgetBand && BUDGET_BANDS[experiment.budgetBand]],
    ['Actual cost', experiment.actualCost !== null && experiment.actualCost !== undefined ? `£${experiment.actualCost.toLocaleString('en-GB')}` : null],
    ['Funding', experiment.fundingSource ?? null],
    ['Themes', experiment.themes.join(', ') || null],
    ['Contact', [experiment.contactName, experiment.contactRole].filter(Boolean).join(', ') || null],
  ];
  return <Facts facts={facts} className="govuk-summary-list--no-border synapse-facts" />;
}
