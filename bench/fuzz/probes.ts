import { HOSTILE_STRINGS, type Random } from './generate.js';

export type Principal = 'anonymous' | 'signedIn' | 'staleSession';
export type Post = (body: string, principal: { kind: Principal }, headers?: Record<string, string>) => Promise<Response>;

/** Malformed HTTP: broken JSON, wrong content types, oversized bodies, odd methods and addresses. */
export function httpProbes(base: string, post: Post, { pick }: Random, realSlugs: string[]): (() => Promise<[string, string, Response]>)[] {
  return [
    async () => ['malformed JSON', '{"query": "{ viewer', await post('{"query": "{ viewer', { kind: 'anonymous' })],
    async () => ['JSON array', '[]', await post('[]', { kind: 'anonymous' })],
    async () => ['JSON scalar', '"x"', await post('"x"', { kind: 'anonymous' })],
    async () => ['JSON null', 'null', await post('null', { kind: 'anonymous' })],
    async () => ['batch', '[{query}]', await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), { kind: 'anonymous' })],
    async () => ['text/plain', 'query=', await post('query={ __typename }', { kind: 'anonymous' }, { 'content-type': 'text/plain' })],
    async () => ['form', 'query=', await post('query=%7B__typename%7D', { kind: 'signedIn' }, { 'content-type': 'application/x-www-form-urlencoded' })],
    async () => ['no content type', '{}', await post('{"query":"{ __typename }"}', { kind: 'anonymous' }, {})],
    async () => ['latin1 charset', '{}', await post('{"query":"{ __typename }"}', { kind: 'anonymous' }, { 'content-type': 'application/json; charset=latin1' })],
    async () => ['over 1 MB', '…', await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }), { kind: 'anonymous' })],
    async () => ['query not a string', '{query: 1}', await post(JSON.stringify({ query: 1 }), { kind: 'anonymous' })],
    async () => ['variables not an object', '{variables: 1}', await post(JSON.stringify({ query: '{ __typename }', variables: 'x' }), { kind: 'anonymous' })],
    async () => ['extensions not an object', '{extensions: 1}', await post(JSON.stringify({ query: '{ __typename }', extensions: 1 }), { kind: 'anonymous' })],
    async () => ['persisted wrong hash', 'pq', await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: pick(['0'.repeat(64), 'nope', 7]) } } }), { kind: 'anonymous' })],
    async () => ['persisted wrong version', 'pq', await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: pick([2, '1', null]), sha256Hash: 'x' } } }), { kind: 'anonymous' })],
    async () => ['persisted unknown', 'pq', await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), { kind: 'anonymous' })],
    async () => ['operationName unknown', 'op', await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }), { kind: 'anonymous' })],
    async () => ['two operations, no name', 'op', await post(JSON.stringify({ query: 'query A { __typename } query B { __typename }' }), { kind: 'anonymous' })],
    async () => ['GET mutation', 'GET', ['GET', '', await fetch(`${base}/graphql?query=${encodeURIComponent('mutation { signOut }')}`)][2] as Response],
    async () => ['GET bad variables', 'GET', await fetch(`${base}/graphql?query=%7B__typename%7D&variables=%7B`, { headers: { 'apollo-require-preflight': '1' } })],
    async () => ['GET no query', 'GET', await fetch(`${base}/graphql`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } })],
    async () => ['PUT', 'PUT', await fetch(`${base}/graphql`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })],
    async () => ['DELETE', 'DELETE', await fetch(`${base}/graphql`, { method: 'DELETE' })],
    async () => ['unknown export', 'GET', await fetch(`${base}/export/${pick(['x.csv', 'experiments.xml', 'organisations/nope/outcomes.csv', '..%2f..%2fetc.csv'])}`, { headers: { accept: 'application/json' } })],
    async () => ['export', 'GET', await fetch(`${base}/export/${pick(['experiments', 'outcomes', 'artefacts', 'organisations'])}.${pick(['csv', 'json'])}`)],
    async () => ['feeds', 'GET', await fetch(`${base}/feeds/${pick(['experiments.atom', 'search.atom?q=%00%uD800', `search.atom?q=${encodeURIComponent(pick(HOSTILE_STRINGS).slice(0, 300).replace(/[\uD800-\uDFFF]/g, ''))}`, 'service-areas/nope.atom', `organisations/${pick(realSlugs)}.atom`])}`, { headers: { accept: 'application/json' } })],
    async () => ['auth', 'GET', await fetch(`${base}/auth/${pick(['verify?token=nope', 'verify', 'verify?token=%00', 'oidc/start', 'oidc/callback?state=x&code=y', 'nope'])}`, { headers: { accept: 'application/json' }, redirect: 'manual' })],
    async () => ['repeated field 3000x', 'big', await post(JSON.stringify({ query: `{ ${'serviceAreas { slug } '.repeat(3000)} }` }), { kind: 'anonymous' })],
    async () => ['typename 1 MB', 'big', await post(JSON.stringify({ query: `{ ${'__typename '.repeat(90_000)} }` }), { kind: 'anonymous' })],
  ];
}
