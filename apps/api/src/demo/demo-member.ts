import { MemberRole, OrganisationKind } from '@synapse/domain';
import type { EntityManager } from '../db/orm.js';
import { Member } from '../modules/member/member.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';

export const DEMO_MEMBER_EMAIL = 'demo.editor@demo-council.synapse.invalid';
export const DEMO_COUNCIL_SLUG = 'demo-council';

/** Creates the clearly labelled demo council and its demo member (an admin), if missing. */
export async function ensureDemoMember(em: EntityManager): Promise<Member> {
  const existing = await em.findOne(Member, { email: DEMO_MEMBER_EMAIL });
  if (existing) return existing;
  const council =
    (await em.findOne(Organisation, { slug: DEMO_COUNCIL_SLUG })) ??
    Object.assign(new Organisation(), {
      slug: DEMO_COUNCIL_SLUG,
      name: 'Demo Council (demonstration)',
      officialName: 'Demo Council: a demonstration organisation, not a real council',
      kind: OrganisationKind.COUNCIL,
      isDemo: true,
    });
  const member = Object.assign(new Member(), {
    name: 'Demo Editor (demonstration account)',
    jobTitle: 'Service improvement officer',
    email: DEMO_MEMBER_EMAIL,
    organisation: em.getReference(Organisation, council.id, { wrapped: true }),
    role: MemberRole.ADMIN,
    isDemo: true,
  });
  await em.persist([council, member]).flush();
  return member;
}

export function findDemoMember(em: EntityManager): Promise<Member | null> {
  return em.findOne(Member, { email: DEMO_MEMBER_EMAIL });
}
