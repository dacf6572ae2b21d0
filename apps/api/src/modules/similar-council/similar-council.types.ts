import { SharedCharacteristic } from '@synapse/reference-data';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Organisation } from '../organisation/organisation.entity.js';

registerEnumType(SharedCharacteristic, {
  name: 'SharedCharacteristic',
  description: 'What two councils have in common (see docs/councils-like-mine.md for the thresholds).',
});

@ObjectType({ description: 'One of a council\'s statistical nearest neighbours, and why (see docs/councils-like-mine.md).' })
export class SimilarCouncil {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Float, { description: '1 / (1 + distance): 1 for identical councils, nearer 0 the less alike.' })
  similarity!: number;

  @Field(() => Float, { description: 'Weighted distance in standard deviations over the model\'s variables and tier.' })
  distance!: number;

  @Field(() => [SharedCharacteristic], { description: 'What they share, as codes.' })
  shared!: SharedCharacteristic[];

  @Field(() => [String], { description: 'What they share, in words: "both metropolitan boroughs", "similar deprivation"…' })
  reasons!: string[];
}
