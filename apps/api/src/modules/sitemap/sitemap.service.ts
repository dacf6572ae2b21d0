import type { FilterQuery } from '@mikro-orm/core';
import { ExperimentStatus } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { PUBLIC as PUBLIC_DISCUSSIONS } from '../discussion/discussion-open-data.js';
import { Discussion } from '../discussion/discussion.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

/** The most addresses one sitemap file may hold (sitemaps.org); past it, /sitemap.xml becomes an index. */
export const SITEMAP_PAGE_SIZE = 50_000;

/** One `<url>` of a sitemap: a path on the site and, when known, when its content last changed. */
export interface SitemapEntry {
  path: string;
  lastModified: Date | null;
}

/** How many addresses each part of the sitemap holds (organisations by slug: there are few). */
export interface SitemapCounts {
  fixed: number;
  experiments: number;
  organisations: string[];
  discussions: number;
}

/** Total addresses across every part. */
export function totalOf(counts: SitemapCounts): number {
  return counts.fixed + counts.experiments + counts.organisations.length + counts.discussions;
}

/** Pages that are always there and worth finding. */
const FIXED_PATHS = ['/', '/search', '/questions'];

/** Published experiments a search engine may list: a withdrawn one answers 410 and should drop out. */
const LISTED_EXPERIMENTS = { status: ExperimentStatus.PUBLISHED, withdrawnAt: null };

/** Rows are read this many at a time, so a 50,000-address page never sits in memory. */
const CHUNK = 1000;

const segment = (value: string) => encodeURIComponent(value);

/**
 * What the sitemap lists, in a fixed order (the fixed pages, experiments, organisations, discussions) so that page
 * N of a split sitemap is the same addresses from one request to the next. Made per request with the request's
 * unit of work; each chunk is read in a fork of it, so the identity map never holds more than one chunk.
 */
export class SitemapService {
  constructor(private readonly unit: EntityManager) {}

  private em(): EntityManager {
    return this.unit.fork();
  }

  /** Organisations that lead at least one listed experiment (a few hundred at most: councils and partners). */
  private async organisationSlugs(em: EntityManager): Promise<string[]> {
    const rows: { leadOrganisation: string }[] = await em
      .createQueryBuilder(Experiment, 'e')
      .select('e.leadOrganisation')
      .distinct()
      .where(LISTED_EXPERIMENTS)
      .execute('all');
    const ids = rows.map((row) => row.leadOrganisation).filter(Boolean);
    if (ids.length === 0) return [];
    const organisations = await em.find(Organisation, { id: { $in: ids } }, { fields: ['slug'], orderBy: { slug: 'asc' } });
    return organisations.map((organisation) => organisation.slug);
  }

  /** How many addresses each part holds; the total decides whether the sitemap splits. */
  async counts(): Promise<SitemapCounts> {
    const em = this.em();
    const [experiments, organisations, discussions] = await Promise.all([
      em.count(Experiment, LISTED_EXPERIMENTS),
      this.organisationSlugs(em.fork()),
      em.fork().count(Discussion, PUBLIC_DISCUSSIONS),
    ]);
    return { fixed: FIXED_PATHS.length, experiments, organisations, discussions };
  }


  /** The addresses from position `start` (0-based, across all parts), `size` of them, read in chunks. */
  async *entries(counts: SitemapCounts, start: number, size: number): AsyncGenerator<SitemapEntry[]> {
    let position = start;
    const end = start + size;
    // Each part in turn: the window [position, end) is translated into an offset within the part.
    const fixed = FIXED_PATHS.slice(position, Math.min(end, FIXED_PATHS.length)).map((path) => ({ path, lastModified: null }));
    if (fixed.length) yield fixed;
    position = Math.max(position, FIXED_PATHS.length);
    let base = FIXED_PATHS.length;

    if (position < end && position < base + counts.experiments) {
      const take = Math.min(end, base + counts.experiments) - position;
      yield* this.experimentEntries(position - base, take);
      position += take;
    }
    base += counts.experiments;

    if (position < end && position < base + counts.organisations.length) {
      const slugs = counts.organisations.slice(position - base, end - base);
      yield slugs.map((slug) => ({ path: `/organisations/${segment(slug)}`, lastModified: null }));
      position += slugs.length;
    }
    base += counts.organisations.length;

    if (position < end && position < base + counts.discussions) {
      yield* this.discussionEntries(position - base, Math.min(end, base + counts.discussions) - position);
    }
  }

  /** Listed experiments in id order from `offset`, `take` of them: the first chunk by offset, then by id (keyset). */
  private async *experimentEntries(offset: number, take: number): AsyncGenerator<SitemapEntry[]> {
    let after: string | null = null;
    for (let left = take; left > 0; ) {
      const em = this.em();
      const where: FilterQuery<Experiment> = after ? { ...LISTED_EXPERIMENTS, id: { $gt: after } } : LISTED_EXPERIMENTS;
      const rows: Pick<Experiment, 'id' | 'slug' | 'updatedAt'>[] = await em.find(Experiment, where, {
        fields: ['slug', 'updatedAt'],
        orderBy: { id: 'asc' },
        limit: Math.min(CHUNK, left),
        offset: after ? 0 : offset,
      });
      if (rows.length === 0) return;
      yield rows.map((row) => ({ path: `/experiments/${segment(row.slug)}`, lastModified: row.updatedAt }));
      after = rows[rows.length - 1]!.id;
      left -= rows.length;
    }
  }

  /** Public discussions in id order, as above; last modified is the last post. */
  private async *discussionEntries(offset: number, take: number): AsyncGenerator<SitemapEntry[]> {
    let after: string | null = null;
    for (let left = take; left > 0; ) {
      const em = this.em();
      const where: FilterQuery<Discussion> = after ? { $and: [PUBLIC_DISCUSSIONS, { id: { $gt: after } }] } : PUBLIC_DISCUSSIONS;
      const rows: Pick<Discussion, 'id' | 'lastActivityAt'>[] = await em.find(Discussion, where, {
        fields: ['lastActivityAt'],
        orderBy: { id: 'asc' },
        limit: Math.min(CHUNK, left),
        offset: after ? 0 : offset,
      });
      if (rows.length === 0) return;
      yield rows.map((row) => ({ path: `/discussions/${segment(row.id)}`, lastModified: row.lastActivityAt }));
      after = rows[rows.length - 1]!.id;
      left -= rows.length;
    }
  }
}
