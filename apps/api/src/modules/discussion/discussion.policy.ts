import { MemberRole } from '@synapse/domain';
import type { Experiment } from '../experiment/experiment.entity.js';
import { type ExperimentAccess, experimentPolicy, organisationIdOf } from '../experiment/experiment.policy.js';
import type { Member } from '../member/member.entity.js';
import type { Discussion } from './discussion.entity.js';
import type { Post } from './post.entity.js';

// Who may do what in discussions, in one place. Deny by default: everything but reading needs a signed-in member.
//   view        anyone, when the experiment it is on may be seen (or it is a network question) and it is not hidden;
//               moderators see hidden ones too
//   reply       signed in, can view, not locked
//   markAnswer  the asker, the experiment's team, or a moderator
//   moderate    platform admins and the moderators they appoint (everywhere); admins of the lead organisation
//               (on their experiments' discussions): hide/restore posts, lock, see hidden posts and edit history
//   edit        the author, while the post is neither deleted, hidden nor locked
//   delete      the author
//   report      signed in, someone else's post

/** What the policy needs to know: the member, the discussion and (for questions on an experiment) the experiment. */
export interface DiscussionAccess {
  member: Member | null;
  discussion: Discussion;
  experiment: Experiment | null;
  experimentAccess: ExperimentAccess | null;
}

/** Platform admins and appointed moderators work the report queue for the whole network. */
export function isPlatformModerator(member: Member | null): boolean {
  return member !== null && member.deletedAt === null && (member.platformAdmin || member.moderator);
}

function signedIn(member: Member | null): member is Member {
  return member !== null && member.deletedAt === null;
}

function isAuthor(member: Member | null, entity: { author: { id: string } }): boolean {
  return signedIn(member) && entity.author.id === member.id;
}

export const discussionPolicy = {
  moderate({ member, experiment }: DiscussionAccess): boolean {
    if (isPlatformModerator(member)) return true;
    return signedIn(member) && experiment !== null && member.role === MemberRole.ADMIN && organisationIdOf(member) === experiment.leadOrganisation.id;
  },
  view(access: DiscussionAccess): boolean {
    const experimentVisible = access.experimentAccess === null || experimentPolicy.view(access.experimentAccess);
    return experimentVisible && (access.discussion.hiddenAt === null || discussionPolicy.moderate(access));
  },
  /** The experiment's team (lead organisation members and co-editors); never true for a network question. */
  team(access: DiscussionAccess): boolean {
    return access.experimentAccess !== null && experimentPolicy.team(access.experimentAccess);
  },
  reply(access: DiscussionAccess): boolean {
    return signedIn(access.member) && discussionPolicy.view(access) && access.discussion.lockedAt === null && access.discussion.hiddenAt === null;
  },
  markAnswer(access: DiscussionAccess): boolean {
    if (!signedIn(access.member) || !discussionPolicy.view(access) || access.discussion.hiddenAt !== null) return false;
    return isAuthor(access.member, access.discussion) || discussionPolicy.team(access) || discussionPolicy.moderate(access);
  },
  follow(access: DiscussionAccess): boolean {
    return signedIn(access.member) && discussionPolicy.view(access);
  },
};

export const postPolicy = {
  view(post: Post, access: DiscussionAccess): boolean {
    return discussionPolicy.view(access) && (post.hiddenAt === null || discussionPolicy.moderate(access));
  },
  edit(post: Post, access: DiscussionAccess): boolean {
    return isAuthor(access.member, post) && post.deletedAt === null && post.hiddenAt === null && access.discussion.lockedAt === null && discussionPolicy.view(access);
  },
  delete(post: Post, access: DiscussionAccess): boolean {
    return isAuthor(access.member, post) && post.deletedAt === null && discussionPolicy.view(access);
  },
  report(post: Post, access: DiscussionAccess): boolean {
    return signedIn(access.member) && !isAuthor(access.member, post) && post.deletedAt === null && postPolicy.view(post, access);
  },
  markAnswer(post: Post, access: DiscussionAccess): boolean {
    return !post.opening && post.deletedAt === null && post.hiddenAt === null && discussionPolicy.markAnswer(access);
  },
};
