import { LocalDateResolver } from 'graphql-scalars';

/** A calendar date, "YYYY-MM-DD". Stored as the same string, so it sorts and compares on every database. */
export const LocalDateScalar = LocalDateResolver;
