import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'The file about to be uploaded; its type is checked again from the content.' })
export class CreateUploadInput {
  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  fileName!: string;

  @Field(() => String, { description: 'The MIME type the client will send, e.g. application/pdf.' })
  @IsString()
  @MaxLength(120)
  contentType!: string;

  @Field(() => Int, { description: 'The exact size in bytes.' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  byteSize!: number;
}
