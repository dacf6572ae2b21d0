import {
  ArtefactType,
  BudgetBand,
  CouncilType,
  EvaluationDesign,
  ExperimentStatus,
  GoodDirection,
  InterestLevel,
  Licence,
  MemberRole,
  ModerationAction,
  Nation,
  OrganisationKind,
  PartnerRole,
  RuralUrbanClass,
  Stage,
  Verdict,
} from '@synapse/domain';
import { registerEnumType } from 'type-graphql';

let registered = false;

/** Registers the domain enums with type-graphql once, before the schema is built. */
export function registerEnums(): void {
  if (registered) return;
  registered = true;
  registerEnumType(Nation, { name: 'Nation' });
  registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
  registerEnumType(CouncilType, { name: 'CouncilType' });
  registerEnumType(RuralUrbanClass, { name: 'RuralUrbanClass' });
  registerEnumType(MemberRole, { name: 'MemberRole' });
  registerEnumType(Stage, {
    name: 'Stage',
    description: 'Where an experiment is: IDEA → DISCOVERY → PILOT → EVALUATING → SCALING → EMBEDDED, or STOPPED.',
  });
  registerEnumType(ExperimentStatus, { name: 'ExperimentStatus', description: 'DRAFT is visible only to its team.' });
  registerEnumType(Verdict, { name: 'Verdict', description: 'What the team concluded. Failures are first-class.' });
  registerEnumType(EvaluationDesign, { name: 'EvaluationDesign' });
  registerEnumType(ArtefactType, { name: 'ArtefactType' });
  registerEnumType(Licence, {
    name: 'Licence',
    valuesConfig: {
      OGL_3: { description: 'Open Government Licence v3.0' },
      CC_BY_4: { description: 'Creative Commons Attribution 4.0' },
      CC_BY_SA_4: { description: 'Creative Commons Attribution-ShareAlike 4.0' },
      CC0_1: { description: 'Creative Commons Zero 1.0 (public domain)' },
      ALL_RIGHTS_RESERVED: { description: 'Not licensed for reuse: ask the owner' },
    },
  });
  registerEnumType(PartnerRole, { name: 'PartnerRole' });
  registerEnumType(BudgetBand, { name: 'BudgetBand' });
  registerEnumType(GoodDirection, { name: 'GoodDirection' });
  registerEnumType(InterestLevel, { name: 'InterestLevel', description: 'How far a council has got with an experiment it is interested in.' });
  registerEnumType(ModerationAction, { name: 'ModerationAction' });
}
