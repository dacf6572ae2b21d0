import { CONVERSATION_LIMITS as L, LIMITS, ModerationAction, SERVICE_AREA_SLUGS } from '@synapse/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NoDuplicates, OptionalIdList, OptionalText, RequiredId, RequiredText } from '../../graphql/validators.js';

@InputType({ description: 'A question to the team behind an experiment (experimentId), or a network question filed under service areas and themes.' })
export class StartDiscussionInput {
  @Field(() => ID, { nullable: true, description: 'The published experiment it is about; leave out for a network question.' })
  @OptionalText(36)
  experimentId?: string | null;

  @Field(() => String)
  @RequiredText(L.discussionTitleMin, L.discussionTitleMax)
  title!: string;

  @Field(() => String, { description: 'Markdown. No raw HTML or images.' })
  @RequiredText(1, L.postBodyMax)
  body!: string;

  @Field(() => [String], { nullable: true, description: 'Service area slugs. A network question needs at least one; a question on an experiment takes its areas.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.topicsMax)
  @IsIn(SERVICE_AREA_SLUGS, { each: true })
  @NoDuplicates()
  serviceAreas?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.topicsMax)
  @IsString({ each: true })
  @MaxLength(LIMITS.themeMax, { each: true })
  @NoDuplicates()
  themes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Published experiments the post cites as evidence.' })
  @OptionalIdList(L.citationsMax)
  citations?: string[] | null;
}

@InputType()
export class ReplyInput {
  @Field(() => ID)
  @RequiredId()
  discussionId!: string;

  @Field(() => String, { description: 'Markdown. No raw HTML or images.' })
  @RequiredText(1, L.postBodyMax)
  body!: string;

  @Field(() => [ID], { nullable: true, description: 'Published experiments the reply cites as evidence.' })
  @OptionalIdList(L.citationsMax)
  citations?: string[] | null;
}

@InputType({ description: 'A new body for your post; the old one is kept for moderators.' })
export class EditPostInput {
  @Field(() => ID)
  @RequiredId()
  postId!: string;

  @Field(() => String)
  @RequiredText(1, L.postBodyMax)
  body!: string;

  @Field(() => String, { nullable: true, description: 'A new title (opening posts only).' })
  @IsOptional()
  @RequiredText(L.discussionTitleMin, L.discussionTitleMax)
  title?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the citations when given.' })
  @OptionalIdList(L.citationsMax)
  citations?: string[] | null;
}

@InputType()
export class MarkAnswerInput {
  @Field(() => ID)
  @RequiredId()
  postId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'false takes the mark away.' })
  @IsBoolean()
  answer: boolean = true;
}

@InputType()
export class ReportPostInput {
  @Field(() => ID)
  @RequiredId()
  postId!: string;

  @Field(() => String, { description: 'What is wrong with it.' })
  @RequiredText(L.reasonMin, L.reasonMax)
  reason!: string;
}

@InputType()
export class ModeratePostInput {
  @Field(() => ID)
  @RequiredId()
  postId!: string;

  @Field(() => ModerationAction)
  @IsEnum(ModerationAction)
  action!: ModerationAction;

  @Field(() => String, { description: 'Why: kept with the post and in the audit log.' })
  @RequiredText(L.reasonMin, L.reasonMax)
  reason!: string;
}

@InputType()
export class LockDiscussionInput {
  @Field(() => ID)
  @RequiredId()
  discussionId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'false unlocks it.' })
  @IsBoolean()
  locked: boolean = true;

  @Field(() => String)
  @RequiredText(L.reasonMin, L.reasonMax)
  reason!: string;
}

@InputType()
export class FollowDiscussionInput {
  @Field(() => ID)
  @RequiredId()
  discussionId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'false stops following.' })
  @IsBoolean()
  follow: boolean = true;
}

@InputType()
export class AppointModeratorInput {
  @Field(() => ID)
  @RequiredId()
  memberId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'false removes the role.' })
  @IsBoolean()
  moderator: boolean = true;
}

@InputType({ description: 'Which discussions to list; all published ones when empty.' })
export class DiscussionFilter {
  @Field(() => ID, { nullable: true })
  @OptionalText(36)
  experimentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: network questions only (on no experiment); false: questions on experiments only.' })
  @IsOptional()
  @IsBoolean()
  network?: boolean | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsIn(SERVICE_AREA_SLUGS, { each: true })
  serviceAreas?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsString({ each: true })
  @MaxLength(LIMITS.themeMax, { each: true })
  themes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only answered ones; false: only unanswered ones.' })
  @IsOptional()
  @IsBoolean()
  answered?: boolean | null;
}
