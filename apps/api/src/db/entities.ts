import { Artefact } from '../modules/artefact/artefact.entity.js';
import { ExperimentPartner } from '../modules/experiment/experiment-partner.entity.js';
import { Experiment } from '../modules/experiment/experiment.entity.js';
import { StageChange } from '../modules/experiment/stage-change.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Outcome } from '../modules/outcome/outcome.entity.js';
import { ServiceArea } from '../modules/service-area/service-area.entity.js';

import { ApiKey } from '../modules/api-key/api-key.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { ExperimentTeamMember } from '../modules/experiment/experiment-team-member.entity.js';
import { DevMail } from '../modules/identity/dev-mail.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { SignInToken } from '../modules/identity/sign-in-token.entity.js';
import { JoinRequest } from '../modules/membership/join-request.entity.js';
import { OrganisationDomain } from '../modules/membership/organisation-domain.entity.js';

import { DomainEvent } from '../modules/notification/domain-event.entity.js';
import { Follow } from '../modules/notification/follow.entity.js';
import { Notification } from '../modules/notification/notification.entity.js';

import { Webhook, WebhookDelivery } from '../modules/webhook/webhook.entity.js';
import { MeasureRegistration } from '../modules/freshness/measure-registration.entity.js';
import { Job, JobScheduleRun } from '../modules/job/job.entity.js';
import { ArtefactFile } from '../modules/file/artefact-file.entity.js';
import { FileUpload } from '../modules/file/file-upload.entity.js';

import { Discussion, DiscussionTopic } from '../modules/discussion/discussion.entity.js';
import { Post, PostReport, PostRevision } from '../modules/discussion/post.entity.js';
import { Interest } from '../modules/interest/interest.entity.js';
import { SavedSearch } from '../modules/saved-search/saved-search.entity.js';
import { CoEditorInvitation } from '../modules/co-editor-invitation/co-editor-invitation.entity.js';

export const ENTITIES = [
  Organisation,
  Member,
  ServiceArea,
  Experiment,
  ExperimentPartner,
  StageChange,
  Outcome,
  Artefact,
  ExperimentTeamMember,
  Session,
  SignInToken,
  DevMail,
  OrganisationDomain,
  JoinRequest,
  ApiKey,
  AuditEntry,
  Follow,
  Notification,
  DomainEvent,
  Webhook,
  WebhookDelivery,
  Discussion,
  DiscussionTopic,
  Post,
  PostRevision,
  PostReport,
  Interest,
  CoEditorInvitation,
  MeasureRegistration,
  Job,
  JobScheduleRun,
  ArtefactFile,
  FileUpload,
  SavedSearch,
];
