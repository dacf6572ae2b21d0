import 'reflect-metadata';
import {
  ARTEFACT_TYPE_LABELS,
  BUDGET_BAND_LABELS,
  COUNCIL_TYPE_LABELS,
  EVALUATION_DESIGN_LABELS,
  LICENCE_LABELS,
  MEMBER_ROLE_LABELS,
  NATION_LABELS,
  ORGANISATION_KIND_LABELS,
  PARTNER_ROLE_LABELS,
  RURAL_URBAN_LABELS,
  STAGE_LABELS,
  VERDICT_LABELS,
} from '@synapse/domain';
import type { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from './schema.js';

const LABELLED: Record<string, Record<string, string>> = {
  ArtefactType: ARTEFACT_TYPE_LABELS,
  BudgetBand: BUDGET_BAND_LABELS,
  CouncilType: COUNCIL_TYPE_LABELS,
  EvaluationDesign: EVALUATION_DESIGN_LABELS,
  Licence: LICENCE_LABELS,
  MemberRole: MEMBER_ROLE_LABELS,
  Nation: NATION_LABELS,
  OrganisationKind: ORGANISATION_KIND_LABELS,
  PartnerRole: PARTNER_ROLE_LABELS,
  RuralUrbanClass: RURAL_URBAN_LABELS,
  Stage: STAGE_LABELS,
  Verdict: VERDICT_LABELS,
};

describe('enum words in the schema', () => {
  // The Licence enum once described five of its eight values in words of its own (no MIT, Apache or GPL).
  it('describes every value of every labelled enum with the words from @synapse/domain', async () => {
    const schema = await getSchema();
    for (const [name, labels] of Object.entries(LABELLED)) {
      const type = schema.getType(name) as GraphQLEnumType | undefined;
      expect(type?.astNode?.kind ?? type?.constructor.name, name).toMatch(/Enum/);
      const described = Object.fromEntries(type!.getValues().map((value) => [value.name, value.description]));
      expect(described, name).toEqual(labels);
    }
  });
});
