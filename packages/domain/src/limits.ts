/** Input limits shared by the API's validation and the web client's checks before it sends a form. */
export const LIMITS = {
  titleMax: 160,
  slugMax: 120,
  summaryMax: 600,
  longTextMax: 10_000,
  shortTextMax: 200,
  themeMax: 60,
  themesMax: 12,
  serviceAreasMax: 5,
  placesMax: 50,
  partnersMax: 20,
  measuresMax: 20,
  /** A measure's unit: "%", "days", "people per 1,000". */
  unitMax: 40,
  /** Why a published experiment was withdrawn, shown to readers: a sentence, not a word. */
  withdrawalReasonMin: 10,
  urlMax: 2_000,
  externalIdMax: 120,
  moneyMax: 1_000_000_000,
  pageSizeMax: 100,
  pageSizeDefault: 20,
  filterValuesMax: 50,
} as const;
