import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Artefact } from './artefact.entity.js';
import { AddArtefactInput, UpdateArtefactInput } from './artefact.inputs.js';
import { addArtefact, removeArtefact, updateArtefact } from './artefact.service.js';

@Resolver(() => Artefact)
export class ArtefactResolver {
  @Mutation(() => Artefact, { description: 'Attaches a reusable artefact: a link, or an uploaded file (uploadId from createUpload). Editors of the experiment only.' })
  addArtefact(
    @Ctx() { em, viewer, services }: Context,
    @Arg('experimentId', () => ID) experimentId: string,
    @Arg('input', () => AddArtefactInput) input: AddArtefactInput,
  ): Promise<Artefact> {
    return addArtefact(em, viewer, experimentId, input, services.config);
  }

  @Mutation(() => Artefact)
  updateArtefact(
    @Ctx() { em, viewer, services }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateArtefactInput) input: UpdateArtefactInput,
  ): Promise<Artefact> {
    return updateArtefact(em, viewer, id, version, input, services.config);
  }

  @Mutation(() => ID, { description: 'Removes an artefact; returns its id.' })
  removeArtefact(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<string> {
    return removeArtefact(em, viewer, id, version);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation that owns the artefact.' })
  owner(@Root() artefact: Artefact): Promise<Organisation> {
    return artefact.owner.loadOrFail();
  }
}
