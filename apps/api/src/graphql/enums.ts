import {
  ARTEFACT_TYPE_LABELS,
  ArtefactType,
  BUDGET_BAND_LABELS,
  BudgetBand,
  COUNCIL_TYPE_LABELS,
  CouncilType,
  EVALUATION_DESIGN_LABELS,
  EvaluationDesign,
  ExperimentStatus,
  GoodDirection,
  INTEREST_LEVEL_LABELS,
  InterestLevel,
  Licence,
  LICENCE_LABELS,
  MEMBER_ROLE_LABELS,
  MemberRole,
  ModerationAction,
  Nation,
  NATION_LABELS,
  ORGANISATION_KIND_LABELS,
  OrganisationKind,
  PARTNER_ROLE_LABELS,
  PartnerRole,
  RURAL_URBAN_LABELS,
  RuralUrbanClass,
  Stage,
  STAGE_LABELS,
  Verdict,
  VERDICT_LABELS,
} from '@synapse/domain';
import { registerEnumType } from 'type-graphql';

let registered = false;

/** Each value's words from @synapse/domain as its GraphQL description: partners read what the web client shows. */
function described(labels: Record<string, string>): Record<string, { description: string }> {
  return Object.fromEntries(Object.entries(labels).map(([value, words]) => [value, { description: words }]));
}

/** Registers the domain enums with type-graphql once, before the schema is built. */
export function registerEnums(): void {
  if (registered) return;
  registered = true;
  registerEnumType(Nation, { name: 'Nation', valuesConfig: described(NATION_LABELS) });
  registerEnumType(OrganisationKind, { name: 'OrganisationKind', valuesConfig: described(ORGANISATION_KIND_LABELS) });
  registerEnumType(CouncilType, { name: 'CouncilType', valuesConfig: described(COUNCIL_TYPE_LABELS) });
  registerEnumType(RuralUrbanClass, { name: 'RuralUrbanClass', valuesConfig: described(RURAL_URBAN_LABELS) });
  registerEnumType(MemberRole, { name: 'MemberRole', valuesConfig: described(MEMBER_ROLE_LABELS) });
  registerEnumType(Stage, {
    name: 'Stage',
    description: 'Where an experiment is: IDEA → DISCOVERY → PILOT → EVALUATING → SCALING → EMBEDDED, or STOPPED.',
    valuesConfig: described(STAGE_LABELS),
  });
  registerEnumType(ExperimentStatus, { name: 'ExperimentStatus', description: 'DRAFT is visible only to its team.' });
  registerEnumType(Verdict, { name: 'Verdict', description: 'What the team concluded. Failures are first-class.', valuesConfig: described(VERDICT_LABELS) });
  registerEnumType(EvaluationDesign, { name: 'EvaluationDesign', valuesConfig: described(EVALUATION_DESIGN_LABELS) });
  registerEnumType(ArtefactType, { name: 'ArtefactType', valuesConfig: described(ARTEFACT_TYPE_LABELS) });
  registerEnumType(Licence, { name: 'Licence', valuesConfig: described(LICENCE_LABELS) });
  registerEnumType(PartnerRole, { name: 'PartnerRole', valuesConfig: described(PARTNER_ROLE_LABELS) });
  registerEnumType(BudgetBand, { name: 'BudgetBand', valuesConfig: described(BUDGET_BAND_LABELS) });
  registerEnumType(GoodDirection, { name: 'GoodDirection' });
  registerEnumType(InterestLevel, {
    name: 'InterestLevel',
    description: 'How far a council has got with an experiment it is interested in.',
    valuesConfig: described(Object.fromEntries(Object.entries(INTEREST_LEVEL_LABELS).map(([level, words]) => [level, words.label]))),
  });
  registerEnumType(ModerationAction, { name: 'ModerationAction' });
}
