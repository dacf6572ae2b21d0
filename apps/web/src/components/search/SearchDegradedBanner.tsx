/** Said when search answers from the database because the search engine cannot (search-fallback.ts in the API). */
export function SearchDegradedBanner() {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="degraded-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="degraded-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          Search is running in a simpler mode for now: results match whole words only and may be less complete.
        </p>
      </div>
    </div>
  );
}
