import type { ExperimentPageQuery } from '../../generated/graphql.js';

/** The experiment as the experiment page's query returns it. */
export type Experiment = NonNullable<ExperimentPageQuery['experiment']>;
