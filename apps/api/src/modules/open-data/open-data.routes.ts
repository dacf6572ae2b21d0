import type { MikroORM } from '@mikro-orm/core';
import { stringify } from 'csv-stringify';
import { type Response, Router } from 'express';
import { Feed } from 'feed';
import { SERVICE_AREAS } from '@synapse/domain';
import type { AppConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import { findOrganisation } from '../organisation/organisation.service.js';
import type { SearchIndex } from '../search/search-index.js';
import { neutraliseCell, withLabels } from './csv-cells.js';
import { escapeHtml } from '@synapse/domain';
import { DomainError, ErrorCode, errorBody } from '../../errors.js';
import { describeSearch, filterFromParams, normaliseFilter, searchParamsOf } from '../saved-search/search-criteria.js';
import { isUnsafeText } from '../../graphql/text-safety.js';
import { exportedOrganisations, latestPublished, newestMatching } from './open-data-feed.service.js';
import { EXPORT_FORMAT, experimentRow, exportMetadata, OPEN_DATA_LICENCE, publishedExperiments, toRecord } from './open-data.service.js';

type Rows = AsyncGenerator<Record<string, unknown>[]>;

function metadataHeaders(response: Response, config: AppConfig): void {
  const metadata = exportMetadata(config.publicUrl);
  response.setHeader('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`);
  response.setHeader('X-Generated-At', metadata.generatedAt);
  response.setHeader('X-Attribution', metadata.attribution.replace(/[^\x20-\x7e]/g, ''));
}

/** Streams `{ …metadata, <key>: [ …rows ] }` so a large export never sits in memory (the discussions export uses it too). */
export async function streamJson(response: Response, config: AppConfig, key: string, rows: Rows, extra: Record<string, unknown> = {}): Promise<void> {
  metadataHeaders(response, config);
  response.type('application/json');
  const head = JSON.stringify({ ...extra, ...exportMetadata(config.publicUrl) });
  response.write(`${head.slice(0, -1)},${JSON.stringify(key)}:[`);
  let first = true;
  for await (const batch of rows) {
    for (const row of batch) {
      response.write(`${first ? '' : ','}${JSON.stringify(row)}`);
      first = false;
    }
  }
  response.end(']}\n');
}

async function streamCsv(response: Response, config: AppConfig, rows: Rows): Promise<void> {
  metadataHeaders(response, config);
  response.type('text/csv');
  const csv = stringify({ header: true, cast: { boolean: (value) => String(value), string: neutraliseCell } });
  csv.pipe(response);
  for await (const batch of rows) for (const row of batch) csv.write(withLabels(row));
  csv.end();
}

async function* mapBatches<T>(source: AsyncGenerator<T[]>, map: (item: T) => Record<string, unknown>[]): Rows {
  for await (const batch of source) yield batch.flatMap(map);
}

function experimentsOf(orm: MikroORM, organisationId?: string) {
  return publishedExperiments(unitOfWork(orm), organisationId);
}

/**
 * Open data: the whole public dataset as JSON (the import format, so it loads straight back in) and CSV, per
 * organisation too, and Atom feeds. Only published content; no personal data.
 */
export function openDataRoutes({ orm, config, searchIndex }: { orm: MikroORM; config: AppConfig; searchIndex: SearchIndex | null }): Router {
  const router = Router();
  const url = (experiment: Experiment) => `${config.publicUrl}/experiments/${experiment.slug}`;

  const exports = (organisationId?: string) => ({
    experiments: {
      json: (res: Response) => streamJson(res, config, 'experiments', mapBatches(experimentsOf(orm, organisationId), (e) => [toRecord(e)]), EXPORT_FORMAT),
      csv: (res: Response) => streamCsv(res, config, mapBatches(experimentsOf(orm, organisationId), (e) => [experimentRow(e, config.publicUrl)])),
    },
    outcomes: {
      rows: () =>
        mapBatches(experimentsOf(orm, organisationId), (e) =>
          (toRecord(e).outcomes as Record<string, unknown>[]).map((o) => ({ experiment: e.slug, experiment_url: url(e), ...o, measures: JSON.stringify(o.measures) })),
        ),
    },
    artefacts: {
      rows: () => mapBatches(experimentsOf(orm, organisationId), (e) => (toRecord(e).artefacts as Record<string, unknown>[]).map((a) => ({ experiment: e.slug, experiment_url: url(e), ...a }))),
    },
  });

  const send = async (res: Response, organisationId: string | undefined, dataset: string, format: string) => {
    const chosen = exports(organisationId);
    if (dataset === 'experiments') return format === 'json' ? chosen.experiments.json(res) : chosen.experiments.csv(res);
    const rows = dataset === 'outcomes' ? chosen.outcomes.rows() : chosen.artefacts.rows();
    return format === 'json' ? streamJson(res, config, dataset, rows) : streamCsv(res, config, rows);
  };

  router.get('/export/:dataset.:format', async (req, res, next) => {
    const { dataset, format } = req.params;
    if (!['json', 'csv'].includes(format)) return next();
    try {
      if (dataset === 'organisations') {
        const organisations = await exportedOrganisations(unitOfWork(orm));
        const rows = organisations.map((o) => ({
          slug: o.slug,
          name: o.name,
          official_name: o.officialName,
          kind: o.kind,
          gss_code: o.gssCode,
          nation: o.nation,
          region: o.region,
          council_type: o.councilType,
          population: o.population,
          deprivation_quintile: o.deprivationQuintile,
          rural_urban_class: o.ruralUrbanClass,
        }));
        const once = async function* () {
          yield rows;
        };
        return format === 'json' ? await streamJson(res, config, 'organisations', once()) : await streamCsv(res, config, once());
      }
      if (!['experiments', 'outcomes', 'artefacts'].includes(dataset)) return next();
      await send(res, undefined, dataset, format);
    } catch (error) {
      next(error);
    }
  });

  router.get('/export/organisations/:slug/:dataset.:format', async (req, res, next) => {
    const { slug, dataset, format } = req.params;
    if (!['json', 'csv'].includes(format) || !['experiments', 'outcomes', 'artefacts'].includes(dataset)) return next();
    try {
      const organisation = await findOrganisation(unitOfWork(orm), { slug });
      if (!organisation) return next();
      await send(res, organisation.id, dataset, format);
    } catch (error) {
      next(error);
    }
  });

  const atom = (res: Response, title: string, path: string, experiments: Experiment[]) => {
    const feed = new Feed({
      id: `${config.publicUrl}${path}`,
      title,
      link: config.publicUrl,
      updated: experiments[0]?.publishedAt ?? new Date(),
      copyright: OPEN_DATA_LICENCE.text,
      feedLinks: { atom: `${config.publicUrl}${path}` },
      generator: 'Synapse',
    });
    for (const experiment of experiments) {
      feed.addItem({
        id: url(experiment),
        // The feed library marks titles and summaries type="html": escaped, user text reaches readers as text.
        title: escapeHtml(experiment.title),
        link: url(experiment),
        date: experiment.publishedAt ?? experiment.createdAt,
        description: escapeHtml(experiment.summary),
        author: [{ name: experiment.leadOrganisation.getEntity().name }],
      });
    }
    res.type('application/atom+xml').send(feed.atom1());
  };

  const latest = (where: Record<string, unknown>) => latestPublished(unitOfWork(orm), where);

  router.get('/feeds/experiments.atom', async (_req, res, next) => {
    try {
      atom(res, 'New experiments on Synapse', '/feeds/experiments.atom', await latest({}));
    } catch (error) {
      next(error);
    }
  });
  router.get('/feeds/service-areas/:slug.atom', async (req, res, next) => {
    const area = SERVICE_AREAS.find((candidate) => candidate.slug === req.params.slug);
    if (!area) return next();
    try {
      atom(res, `New experiments in ${area.name.toLowerCase()}`, `/feeds/service-areas/${area.slug}.atom`, await latest({ serviceAreas: { slug: area.slug } }));
    } catch (error) {
      next(error);
    }
  });
  router.get('/feeds/organisations/:slug.atom', async (req, res, next) => {
    try {
      const organisation = await findOrganisation(unitOfWork(orm), { slug: req.params.slug });
      if (!organisation) return next();
      atom(res, `New experiments from ${organisation.name}`, `/feeds/organisations/${organisation.slug}.atom`, await latest({ leadOrganisation: organisation.id }));
    } catch (error) {
      next(error);
    }
  });
  router.get('/feeds/search.atom', async (req, res, next) => {
    const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    if (isUnsafeText(query)) {
      const { status, body } = errorBody(ErrorCode.BAD_USER_INPUT, 'Invalid value for q: must not contain NUL characters or unpaired UTF-16 surrogates', { field: 'q' });
      res.status(status).json(body);
      return;
    }
    try {
      // The search page's own filter parameters (saved searches link here with them, search-criteria.ts).
      const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
      const filter = await filterFromParams(params);
      const experiments = await newestMatching(unitOfWork(orm), searchIndex, query, filter);
      const filtered = normaliseFilter(filter);
      const title = Object.keys(filtered).length ? `Experiments: ${describeSearch(query, filtered)}` : `Experiments matching “${query}”`;
      atom(res, title, `/feeds/search.atom?${searchParamsOf(query, filtered)}`, experiments);
    } catch (error) {
      if (error instanceof DomainError) {
        const { status, body } = errorBody(error.code, error.message, error.details);
        res.status(status).json(body);
        return;
      }
      next(error);
    }
  });
  return router;
}
