import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Member } from './member.entity.js';
import { UpdateProfileInput } from './profile.inputs.js';
import { updateProfile } from './profile.service.js';

@Resolver(() => Member)
export class ProfileResolver {
  @Mutation(() => Member, { description: 'Sets your own name and job title. Signed-in people only.' })
  updateProfile(@Ctx() { em, viewer }: Context, @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput): Promise<Member> {
    return updateProfile(em, viewer, input);
  }
}
