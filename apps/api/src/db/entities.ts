import { Artefact } from '../modules/artefact/artefact.entity.js';
import { ExperimentPartner } from '../modules/experiment/experiment-partner.entity.js';
import { Experiment } from '../modules/experiment/experiment.entity.js';
import { StageChange } from '../modules/experiment/stage-change.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Outcome } from '../modules/outcome/outcome.entity.js';
import { SearchOutboxEntry } from '../modules/search/search-outbox.entity.js';
import { ServiceArea } from '../modules/service-area/service-area.entity.js';

export const ENTITIES = [
  Organisation,
  Member,
  ServiceArea,
  Experiment,
  ExperimentPartner,
  StageChange,
  Outcome,
  Artefact,
  SearchOutboxEntry,
];
