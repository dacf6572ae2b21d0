import { ArtefactType, LIMITS, Licence } from '@synapse/domain';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { IsCalendarDate, IsWebUrl, OptionalText, RequiredText, OmittableNotNull } from '../../graphql/validators.js';

@InputType()
export class ArtefactFieldsInput {
  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(60)
  format?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(40)
  documentVersion?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  lastReviewedOn?: string | null;
}

@InputType()
export class AddArtefactInput extends ArtefactFieldsInput {
  @Field(() => ArtefactType)
  @IsEnum(ArtefactType)
  type!: ArtefactType;

  @Field(() => String)
  @RequiredText(3, LIMITS.titleMax)
  title!: string;

  @Field(() => Licence)
  @IsEnum(Licence)
  licence!: Licence;

  @Field(() => String, { nullable: true, description: 'An http or https link; give this or uploadId.' })
  @IsOptional()
  @IsString()
  @IsWebUrl()
  url?: string;

  @Field(() => ID, { nullable: true, description: 'An upload from createUpload whose bytes were PUT; give this or url.' })
  @IsOptional()
  @IsString()
  uploadId?: string;
}

@InputType()
export class UpdateArtefactInput extends ArtefactFieldsInput {
  @Field(() => ArtefactType, { nullable: true })
  @OmittableNotNull()
  @IsEnum(ArtefactType)
  type?: ArtefactType;

  @Field(() => String, { nullable: true })
  @OmittableNotNull()
  @RequiredText(3, LIMITS.titleMax)
  title?: string;

  @Field(() => Licence, { nullable: true })
  @OmittableNotNull()
  @IsEnum(Licence)
  licence?: Licence;

  @Field(() => String, { nullable: true })
  @OmittableNotNull()
  @IsString()
  @IsWebUrl()
  url?: string;

  @Field(() => ID, { nullable: true, description: 'A new file version (or a broken link replaced by a file); older versions stay downloadable.' })
  @IsOptional()
  @IsString()
  uploadId?: string;
}
