// Words for the freshness states (issue 19) that more than one page shows: one source, like the enum labels.

/** The badge on an experiment whose measures were registered before its results: its page and search results. */
export const REGISTERED_BADGE_LABEL = 'Measures registered before results';
