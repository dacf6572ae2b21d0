import type { EntityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { randomToken, sameSecret, sha256 } from '../identity/tokens.js';
import type { Member } from '../member/member.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { ApiKey, ApiKeyScope } from './api-key.entity.js';

const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys look like "syn_<8-character prefix>_<secret>"; the prefix finds the row, the secret is checked by hash. */
function parseKey(presented: string): { prefix: string; secret: string } | null {
  const match = /^syn_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,100})$/.exec(presented);
  return match ? { prefix: `syn_${match[1]}`, secret: match[2] } : null;
}

/** The live key for a presented secret, or null. */
export async function apiKeyFor(em: EntityManager, presented: string): Promise<ApiKey | null> {
  const parsed = parseKey(presented);
  if (!parsed) return null;
  const key = await em.findOne(ApiKey, { prefix: parsed.prefix, revokedAt: null });
  if (!key || !sameSecret(key.secretHash, sha256(parsed.secret))) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: new Date() });
  }
  return key;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  secret: string;
}

async function organisationFor(em: EntityManager, viewer: Member | null, organisationId: string): Promise<Organisation> {
  const organisation = await em.findOne(Organisation, { id: organisationId });
  if (!organisation) throw new NotFoundError('Organisation', organisationId);
  if (!organisationPolicy.manageApiKeys(viewer, organisation)) throw new ForbiddenError('manage API keys for this organisation');
  return organisation;
}

export function createApiKey(
  em: EntityManager,
  viewer: Member | null,
  organisationId: string,
  name: string,
  scopes: ApiKeyScope[],
): Promise<CreatedApiKey> {
  return em.transactional((tem) => createApiKeyInTransaction(tem, viewer, organisationId, name, scopes));
}

async function createApiKeyInTransaction(
  em: EntityManager,
  viewer: Member | null,
  organisationId: string,
  name: string,
  scopes: ApiKeyScope[],
): Promise<CreatedApiKey> {
  const organisation = await organisationFor(em, viewer, organisationId);
  if (scopes.length === 0) throw BadInputError.field('input.scopes', 'choose at least one scope');
  const secret = randomToken(24);
  const prefix = `syn_${randomToken(12).replace(/[^A-Za-z0-9]/g, '').slice(0, 8).padEnd(8, '0')}`;
  const apiKey = Object.assign(new ApiKey(), {
    organisation: em.getReference(Organisation, organisation.id, { wrapped: true }),
    name: name.trim(),
    prefix,
    secretHash: sha256(secret),
    scopes: [...new Set(scopes)],
    createdBy: viewer ? em.getReference((viewer.constructor as typeof Member), viewer.id, { wrapped: true }) : null,
  });
  em.persist(apiKey);
  await em.flush();
  return { apiKey, secret: `${prefix}_${secret}` };
}

export function revokeApiKey(em: EntityManager, viewer: Member | null, id: string): Promise<ApiKey> {
  return em.transactional((tem) => revokeApiKeyInTransaction(tem, viewer, id));
}

async function revokeApiKeyInTransaction(em: EntityManager, viewer: Member | null, id: string): Promise<ApiKey> {
  const apiKey = await em.findOne(ApiKey, { id });
  if (!apiKey) throw new NotFoundError('API key', id);
  await organisationFor(em, viewer, apiKey.organisation.id);
  if (!apiKey.revokedAt) {
    apiKey.revokedAt = new Date();
    await em.flush();
  }
  return apiKey;
}

export function listApiKeys(em: EntityManager, organisationId: string): Promise<ApiKey[]> {
  return em.find(ApiKey, { organisation: organisationId }, { orderBy: { createdAt: 'desc' } });
}

