import { createServer } from 'node:http';

// The bench's webhook receiver, in a process of its own so that its answers are not delayed by the bench's writing
// clients and index comparisons (it measures Synapse, not the bench). Prints `listening <port>` once, then one JSON
// line per delivery: the webhook's path, the event id and kind, the delivery id header, the redelivery header, when it
// arrived, and whether it was a repeat. It deduplicates as docs/api.md asks partners to: a `synapse-delivery` id it
// has acted on before is answered (204) and not acted on again (`repeat: true`).

const actedOn = new Set<string>();

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk));
  request.on('end', () => {
    const payload = JSON.parse(body) as { id: string; event: string };
    const delivery = String(request.headers['synapse-delivery'] ?? '');
    const repeat = actedOn.has(delivery);
    actedOn.add(delivery);
    const redelivery = request.headers['synapse-redelivery'] === 'true';
    const line = { hook: request.url ?? '', event: String(payload.id), kind: String(payload.event), delivery, redelivery, repeat, at: Date.now() };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    response.writeHead(204).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
