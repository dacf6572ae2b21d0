import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RequiredText } from '../../graphql/validators.js';
import { ApiKeyScope } from './api-key.entity.js';

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
