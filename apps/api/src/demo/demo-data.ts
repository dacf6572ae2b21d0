import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '../db/orm.js';
import { type ImportReport, importExperiments, readImportFile } from '../modules/import/import.service.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { ensureDemoDomains } from './demo-member.js';

// The demo experiments live in apps/api/demo/ (the same place relative to src/ and dist/), in the import format.
export const DEMO_FILE = fileURLToPath(new URL('../../demo/experiments.json', import.meta.url));

/** Loads (or reloads: the import is idempotent) the demo experiments. */
export async function seedDemoExperiments(em: EntityManager): Promise<ImportReport> {
  const records = readImportFile(JSON.parse(readFileSync(DEMO_FILE, 'utf8')));
  const report = await importExperiments(em, records);
  const leads = [...new Set(records.map((record) => (record as { leadOrganisation: string }).leadOrganisation))];
  const organisations = await em.find(Organisation, { $or: [{ gssCode: { $in: leads } }, { slug: { $in: leads } }] });
  await ensureDemoDomains(em, organisations.map((organisation) => organisation.id));
  if (report.rejected > 0) {
    const problems = report.records.filter((r) => r.outcome === 'rejected');
    throw new Error(`Demo data has invalid records: ${JSON.stringify(problems, null, 2)}`);
  }
  return report;
}
