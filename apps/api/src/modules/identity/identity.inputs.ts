import { IsEmail, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class RequestSignInInput {
  @Field(() => String, { description: 'Your work email address.' })
  @IsEmail({}, { message: '$property must be an email address' })
  @MaxLength(320)
  email!: string;
}
