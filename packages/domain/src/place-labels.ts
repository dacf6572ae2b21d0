import { CouncilType, Nation, RuralUrbanClass } from './enums.js';

// Words for the values people filter councils by, capitalised as written in English ("Northern Ireland").
// One source for the web client and the API.

export const NATION_LABELS: Record<Nation, string> = {
  [Nation.ENGLAND]: 'England',
  [Nation.SCOTLAND]: 'Scotland',
  [Nation.WALES]: 'Wales',
  [Nation.NORTHERN_IRELAND]: 'Northern Ireland',
};

export const COUNCIL_TYPE_LABELS: Record<CouncilType, string> = {
  [CouncilType.COUNTY]: 'County council',
  [CouncilType.NON_METROPOLITAN_DISTRICT]: 'District council',
  [CouncilType.UNITARY_AUTHORITY]: 'Unitary authority',
  [CouncilType.METROPOLITAN_DISTRICT]: 'Metropolitan borough',
  [CouncilType.LONDON_BOROUGH]: 'London borough',
  [CouncilType.CITY_CORPORATION]: 'City of London Corporation',
  [CouncilType.SCOTTISH_UNITARY_AUTHORITY]: 'Scottish council',
  [CouncilType.WELSH_UNITARY_AUTHORITY]: 'Welsh council',
  [CouncilType.NI_DISTRICT]: 'Northern Ireland district council',
  [CouncilType.COMBINED_AUTHORITY]: 'Combined authority',
  [CouncilType.STRATEGIC_REGIONAL_AUTHORITY]: 'Strategic regional authority',
};

export const RURAL_URBAN_LABELS: Record<RuralUrbanClass, string> = {
  [RuralUrbanClass.URBAN]: 'Urban',
  [RuralUrbanClass.URBAN_WITH_RURAL_AREAS]: 'Urban with rural areas',
  [RuralUrbanClass.RURAL]: 'Rural',
  [RuralUrbanClass.SPARSE_AND_RURAL]: 'Sparse and rural',
};

/** Deprivation quintiles of the lead council (Index of Multiple Deprivation), 1 the most deprived fifth. */
export const DEPRIVATION_QUINTILE_LABELS: Record<number, string> = {
  1: 'Most deprived fifth',
  2: 'Second most deprived fifth',
  3: 'Middle fifth',
  4: 'Second least deprived fifth',
  5: 'Least deprived fifth',
};

/** Regions that are also nations (Scotland, Wales, Northern Ireland): a region filter would repeat the nation filter. */
export const REGIONS_THAT_ARE_NATIONS: ReadonlySet<string> = new Set(Object.values(NATION_LABELS));
