import { IsEnum, IsString, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DigestFrequency } from '../member/member.entity.js';
import { FollowTarget } from './follow.entity.js';

@InputType()
export class FollowInput {
  @Field(() => FollowTarget)
  @IsEnum(FollowTarget)
  target!: FollowTarget;

  @Field(() => String, { description: 'Experiment or organisation id, service area slug, or theme.' })
  @IsString()
  @MaxLength(100)
  key!: string;
}

@InputType()
export class DigestInput {
  @Field(() => DigestFrequency)
  @IsEnum(DigestFrequency)
  frequency!: DigestFrequency;
}
