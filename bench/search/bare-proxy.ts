import { Agent, createServer, request } from 'node:http';

// The floor for any API in front of Meilisearch (bench:profile, docs/performance.md): a bare Node process that
// forwards a search to Meilisearch and answers with the engine's answer parsed and written again as JSON. No
// GraphQL, no database, no snippets: what one more hop and one more JSON round trip cost on this machine.
// Run as its own process, as the API is: node bare-proxy.js <meilisearch url> <key> <port>.

const [meilisearch, key, port] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true });

function readBody(stream: NodeJS.ReadableStream, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

createServer((incoming, response) => {
  readBody(incoming, (body) => {
    const forwarded = request(
      `${meilisearch}/indexes/experiments/search`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'content-length': Buffer.byteLength(body) } },
      (answer) =>
        readBody(answer, (text) => {
          const parsed = JSON.parse(text) as { estimatedTotalHits?: number; hits: unknown[]; facetDistribution?: unknown };
          const out = JSON.stringify({ estimatedTotal: parsed.estimatedTotalHits, hits: parsed.hits.slice(0, 20), facets: parsed.facetDistribution ?? null });
          response.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' }).end(out);
        }),
    );
    forwarded.on('error', () => response.writeHead(502).end());
    forwarded.end(body);
  });
}).listen(Number(port), '127.0.0.1', () => process.send?.('listening'));
