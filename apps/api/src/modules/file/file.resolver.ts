import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { accessFor } from '../experiment/experiment.service.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import { ArtefactFile } from './artefact-file.entity.js';
import { fileAddress, filesOf, reuseCountOf } from './file-query.service.js';
import { CreateUploadInput } from './file.inputs.js';
import { LinkCheck, Upload } from './file.types.js';
import { createUpload } from './upload.service.js';

async function isTeam(viewer: Context['viewer'], artefact: Artefact): Promise<boolean> {
  if (!viewer) return false;
  return experimentPolicy.team(await accessFor(viewer, await artefact.experiment.loadOrFail()));
}

@Resolver(() => Artefact)
export class ArtefactFileResolver {
  @Mutation(() => Upload, { description: 'A signed address to PUT a file to; then attach it with addArtefact/updateArtefact(input: { uploadId }).' })
  createUpload(@Ctx() { em, viewer, services }: Context, @Arg('input', () => CreateUploadInput) input: CreateUploadInput): Promise<Upload> {
    return createUpload(em, services.config, viewer, input);
  }

  @FieldResolver(() => [ArtefactFile], { description: 'Uploaded versions, newest first (empty for a link).' })
  files(@Ctx() { em }: Context, @Root() artefact: Artefact): Promise<ArtefactFile[]> {
    return filesOf(em, artefact.id);
  }

  @FieldResolver(() => ArtefactFile, { nullable: true, description: 'The latest uploaded version, when the artefact is a file.' })
  async file(@Ctx() { em }: Context, @Root() artefact: Artefact): Promise<ArtefactFile | null> {
    return (await filesOf(em, artefact.id))[0] ?? null;
  }

  @FieldResolver(() => LinkCheck, { nullable: true, description: 'The scheduled check of an external link; null until checked, and for files.' })
  linkCheck(@Root() artefact: Artefact): LinkCheck | null {
    if (!artefact.linkStatus) return null;
    return { broken: artefact.linkStatus === 'BROKEN', checkedAt: artefact.linkCheckedAt, lastWorkedAt: artefact.linkLastWorkedAt, problem: artefact.linkProblem };
  }

  @FieldResolver(() => Int, { description: 'How many adaptations (forks) carry this artefact.' })
  reusedInAdaptations(@Ctx() { em }: Context, @Root() artefact: Artefact): Promise<number> {
    return reuseCountOf(em, artefact.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: "Downloads of all versions; the experiment's team only (null for others)." })
  async downloadCount(@Ctx() { em, viewer }: Context, @Root() artefact: Artefact): Promise<number | null> {
    if (!(await isTeam(viewer, artefact))) return null;
    return (await filesOf(em, artefact.id)).reduce((sum, file) => sum + file.downloads, 0);
  }
}

@Resolver(() => ArtefactFile)
export class ArtefactFileFieldsResolver {
  @FieldResolver(() => String, { description: 'Where to download this version (the artefact link gives the latest).' })
  downloadUrl(@Ctx() { services }: Context, @Root() file: ArtefactFile): string {
    return fileAddress(services.config.publicUrl, file.artefact.id, file.number);
  }

  @FieldResolver(() => Boolean, { description: 'False while the file waits for the virus scanner, or was rejected.' })
  downloadable(@Root() file: ArtefactFile): boolean {
    return file.scanStatus === 'CLEAN' || file.scanStatus === 'NOT_SCANNED';
  }

  @FieldResolver(() => Int, { nullable: true, description: "Downloads of this version; the experiment's team only." })
  async downloads(@Ctx() { viewer }: Context, @Root() file: ArtefactFile): Promise<number | null> {
    return (await isTeam(viewer, await file.artefact.loadOrFail())) ? file.downloads : null;
  }
}
