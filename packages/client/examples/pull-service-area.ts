// Pull every published experiment in a service area, with its outcomes, into a list: the partner guide's example.
// Run: SYNAPSE_URL=http://localhost:4000/graphql SYNAPSE_API_KEY=syn_… node dist-examples/pull-service-area.js housing-and-homelessness
import { ExperimentsDocument, SynapseClient } from '../src/index.js';

const client = new SynapseClient({ url: process.env.SYNAPSE_URL ?? 'http://localhost:4000/graphql', apiKey: process.env.SYNAPSE_API_KEY });
const area = process.argv[2] ?? 'housing-and-homelessness';

const rows = [];
for await (const experiment of client.paginate(ExperimentsDocument, { filter: { serviceAreas: [area] }, first: 100 }, (data) => data.experiments)) {
  const verdicts = experiment.outcomes.map((outcome) => `${outcome.verdict} (level ${outcome.evidenceLevel})`);
  rows.push({ title: experiment.title, council: experiment.leadOrganisation.name, verdicts: verdicts.join(', ') });
}
console.table(rows);
