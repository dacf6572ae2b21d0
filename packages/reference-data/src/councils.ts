import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { CouncilType, Nation, RuralUrbanClass, slugify } from '@synapse/domain';

const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export const REFERENCE_DATA_ATTRIBUTION =
  'Council data: mySociety, UK Local Authority Names and Codes, Composite UK IMD and la_distance (CC BY 4.0). ' +
  'Hex map layouts: Open Innovations hexmaps (MIT).';

/** Which HexJSON layout a council's hexagon comes from. */
export type HexLayout = 'DISTRICTS_2023' | 'UPPER_TIER';

/** One current UK council, joined across the reference files. Missing figures are null, never guessed. */
export interface CouncilRecord {
  laCode: string;
  gssCode: string;
  name: string;
  officialName: string;
  slug: string;
  nation: Nation;
  region: string;
  councilType: CouncilType;
  population: number | null;
  areaKm2: number | null;
  density: number | null;
  deprivationScore: number | null;
  deprivationQuintile: number | null;
  /** Shares of the population in areas of low, medium and high deprivation (0–1; they sum to 1). */
  lowDeprivationShare: number | null;
  mediumDeprivationShare: number | null;
  highDeprivationShare: number | null;
  /** Other names the council goes by (mySociety's alt-names, as given: mixed case, duplicates removed). */
  altNames: string[];
  ruralUrbanClass: RuralUrbanClass | null;
  latitude: number | null;
  longitude: number | null;
  hexLayout: HexLayout | null;
  hexQ: number | null;
  hexR: number | null;
}

const NATIONS: Record<string, Nation> = {
  England: Nation.ENGLAND,
  Scotland: Nation.SCOTLAND,
  Wales: Nation.WALES,
  'Northern Ireland': Nation.NORTHERN_IRELAND,
};

const COUNCIL_TYPES: Record<string, CouncilType> = {
  County: CouncilType.COUNTY,
  'Non-metropolitan district': CouncilType.NON_METROPOLITAN_DISTRICT,
  'Unitary authority': CouncilType.UNITARY_AUTHORITY,
  'Metropolitan district': CouncilType.METROPOLITAN_DISTRICT,
  'London borough': CouncilType.LONDON_BOROUGH,
  'City corporation': CouncilType.CITY_CORPORATION,
  'Scottish unitary authority': CouncilType.SCOTTISH_UNITARY_AUTHORITY,
  'Welsh unitary authority': CouncilType.WELSH_UNITARY_AUTHORITY,
  'NI district': CouncilType.NI_DISTRICT,
  'Combined authority': CouncilType.COMBINED_AUTHORITY,
  'Strategic Regional Authority': CouncilType.STRATEGIC_REGIONAL_AUTHORITY,
};

const RURAL_URBAN: Record<string, RuralUrbanClass> = {
  Urban: RuralUrbanClass.URBAN,
  'Urban with rural areas': RuralUrbanClass.URBAN_WITH_RURAL_AREAS,
  Rural: RuralUrbanClass.RURAL,
  'Sparse and rural': RuralUrbanClass.SPARSE_AND_RURAL,
};

type Row = Record<string, string>;

/** The rows of a CSV file, checked to have the columns the code reads (a renamed column fails loudly, not as undefined). */
function readCsv<Column extends string>(file: string, columns: readonly Column[]): (Row & Record<Column, string>)[] {
  const rows: Row[] = parse(readFileSync(DATA_DIR + file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
  const missing = columns.filter((column) => rows.some((row) => row[column] === undefined));
  if (missing.length) throw new Error(`${file} has no ${missing.join(', ')} column in some rows`);
  return rows as (Row & Record<Column, string>)[];
}

function readHexes(file: string): Record<string, { q: number; r: number }> {
  return JSON.parse(readFileSync(DATA_DIR + file, 'utf8')).hexes;
}

function num(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function splitAltNames(value: string | undefined): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of (value ?? '').split(',')) {
    const trimmed = name.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) {
      seen.add(trimmed.toLowerCase());
      names.push(trimmed);
    }
  }
  return names;
}

function required<T>(map: Record<string, T>, key: string, what: string): T {
  const value = map[key];
  if (value === undefined) throw new Error(`Unknown ${what} in reference data: ${JSON.stringify(key)}`);
  return value;
}

/** All current UK councils (397 in the shipped data), sorted by GSS code. */
export function loadCouncils(): CouncilRecord[] {
  const imd = new Map(readCsv('la_imd.csv', ['local-authority-code']).map((row) => [row['local-authority-code'], row]));
  const ruralUrban = new Map(readCsv('la_rural_urban.csv', ['local-authority-code', 'label']).map((row) => [row['local-authority-code'], row.label]));
  const districtHexes = readHexes('uk-local-authority-districts-2023.hexjson');
  const upperTierHexes = readHexes('uk-upper-tier-local-authorities.hexjson');

  const current = readCsv('uk_local_authorities_current.csv', ['current-authority', 'local-authority-code', 'gss-code', 'nice-name', 'official-name', 'nation', 'region', 'local-authority-type-name']).filter((row) => row['current-authority'] === 'True');
  const slugCounts = new Map<string, number>();
  for (const row of current) {
    const slug = slugify(row['nice-name']);
    slugCounts.set(slug, (slugCounts.get(slug) ?? 0) + 1);
  }

  return current
    .map((row): CouncilRecord => {
      const laCode = row['local-authority-code'];
      const gssCode = row['gss-code'];
      const deprivation = imd.get(laCode);
      const ruralLabel = ruralUrban.get(laCode);
      const districtHex = districtHexes[gssCode];
      const hex = districtHex ?? upperTierHexes[gssCode];
      const baseSlug = slugify(row['nice-name']);
      // A few names repeat across tiers (a county and its city): the three-letter code keeps slugs unique.
      const slug = (slugCounts.get(baseSlug) ?? 0) > 1 ? `${baseSlug}-${laCode.toLowerCase()}` : baseSlug;
      return {
        laCode,
        gssCode,
        name: row['nice-name'],
        officialName: row['official-name'],
        slug,
        nation: required(NATIONS, row.nation, 'nation'),
        region: row.region,
        councilType: required(COUNCIL_TYPES, row['local-authority-type-name'], 'council type'),
        population: num(row['pop-2020']),
        areaKm2: num(row.area),
        density: num(deprivation?.density),
        deprivationScore: num(deprivation?.['la-deprivation-score']),
        deprivationQuintile: num(deprivation?.['la-imd-pop-quintile']),
        lowDeprivationShare: num(deprivation?.['low-deprivation']),
        mediumDeprivationShare: num(deprivation?.['medium-deprivation']),
        highDeprivationShare: num(deprivation?.['high-deprivation']),
        altNames: splitAltNames(row['alt-names']),
        ruralUrbanClass: ruralLabel ? required(RURAL_URBAN, ruralLabel, 'rural-urban class') : null,
        latitude: num(row.lat),
        longitude: num(row.long),
        hexLayout: hex ? (districtHex ? 'DISTRICTS_2023' : 'UPPER_TIER') : null,
        hexQ: hex ? hex.q : null,
        hexR: hex ? hex.r : null,
      };
    })
    .sort((a, b) => a.gssCode.localeCompare(b.gssCode));
}
