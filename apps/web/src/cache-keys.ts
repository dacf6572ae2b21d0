import type { KeyingConfig } from '@urql/exchange-graphcache';

/**
 * One normalised cache for the whole client. Records with an `id` are shared between pages (an experiment
 * read on the search page is already known to its own page); these types have no identity of their own and
 * are stored inside their parent.
 */
export const EMBEDDED = [
  'SearchResult',
  'SearchHit',
  'SearchHighlight',
  'Facet',
  'FacetValue',
  'PageInfo',
  'ExperimentConnection',
  'OrganisationConnection',
  'Measure',
  'FamilyEvidenceSummary',
  'VerdictCount',
  'Lineage',
  'LineageNode',
  'HexPosition',
  'ExperimentPermissions',
  'OrganisationPermissions',
  'CurrentSession',
  'SignInMethods',
  'SsoMethod',
  'NotificationConnection',
  'CreatedApiKey',
  'ExperimentInterest',
  'DiscussionConnection',
  'PostConnection',
  'PostReportConnection',
  'DiscussionPermissions',
  'PostPermissions',
  'DiscussionSearchResult',
  'RegisteredMeasure',
  'MeasureComparison',
  'ReportingRate',
  'ServiceAreaReportingRate',
  'ReviewDueItem',
  'ResultsOverdueItem',
  'JoinRequestItem',
  'ReminderSettings',
  'SavedSearchCriterion',
  'InterestPermissions',
  'CoEditorInvitationPermissions',
  'AuditEntryConnection',
  'AuditEntryEdge',
  'ChangeHistoryDay',
  'CreatedWebhook',
  'DiscussionEdge',
  'ExperimentEdge',
  'IntentReading',
  'LinkCheck',
  'NetworkStatistics',
  'NotificationEdge',
  'OrganisationEdge',
  'PlacePreference',
  'PostEdge',
  'PostReportEdge',
  'QueryExpansion',
  'SearchInterpretation',
  'SimilarCouncil',
  'SimilarCouncilTrial',
  'TriedInSimilarCouncils',
  'UploadHeader',
];

/**
 * How graphcache identifies each type that is not identified by its `id`: embedded types have no key, service areas
 * and suggestions are known by their slug. cache-keys.test.ts checks this against schema.graphql, so a new type
 * without an id cannot be forgotten (graphcache would warn and fail to cache it).
 */
export const CACHE_KEYS: KeyingConfig = {
  ...Object.fromEntries(EMBEDDED.map((type) => [type, () => null])),
  ServiceArea: (area) => (area.slug as string | undefined) ?? null,
  SearchSuggestion: (suggestion) => (suggestion.slug as string | undefined) ?? null,
};
