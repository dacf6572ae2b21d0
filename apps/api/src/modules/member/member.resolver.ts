import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Member } from './member.entity.js';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => Member, { nullable: true, description: 'Who you are signed in as; null when signed out.' })
  viewer(@Ctx() { viewer }: Context): Member | null {
    return viewer;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private: only you see your own email address.' })
  email(@Root() member: Member, @Ctx() { viewer }: Context): string | null {
    return viewer?.id === member.id ? member.email : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Null for readers not (yet) in an organisation.' })
  async organisation(@Root() member: Member): Promise<Organisation | null> {
    return member.organisation ? member.organisation.loadOrFail() : null;
  }
}
