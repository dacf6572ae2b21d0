import { MemberRole, OrganisationKind } from '@synapse/domain';
import { IsEmail, IsEnum, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OptionalText, RequiredText } from '../../graphql/validators.js';

@InputType()
export class AddOrganisationDomainInput {
  @Field(() => ID)
  @IsString()
  organisationId!: string;

  @Field(() => String, { description: 'An email domain such as "wigan.gov.uk" (lower case, no "@").' })
  @IsString()
  @MaxLength(253)
  @Matches(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: '$property must be a domain name such as wigan.gov.uk' })
  domain!: string;
}

@InputType()
export class RequestToJoinInput {
  @Field(() => ID)
  @IsString()
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'A note for the admins: your role, why you are joining.' })
  @OptionalText(1000)
  message?: string | null;
}

@InputType()
export class SetMemberRoleInput {
  @Field(() => ID)
  @IsString()
  memberId!: string;

  @Field(() => MemberRole)
  @IsEnum(MemberRole)
  role!: MemberRole;
}

@InputType()
export class AddCoEditorInput {
  @Field(() => ID)
  @IsString()
  experimentId!: string;

  @Field(() => String, { description: 'The co-editor signs in with this email address; they must have signed in once.' })
  @IsEmail({}, { message: '$property must be an email address' })
  @MaxLength(320)
  email!: string;
}

const PARTNER_KINDS = Object.values(OrganisationKind).filter((kind) => kind !== OrganisationKind.COUNCIL);

@InputType({ description: 'A partner organisation (charity, NHS body, university…). Councils come from reference data.' })
export class CreatePartnerOrganisationInput {
  @Field(() => String)
  @RequiredText(2, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The full official name, if different.' })
  @OptionalText(300)
  officialName?: string | null;

  @Field(() => OrganisationKind)
  @IsIn(PARTNER_KINDS, { message: '$property must be a kind of partner organisation, not COUNCIL' })
  kind!: OrganisationKind;
}
