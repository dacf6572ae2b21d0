// Every published experiment on a theme, with its outcomes, through the typed client (the partner guide's example).
// Run: SYNAPSE_URL=https://synapse.example/graphql SYNAPSE_API_KEY=syn_… node pull-theme.js prevention
import { SearchDocument, SynapseClient } from '../src/index.js';

const client = new SynapseClient({ url: process.env.SYNAPSE_URL ?? 'http://localhost:4000/graphql', apiKey: process.env.SYNAPSE_API_KEY });
const theme = process.argv[2] ?? 'prevention';
const hits = client.paginate(SearchDocument, { query: '', filter: { themes: [theme] }, first: 50 }, (data) => ({
  nodes: data.search.hits,
  pageInfo: data.search.pageInfo,
}));
for await (const { experiment } of hits) {
  console.log(`${experiment.title} (${experiment.leadOrganisation.name}):`, experiment.outcomes.map((o) => `${o.verdict} L${o.evidenceLevel}`).join(', '));
}
