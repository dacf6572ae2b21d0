import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ArtefactResolver } from '../modules/artefact/artefact.resolver.js';
import { ArtefactFileFieldsResolver, ArtefactFileResolver } from '../modules/file/file.resolver.js';
import { ExperimentPartnerResolver, ExperimentResolver } from '../modules/experiment/experiment.resolver.js';
import { ExperimentLifecycleResolver } from '../modules/experiment/experiment-lifecycle.resolver.js';
import { ChangeHistoryResolver } from '../modules/experiment/change-history.resolver.js';
import { ApiKeyResolver } from '../modules/api-key/api-key.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { ArtefactReuseResolver, LineageResolver } from '../modules/lineage/lineage.resolver.js';
import { ExperimentFollowResolver, NotificationResolver } from '../modules/notification/notification.resolver.js';
import { OrganisationWebhookResolver, WebhookResolver } from '../modules/webhook/webhook.resolver.js';
import { JoinRequestResolver, MembershipResolver } from '../modules/membership/membership.resolver.js';
import { MemberResolver } from '../modules/member/member.resolver.js';
import { ProfileResolver } from '../modules/member/profile.resolver.js';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver.js';
import { OutcomeResolver } from '../modules/outcome/outcome.resolver.js';
import { SearchResolver } from '../modules/search/search.resolver.js';
import { StatisticsResolver } from '../modules/experiment/statistics.resolver.js';
import { ServiceAreaResolver } from '../modules/service-area/service-area.resolver.js';
import { JobResolver } from '../modules/job/job.resolver.js';
import { SimilarCouncilResolver } from '../modules/similar-council/similar-council.resolver.js';
import { TriedInSimilarResolver } from '../modules/similar-council/tried-in-similar.resolver.js';
import { validateArgument } from '../validation.js';
import { DiscussionResolver } from '../modules/discussion/discussion.resolver.js';
import { ExperimentDiscussionsResolver } from '../modules/discussion/experiment-discussions.resolver.js';
import { ModerationResolver } from '../modules/discussion/moderation.resolver.js';
import { DiscussionSearchResolver } from '../modules/discussion/discussion-search.resolver.js';
import { NotificationDiscussionResolver } from '../modules/discussion/notification-discussion.resolver.js';
import { PostResolver } from '../modules/discussion/post.resolver.js';
import { ExperimentInterestResolver, InterestEntryResolver, InterestResolver } from '../modules/interest/interest.resolver.js';
import { SavedSearchResolver } from '../modules/saved-search/saved-search.resolver.js';
import { CoEditorInvitationResolver, InterestInvitationResolver, NotificationInvitationResolver } from '../modules/co-editor-invitation/co-editor-invitation.resolver.js';
import { registerEnums } from './enums.js';
import { scopeRootFields } from './root-scopes.js';
import { AttentionResolver, ExperimentFreshnessResolver, StatisticsReportingResolver } from '../modules/freshness/freshness.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once from the resolvers. */
export function getSchema(): Promise<GraphQLSchema> {
  registerEnums();
  schema ??= buildSchema({
    resolvers: [
      ExperimentResolver,
      ExperimentPartnerResolver,
      ExperimentLifecycleResolver,
      ChangeHistoryResolver,
      OutcomeResolver,
      ArtefactResolver,
      ArtefactFileResolver,
      ArtefactFileFieldsResolver,
      OrganisationResolver,
      ServiceAreaResolver,
      MemberResolver,
      ProfileResolver,
      IdentityResolver,
      MembershipResolver,
      JoinRequestResolver,
      ApiKeyResolver,
      AuditResolver,
      LineageResolver,
      ArtefactReuseResolver,
      NotificationResolver,
      ExperimentFollowResolver,
      WebhookResolver,
      OrganisationWebhookResolver,
      SearchResolver,
      StatisticsResolver,
      JobResolver,
      SimilarCouncilResolver,
      TriedInSimilarResolver,
      DiscussionResolver,
      PostResolver,
      ModerationResolver,
      ExperimentDiscussionsResolver,
      DiscussionSearchResolver,
      NotificationDiscussionResolver,
      InterestResolver,
      InterestEntryResolver,
      ExperimentInterestResolver,
      CoEditorInvitationResolver,
      InterestInvitationResolver,
      NotificationInvitationResolver,
      ExperimentFreshnessResolver,
      AttentionResolver,
      StatisticsReportingResolver,
      SavedSearchResolver,
    ],
    validate: true,
    validateFn: validateArgument,
  }).then(scopeRootFields);
  return schema;
}

/** The schema as committed in apps/api/schema.graphql: sorted, so diffs show real changes only. */
export async function printSortedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
