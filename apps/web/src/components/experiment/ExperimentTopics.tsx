import { FollowTopics } from '../FollowTopics.js';
import type { Experiment } from './types.js';

/** Follow the service areas, themes and council of an experiment, to hear of new experiments like it. */
export function ExperimentTopics({ experiment }: { experiment: Experiment }) {
  if (experiment.status !== 'PUBLISHED') return null;
  return (
    <FollowTopics
      heading="Hear about new experiments like this"
      topics={[
        ...experiment.serviceAreas.map((area) => ({ target: 'SERVICE_AREA' as const, key: area.slug, what: area.name })),
        ...experiment.themes.map((theme) => ({ target: 'THEME' as const, key: theme, what: `Theme: ${theme}` })),
        { target: 'ORGANISATION' as const, key: experiment.leadOrganisation.id, what: experiment.leadOrganisation.name },
      ]}
    />
  );
}
