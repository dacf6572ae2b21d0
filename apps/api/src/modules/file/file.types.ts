import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
export class UploadHeader {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType({ description: 'A signed address to PUT the file to, then pass `id` as `uploadId` to addArtefact or updateArtefact.' })
export class Upload {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => [UploadHeader], { description: 'Headers to send with the PUT.' })
  headers!: UploadHeader[];
}

@ObjectType({ description: "Whether an external link still works, from the scheduled link check." })
export class LinkCheck {
  @Field(() => Boolean)
  broken!: boolean;

  @Field(() => Date, { nullable: true })
  checkedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the link last answered.' })
  lastWorkedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, in words ("HTTP 404", "timed out").' })
  problem!: string | null;
}
