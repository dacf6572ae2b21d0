import type { EntityManager } from '../../db/orm.js';
import { ForbiddenError } from '../../errors.js';
import { Member } from './member.entity.js';
import type { UpdateProfileInput } from './profile.inputs.js';

/** Sets the signed-in person's own name and job title (the name starts as a guess from their email address). */
export async function updateProfile(em: EntityManager, viewer: Member | null, input: UpdateProfileInput): Promise<Member> {
  if (!viewer) throw new ForbiddenError('change a profile: sign in first');
  return em.transactional(async (tem) => {
    const member = await tem.findOneOrFail(Member, { id: viewer.id });
    member.name = input.name.trim().replace(/\s+/g, ' ');
    if (input.jobTitle !== undefined) member.jobTitle = input.jobTitle?.trim() || null;
    return member;
  });
}
