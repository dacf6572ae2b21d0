import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class RequestSignInInput {
  @Field(() => String, { description: 'Your work email address.' })
  @IsEmail({}, { message: '$property must be an email address' })
  @MaxLength(320)
  email!: string;

  @Field(() => String, { nullable: true, description: 'The page of Synapse to return to after signing in, as a path like "/experiments/x".' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  returnTo?: string | null;
}
