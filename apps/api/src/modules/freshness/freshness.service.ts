import { ExperimentStatus } from '@synapse/domain';
import { isoDate } from '../../clock.js';
import type { FreshnessConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError } from '../../errors.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { loadForChange } from '../experiment/experiment.service.js';
import { Member } from '../member/member.entity.js';
import { JoinRequest, JoinRequestStatus } from '../membership/join-request.entity.js';
import { freshnessPolicy } from './freshness.policy.js';
import { type OverdueItem, outcomeCounts, overdueForOrganisation } from './overdue.service.js';

/**
 * "Still accurate": records today's review in one action; the review cycle starts again from today. Audited.
 * Published records only: a draft has no review cycle, so it gets no review date (BAD_USER_INPUT on id).
 */
export async function confirmStillAccurate(em: EntityManager, viewer: Member | null, experimentId: string, now: Date): Promise<Experiment> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, experimentId, 'edit');
    if (experiment.status !== ExperimentStatus.PUBLISHED) throw BadInputError.field('id', 'only a published experiment can be confirmed still accurate');
    experiment.lastReviewedOn = isoDate(now);
    return experiment;
  });
}

export async function setFreshnessReminders(em: EntityManager, viewer: Member | null, enabled: boolean): Promise<Member> {
  if (!viewer) throw new ForbiddenError('change reminder settings: sign in first');
  return em.transactional(async (tem) => {
    const member = await tem.findOneOrFail(Member, viewer.id);
    member.freshnessReminders = enabled;
    return member;
  });
}

/** What needs an organisation's editors and admins: overdue reviews and results, and (admins) join requests. */
export interface AttentionList {
  overdue: OverdueItem[];
  joinRequests: JoinRequest[];
}

export async function attentionFor(em: EntityManager, viewer: Member | null, now: Date, config: FreshnessConfig): Promise<AttentionList> {
  if (!freshnessPolicy.seeAttention(viewer)) throw new ForbiddenError('see the attention list: editors and admins of an organisation only');
  const organisationId = viewer.organisation!.id;
  const overdue = await overdueForOrganisation(em, organisationId, now, config);
  const joinRequests = freshnessPolicy.seeJoinRequests(viewer)
    ? await em.find(JoinRequest, { organisation: organisationId, status: JoinRequestStatus.PENDING }, { orderBy: { createdAt: 'asc' } })
    : [];
  return { overdue, joinRequests };
}

export interface ReportingFigures {
  finished: number;
  reported: number;
}

export interface ReportingRates {
  overall: ReportingFigures;
  byServiceArea: { slug: string; name: string; figures: ReportingFigures }[];
}

/**
 * Of the published pilots whose end date has passed, how many have reported an outcome: overall and per service
 * area (a pilot in two areas counts in both). Drafts, archived and withdrawn experiments are left out: a
 * withdrawn record stays readable, but its team is no longer asked for results (isStanding in freshness-rules.ts).
 */
export async function reportingRates(em: EntityManager, now: Date): Promise<ReportingRates> {
  const finished = await em.find(
    Experiment,
    { status: ExperimentStatus.PUBLISHED, withdrawnAt: null, endDate: { $lt: isoDate(now) } },
    { populate: ['serviceAreas'], fields: ['id', 'serviceAreas.slug', 'serviceAreas.name', 'serviceAreas.position'] },
  );
  const counts = await outcomeCounts(em, finished.map((experiment) => experiment.id));
  const overall: ReportingFigures = { finished: 0, reported: 0 };
  const areas = new Map<string, { slug: string; name: string; position: number; figures: ReportingFigures }>();
  for (const experiment of finished) {
    const reported = (counts.get(experiment.id) ?? 0) > 0 ? 1 : 0;
    overall.finished++;
    overall.reported += reported;
    for (const area of experiment.serviceAreas.getItems()) {
      const entry = areas.get(area.slug) ?? { slug: area.slug, name: area.name, position: area.position, figures: { finished: 0, reported: 0 } };
      entry.figures.finished++;
      entry.figures.reported += reported;
      areas.set(area.slug, entry);
    }
  }
  const byServiceArea = [...areas.values()].sort((a, b) => a.position - b.position).map(({ slug, name, figures }) => ({ slug, name, figures }));
  return { overall, byServiceArea };
}
