import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { RequiredText } from '../../graphql/validators.js';
import { ApiKey, ApiKeyScope } from './api-key.entity.js';
import { createApiKey, revokeApiKey } from './api-key.service.js';

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  @IsString()
  organisationId!: string;

  @Field(() => String, { description: 'What the key is for, e.g. "Research database sync".' })
  @RequiredText(1, 100)
  name!: string;

  @Field(() => [ApiKeyScope], { nullable: true, description: 'Defaults to [PUBLIC_READ].' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsEnum(ApiKeyScope, { each: true })
  scopes?: ApiKeyScope[] | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The key itself. Shown this once: store it now. Send it as "Authorization: Bearer <key>".' })
  secret!: string;
}

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
