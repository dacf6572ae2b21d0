import { ref } from '@mikro-orm/core';
import { MemberRole, OrganisationKind } from '@synapse/domain';
import type { EntityManager } from '../db/orm.js';
import { Member } from '../modules/member/member.entity.js';
import { OrganisationDomain } from '../modules/membership/organisation-domain.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';

export const DEMO_COUNCIL_SLUG = 'demo-council';
export const DEMO_COUNCIL_DOMAIN = 'demo-council.example';
export const DEMO_MEMBER_EMAIL = `demo.editor@${DEMO_COUNCIL_DOMAIN}`;

/** The email domain the demo data verifies for a council, so that e.g. jo@wigan.councils.example joins Wigan. */
export function demoDomainFor(organisation: Organisation): string {
  return `${organisation.slug}.councils.example`;
}

async function ensureDomain(em: EntityManager, organisation: Organisation, domain: string): Promise<void> {
  if (await em.findOne(OrganisationDomain, { domain })) return;
  em.persist(Object.assign(new OrganisationDomain(), { domain, organisation: em.getReference(Organisation, organisation.id, { wrapped: true }) }));
}

/** The clearly labelled demo council, its verified demo domain and its demo admin: demo data, never a default identity. */
export async function ensureDemoAccounts(em: EntityManager): Promise<Member> {
  let council = await em.findOne(Organisation, { slug: DEMO_COUNCIL_SLUG });
  if (!council) {
    council = Object.assign(new Organisation(), {
      slug: DEMO_COUNCIL_SLUG,
      name: 'Demo Council (demonstration)',
      officialName: 'Demo Council: a demonstration organisation, not a real council',
      kind: OrganisationKind.COUNCIL,
      isDemo: true,
    });
    em.persist(council);
  }
  await ensureDomain(em, council, DEMO_COUNCIL_DOMAIN);
  let member = await em.findOne(Member, { email: DEMO_MEMBER_EMAIL });
  if (!member) {
    member = Object.assign(new Member(), {
      name: 'Demo Editor (demonstration account)',
      jobTitle: 'Service improvement officer',
      email: DEMO_MEMBER_EMAIL,
      organisation: ref(council),
      role: MemberRole.ADMIN,
      isDemo: true,
    });
    em.persist(member);
  }
  await em.flush();
  return member;
}

/** Verifies demo domains for the councils that lead demo experiments. */
export async function ensureDemoDomains(em: EntityManager, organisationIds: string[]): Promise<void> {
  const organisations = await em.find(Organisation, { id: { $in: organisationIds } });
  for (const organisation of organisations) await ensureDomain(em, organisation, demoDomainFor(organisation));
  await em.flush();
}
