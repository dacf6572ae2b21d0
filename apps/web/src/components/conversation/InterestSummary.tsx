import { INTEREST_LEVEL_LABELS, InterestLevel, interestSentence } from '@synapse/domain';

const LEVELS = [InterestLevel.TRYING, InterestLevel.PLANNING, InterestLevel.CONSIDERING] as const;
const KEY = { TRYING: 'trying', PLANNING: 'planning', CONSIDERING: 'considering' } as const;

/** "4 councils are considering this", one sentence per level that has any; nothing when there is no interest. */
export function InterestSummary({ interest, small }: { interest: { total: number; considering: number; planning: number; trying: number }; small?: boolean }) {
  if (interest.total === 0) return null;
  const sentences = LEVELS.filter((level) => interest[KEY[level]] > 0).map((level) => interestSentence(interest[KEY[level]], level));
  return <p className={small ? 'govuk-body-s govuk-!-margin-bottom-1' : 'govuk-body govuk-!-font-weight-bold'}>{sentences.join('. ')}.</p>;
}

export const INTEREST_OPTIONS = LEVELS.map((level) => ({ value: level, label: INTEREST_LEVEL_LABELS[level].label })).reverse();
