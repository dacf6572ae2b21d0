import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Member } from './member.entity.js';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => Member, { nullable: true, description: 'Who you are acting as; null when anonymous.' })
  viewer(@Ctx() { viewer }: Context): Member | null {
    return viewer;
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() member: Member): Promise<Organisation> {
    return member.organisation.loadOrFail();
  }
}
