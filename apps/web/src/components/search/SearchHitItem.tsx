import { REGISTERED_BADGE_LABEL } from '@synapse/domain';
import { Link } from 'react-router';
import type { SearchPageQuery } from '../../generated/graphql.js';
import { STAGES, VERDICTS } from '../../labels.js';
import { HitConversation } from '../conversation/SearchConversation.js';

type Hit = SearchPageQuery['search']['hits'][number];

/** One result: title, who and how far, the registered badge and outcomes as tags, and the passage that matched. */
export function SearchHitItem({ hit }: { hit: Hit }) {
  return (
    <li className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link className="govuk-link" to={`/experiments/${hit.experiment.slug}`}>
          {hit.experiment.title}
        </Link>
      </h2>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        {hit.experiment.leadOrganisation.name} · {STAGES[hit.experiment.stage]}
        {hit.familySize > 1 && ` · tried in ${hit.familySize} places`}
      </p>
      {hit.experiment.registered && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-right-1">{REGISTERED_BADGE_LABEL}</strong>}
      {hit.experiment.outcomes.map((outcome) => (
        <strong key={outcome.id} className={`govuk-tag ${VERDICTS[outcome.verdict].tag} govuk-!-margin-right-1`}>
          {VERDICTS[outcome.verdict].label}, evidence level {outcome.evidenceLevel}
        </strong>
      ))}
      <HitConversation experiment={hit.experiment} />
      {/* The passage that matched; the title is already shown above. */}
      {hit.highlights.filter((highlight) => highlight.field !== 'title').slice(0, 1).map((highlight) => (
        // The API escapes the text and adds only <mark> around matches (see SearchHighlight).
        <p key={highlight.field} className="govuk-body synapse-snippet govuk-!-margin-top-2" dangerouslySetInnerHTML={{ __html: highlight.snippet }} />
      ))}
    </li>
  );
}
