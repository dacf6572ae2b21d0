import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ServiceArea } from './service-area.entity.js';
import { listServiceAreas } from './service-area.service.js';

@Resolver(() => ServiceArea)
export class ServiceAreaResolver {
  @Query(() => [ServiceArea], { description: 'The curated service areas, in display order.' })
  serviceAreas(@Ctx() { em }: Context): Promise<ServiceArea[]> {
    return listServiceAreas(em);
  }
}
