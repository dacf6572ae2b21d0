import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

const require = createRequire(import.meta.url);

// GraphiQL and React, served from the installed packages: the explorer loads nothing from a CDN.
const ASSETS: Record<string, { file: string; type: string }> = {
  'graphiql.min.js': { file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'), type: 'application/javascript' },
  'graphiql.min.css': { file: join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'), type: 'text/css' },
  'react.production.min.js': { file: join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'), type: 'application/javascript' },
  'react-dom.production.min.js': { file: join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'), type: 'application/javascript' },
};

/** Example operations the explorer opens with, one per tab. */
export const EXAMPLE_OPERATIONS = [
  `# Search, typos and jargon included
query Search {
  search(query: "homelessnes", filter: { nations: [ENGLAND, WALES] }, first: 5) {
    estimatedTotal
    hits { familySize experiment { slug title leadOrganisation { name } } highlights { field snippet } }
    facets { field values { value count } }
  }
}`,
  `# Published experiments in a service area, with their outcomes
query ExperimentsWithOutcomes($after: String) {
  experiments(first: 20, after: $after, filter: { serviceAreas: ["adult-social-care"] }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { slug title leadOrganisation { name gssCode } outcomes { verdict evidenceLevel evaluationDesign } }
  }
}`,
  `# One experiment, its lineage and the evidence across every place that tried it
query Experiment {
  experiment(slug: "volunteer-drivers-to-speed-up-hospital-discharge") {
    title problem approach
    familySummary { summary placesTried workedIn strongestEvidenceLevel }
    lineage { tree { experiment { title leadOrganisation { name } } latestVerdict children { experiment { title } latestVerdict } } }
    artefacts { type title licence url attribution }
  }
}`,
  `# Councils by nation and type, with their profile figures
query Councils {
  organisations(first: 10, filter: { nations: [SCOTLAND], types: [SCOTTISH_UNITARY_AUTHORITY] }) {
    totalCount
    nodes { name gssCode population deprivationQuintile ruralUrbanClass }
  }
}`,
];

function page(): string {
  const tabs = JSON.stringify(EXAMPLE_OPERATIONS.map((query) => ({ query }))).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Synapse API explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css">
<style>body { margin: 0; height: 100vh; } #explorer { height: 100vh; }</style>
</head>
<body>
<div id="explorer">Loading the explorer…</div>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, { fetcher, defaultTabs: ${tabs}, defaultEditorToolsVisibility: true }),
  );
</script>
</body>
</html>`;
}

/** GET /graphql from a browser shows the explorer; GET /explorer/* serves its bundled assets. */
export function explorerRoutes(): Router {
  const router = Router();
  router.get('/graphql', (request, response, next) => {
    const wantsPage = request.accepts(['application/json', 'text/html']) === 'text/html' && request.query.query === undefined && request.query.extensions === undefined;
    if (!wantsPage) return next();
    response.type('html').send(page());
  });
  router.get('/explorer/:asset', (request, response, next) => {
    const asset = ASSETS[request.params.asset];
    if (!asset) return next();
    response.type(asset.type).setHeader('cache-control', 'public, max-age=86400');
    response.sendFile(asset.file);
  });
  return router;
}
