import { ref } from '@mikro-orm/core';
import { InterestLevel, MemberRole } from '@synapse/domain';
import type { EntityManager } from '../db/orm.js';
import { Discussion, DiscussionTopic, TopicKind } from '../modules/discussion/discussion.entity.js';
import { renderMarkdown } from '../modules/discussion/markdown.js';
import { Post } from '../modules/discussion/post.entity.js';
import { Experiment } from '../modules/experiment/experiment.entity.js';
import { Interest } from '../modules/interest/interest.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Follow, FollowTarget } from '../modules/notification/follow.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { demoDomainFor } from './demo-member.js';
import { DEMO_DISCUSSIONS, DEMO_INTEREST, DEMO_PEOPLE } from './demo-discussions.data.js';

const DAY = 86_400_000;

async function demoPeople(em: EntityManager): Promise<Map<string, Member>> {
  const people = new Map<string, Member>();
  const councils = await em.find(Organisation, { gssCode: { $in: DEMO_PEOPLE.map((person) => person.council) } });
  for (const person of DEMO_PEOPLE) {
    const council = councils.find((candidate) => candidate.gssCode === person.council);
    if (!council) throw new Error(`Demo discussions: no council with GSS code ${person.council}`);
    const email = `${person.key}@${demoDomainFor(council)}`;
    let member = await em.findOne(Member, { email });
    if (!member) {
      member = Object.assign(new Member(), { name: person.name, jobTitle: person.jobTitle, email, organisation: ref(council), role: MemberRole.MEMBER, isDemo: true, createdAt: new Date(Date.now() - 90 * DAY) });
      em.persist(member);
    }
    people.set(person.key, member);
  }
  return people;
}

/**
 * Loads the demo conversations (questions answered by the team, network questions answered with citations, one
 * still open) and councils' interest, written for the demo; skipped when there are already discussions.
 */
export async function seedDemoDiscussions(em: EntityManager): Promise<number> {
  if ((await em.count(Discussion, {})) > 0) return 0;
  const people = await demoPeople(em);
  const experiments = new Map((await em.find(Experiment, { externalId: { $like: 'demo-%' } }, { populate: ['leadOrganisation', 'serviceAreas'] })).map((e) => [e.externalId!, e]));
  const experimentOf = (key: string) => {
    const experiment = experiments.get(key);
    if (!experiment) throw new Error(`Demo discussions: no experiment ${key}`);
    return experiment;
  };
  const now = Date.now();
  for (const spec of DEMO_DISCUSSIONS) {
    const experiment = spec.experiment ? experimentOf(spec.experiment) : null;
    const started = new Date(now - spec.daysAgo * DAY);
    const discussion = Object.assign(new Discussion(), { title: spec.title, experiment: experiment ? ref(experiment) : null, author: ref(people.get(spec.posts[0].by)!), createdAt: started });
    const areas = spec.serviceAreas ?? experiment?.serviceAreas.getItems().map((area) => area.slug) ?? [];
    for (const key of areas) discussion.topics.add(Object.assign(new DiscussionTopic(), { kind: TopicKind.SERVICE_AREA, key }));
    for (const key of spec.themes ?? []) discussion.topics.add(Object.assign(new DiscussionTopic(), { kind: TopicKind.THEME, key }));
    em.persist(discussion);
    const followers = new Set<string>();
    spec.posts.forEach((written, position) => {
      const author = people.get(written.by)!;
      const at = new Date(started.getTime() + position * 0.4 * DAY);
      const post = Object.assign(new Post(), {
        discussion: ref(discussion),
        author: ref(author),
        opening: position === 0,
        fromTeam: experiment !== null && author.organisation?.id === experiment.leadOrganisation.id,
        body: written.body,
        bodyHtml: renderMarkdown(written.body),
        createdAt: at,
      });
      post.citations.set((written.cites ?? []).map(experimentOf));
      em.persist(post);
      if (!followers.has(author.id)) em.persist(Object.assign(new Follow(), { member: ref(author), target: FollowTarget.DISCUSSION, targetKey: discussion.id }));
      followers.add(author.id);
      if (position > 0) discussion.replyCount++;
      discussion.lastActivityAt = at;
      if (written.answer) Object.assign(discussion, { answerPostId: post.id, answeredAt: new Date(at.getTime() + DAY / 4) });
    });
  }
  for (const interest of DEMO_INTEREST) {
    const member = people.get(interest.by)!;
    em.persist(Object.assign(new Interest(), { experiment: ref(experimentOf(interest.experiment)), organisation: ref(member.organisation!), member: ref(member), level: interest.level as InterestLevel, note: interest.note ?? null, updatedAt: new Date(now - interest.daysAgo * DAY) }));
  }
  await em.flush();
  return DEMO_DISCUSSIONS.length;
}
