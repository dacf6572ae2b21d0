import type { CombinedError } from 'urql';
import type { ManageOrganisationQuery } from '../../generated/graphql.js';

export type ManagedOrganisation = NonNullable<ManageOrganisationQuery['organisation']>;

/** Runs a change; on success the page fetches again, otherwise it shows what was wrong. Resolves to success. */
export type Act = (change: Promise<{ error?: CombinedError }>, labels?: Record<string, string>) => Promise<boolean>;
