import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ApiKey, ApiKeyScope } from './api-key.entity.js';
import { CreateApiKeyInput } from './api-key.inputs.js';
import { CreatedApiKey } from './api-key.types.js';
import { createApiKey, revokeApiKey } from './api-key.service.js';

@Resolver()
export class ApiKeyResolver {
  @Mutation(() => CreatedApiKey, { description: 'Creates a partner API key. Organisation admins.' })
  createApiKey(@Ctx() { em, viewer }: Context, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return createApiKey(em, viewer, input.organisationId, input.name, input.scopes ?? [ApiKeyScope.PUBLIC_READ]);
  }

  @Mutation(() => ApiKey, { description: 'Stops a key working at once. Organisation admins.' })
  revokeApiKey(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<ApiKey> {
    return revokeApiKey(em, viewer, id);
  }
}
