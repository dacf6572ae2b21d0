import { CoEditorInvitationStatus } from '@synapse/domain';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import { accessFor } from '../experiment/experiment.service.js';
import { Interest } from '../interest/interest.entity.js';
import { Member } from '../member/member.entity.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';
import { CoEditorInvitation } from './co-editor-invitation.entity.js';
import { InviteCoEditorInput } from './co-editor-invitation.inputs.js';
import { coEditorInvitationPolicy } from './co-editor-invitation.policy.js';
import { experimentInvitations, inviteCoEditor, respondToCoEditorInvitation, withdrawCoEditorInvitation } from './co-editor-invitation.service.js';

@ObjectType({ description: 'What the current viewer may do with an invitation to co-edit.' })
export class CoEditorInvitationPermissions {
  @Field(() => Boolean, { description: 'Accept or decline it (the person invited, while it waits).' })
  respond!: boolean;

  @Field(() => Boolean, { description: "Withdraw it (the experiment's team managers, while it waits)." })
  withdraw!: boolean;
}

@ObjectType({ description: 'What the current viewer may do with an entry in the interest list.' })
export class InterestPermissions {
  @Field(() => Boolean, { description: 'Invite the person who recorded it as a co-editor (not already on the team, invited, or declined).' })
  inviteAsCoEditor!: boolean;
}

@Resolver(() => CoEditorInvitation)
export class CoEditorInvitationResolver {
  @Mutation(() => CoEditorInvitation, {
    description:
      "Invites someone from an experiment's interest list to co-edit it; they accept or decline from their notifications. " +
      'Whoever may add co-editors. Inviting someone already invited returns the waiting invitation.',
  })
  inviteCoEditor(@Ctx() { em, viewer }: Context, @Arg('input', () => InviteCoEditorInput) input: InviteCoEditorInput): Promise<CoEditorInvitation> {
    return inviteCoEditor(em, viewer, input);
  }

  @Mutation(() => CoEditorInvitation, { description: 'Accepts (you become a co-editor) or declines an invitation sent to you.' })
  respondToCoEditorInvitation(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
  ): Promise<CoEditorInvitation> {
    return respondToCoEditorInvitation(em, viewer, id, accept);
  }

  @Mutation(() => CoEditorInvitation, { description: 'Takes back an invitation that has not been answered. Whoever may add co-editors.' })
  withdrawCoEditorInvitation(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<CoEditorInvitation> {
    return withdrawCoEditorInvitation(em, viewer, id);
  }

  @FieldResolver(() => Experiment, { nullable: true, description: 'Null if you may no longer see it.' })
  async experiment(@Root() invitation: CoEditorInvitation, @Ctx() { viewer }: Context): Promise<Experiment | null> {
    const experiment = await invitation.experiment.loadOrFail();
    return experimentPolicy.view(await accessFor(viewer, experiment)) ? experiment : null;
  }

  @FieldResolver(() => Member, { description: 'The person invited.' })
  member(@Root() invitation: CoEditorInvitation): Promise<Member> {
    return invitation.member.loadOrFail();
  }

  @FieldResolver(() => CoEditorInvitationPermissions)
  async viewerCan(@Root() invitation: CoEditorInvitation, @Ctx() { viewer }: Context): Promise<CoEditorInvitationPermissions> {
    const pending = invitation.status === CoEditorInvitationStatus.PENDING;
    const access = await accessFor(viewer, await invitation.experiment.loadOrFail());
    return { respond: pending && coEditorInvitationPolicy.respond(viewer, invitation), withdraw: coEditorInvitationPolicy.withdraw(access, invitation) };
  }
}

@Resolver(() => Notification)
export class NotificationInvitationResolver {
  @FieldResolver(() => CoEditorInvitation, { nullable: true, description: 'For CO_EDITOR_INVITATION: the invitation, to accept or decline.' })
  async coEditorInvitation(@Root() notification: Notification, @Ctx() { em }: Context): Promise<CoEditorInvitation | null> {
    if (notification.kind !== NotificationKind.CO_EDITOR_INVITATION || !notification.experiment) return null;
    const invitations = await experimentInvitations(em).load(notification.experiment.id);
    return invitations.find((invitation) => invitation.member.id === notification.member.id) ?? null;
  }
}

@Resolver(() => Interest)
export class InterestInvitationResolver {
  @FieldResolver(() => CoEditorInvitation, { nullable: true, description: 'The invitation to co-edit sent to whoever recorded it: for the team and the person invited.' })
  async coEditorInvitation(@Root() interest: Interest, @Ctx() { em, viewer }: Context): Promise<CoEditorInvitation | null> {
    const experiment = await interest.experiment.loadOrFail();
    const invitation = (await experimentInvitations(em).load(experiment.id)).find((entry) => entry.member.id === interest.member.id) ?? null;
    if (!invitation || viewer?.id === invitation.member.id) return invitation;
    return experimentPolicy.team(await accessFor(viewer, experiment)) ? invitation : null;
  }

  @FieldResolver(() => InterestPermissions)
  async viewerCan(@Root() interest: Interest, @Ctx() { em, viewer }: Context): Promise<InterestPermissions> {
    const experiment = await interest.experiment.loadOrFail();
    const access = await accessFor(viewer, experiment);
    if (!coEditorInvitationPolicy.invite(access)) return { inviteAsCoEditor: false };
    const [member, team, invitations] = await Promise.all([interest.member.loadOrFail(), experiment.teamMembers.loadItems(), experimentInvitations(em).load(experiment.id)]);
    const invitation = invitations.find((entry) => entry.member.id === member.id) ?? null;
    const coEditor = team.some((entry) => entry.member.id === member.id);
    const invitable = coEditorInvitationPolicy.whyNotInvitable(access, { member, interested: true, coEditor, invitation }) === null;
    return { inviteAsCoEditor: invitable && invitation?.status !== CoEditorInvitationStatus.PENDING };
  }
}
