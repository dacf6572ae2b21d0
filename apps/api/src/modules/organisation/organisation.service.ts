import type { FilterQuery } from '@mikro-orm/core';
import { OrganisationKind } from '@synapse/domain';
import { loadCouncils } from '@synapse/reference-data';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { BadInputError } from '../../errors.js';
import { type ConnectionShape, findPage, toConnection } from '../../graphql/connection.js';
import { OrganisationDomain } from '../membership/organisation-domain.entity.js';
import { Organisation } from './organisation.entity.js';
import type { OrganisationFilter } from './organisation.inputs.js';
import { searchOrganisationsByName } from './organisation-name-search.js';

export async function findOrganisation(
  em: EntityManager,
  key: { gssCode?: string | null; slug?: string | null },
): Promise<Organisation | null> {
  if (!key.gssCode && !key.slug) throw BadInputError.field('gssCode', 'give a GSS code or a slug');
  return em.findOne(Organisation, key.gssCode ? { gssCode: key.gssCode } : { slug: key.slug! });
}


export async function listOrganisations(
  em: EntityManager,
  filter: OrganisationFilter | null | undefined,
  page: { first: number; after?: string | null },
): Promise<ConnectionShape<Organisation>> {
  const conditions: FilterQuery<Organisation>[] = [];
  if (filter?.nations?.length) conditions.push({ nation: { $in: filter.nations } });
  if (filter?.regions?.length) conditions.push({ region: { $in: filter.regions } });
  if (filter?.types?.length) conditions.push({ councilType: { $in: filter.types } });
  if (filter?.kinds?.length) conditions.push({ kind: { $in: filter.kinds } });
  if (filter?.name?.trim()) return searchOrganisationsByName(em, filter.name, conditions, page);
  const cursor = await findPage(em, Organisation, {
    where: conditions.length ? { $and: conditions } : {},
    first: page.first,
    after: page.after ?? undefined,
    orderBy: { name: 'asc', id: 'asc' },
  });
  return toConnection(cursor);
}

/**
 * Loads every current UK council from the reference data, inserting missing ones and refreshing figures
 * on existing ones (matched by GSS code). Safe to run on every start.
 */
export async function loadReferenceCouncils(em: EntityManager): Promise<{ councils: number }> {
  const councils = loadCouncils();
  const existing = await em.find(Organisation, { gssCode: { $in: councils.map((c) => c.gssCode) } });
  const byCode = new Map(existing.map((organisation) => [organisation.gssCode, organisation]));
  for (const council of councils) {
    const organisation = byCode.get(council.gssCode) ?? new Organisation();
    // Names and deprivation shares stay in the reference data (the matcher and neighbours read them there).
    const { altNames: _names, lowDeprivationShare: _low, mediumDeprivationShare: _medium, highDeprivationShare: _high, ...columns } = council;
    Object.assign(organisation, columns, { kind: OrganisationKind.COUNCIL });
    em.persist(organisation);
  }
  await em.flush();
  return { councils: councils.length };
}

async function domainsOfOrganisations(em: EntityManager, organisationIds: readonly string[]): Promise<OrganisationDomain[][]> {
  const domains = await em.find(OrganisationDomain, { organisation: { $in: [...organisationIds] } }, { orderBy: { domain: 'asc' } });
  return organisationIds.map((id) => domains.filter((domain) => domain.organisation.id === id));
}

/** An organisation's email domains, alphabetically: one query for every organisation in the request. */
export function organisationDomains(em: EntityManager, organisationId: string): Promise<OrganisationDomain[]> {
  return requestLoader(em, domainsOfOrganisations).load(organisationId);
}
