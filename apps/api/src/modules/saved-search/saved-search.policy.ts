import type { Member } from '../member/member.entity.js';
import type { SavedSearch } from './saved-search.entity.js';

// Saved searches are private to the member who saved them: nobody else (not their admins, not an API key) may
// see or delete them. Anything not allowed here is denied.
export const savedSearchPolicy = {
  save(member: Member | null): member is Member {
    return member !== null && member.deletedAt === null;
  },
  own(member: Member | null, search: SavedSearch): boolean {
    return member !== null && member.deletedAt === null && search.member.id === member.id;
  },
};
