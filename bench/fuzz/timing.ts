import type { GraphQLSchema } from 'graphql';
import { parse, validate } from 'graphql';
import { documentShapeProblem, parseOptions } from '@synapse/api/internal/graphql/protection';
import type { Post } from './probes.js';

const EXPERIMENT_FIELDS = ['id', 'slug', 'title', 'summary', 'problem', 'approach', 'stage', 'status', 'startDate', 'endDate', 'budgetBand', 'version', 'createdAt', 'updatedAt', 'publishedAt', 'themes', 'licence', 'whoItServes', 'whatIsNew', 'fundingSource'];

/** The biggest documents under the 1 MB body limit: the last two are the worst the limits accept. */
export function biggestDocuments(): Record<string, string> {
  return {
    'same field 3,000 times (~60 KB)': `{ ${'serviceAreas { slug name } '.repeat(3000)} }`,
    '__typename 90,000 times (~1 MB)': `{ ${'__typename '.repeat(90_000)} }`,
    'aliases at the token limit': `{ ${Array.from({ length: 700 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    '333 fragments side by side, each with __typename': `{ ${Array.from({ length: 333 }, (_, i) => `...F${i}`).join(' ')} } ${Array.from({ length: 333 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`,
    // The worst the limits let through: every selection at its repeat limit, close to the token limit.
    'experiments 10 times side by side (over the repeat limit)': `{ ${`experiments(first: 1) { nodes { ${EXPERIMENT_FIELDS.map((f) => `${f} `.repeat(4)).join('')} } } `.repeat(10)} }`,
    'accepted: experiments 5 times side by side, 20 fields 5 times each': `{ ${`experiments(first: 1) { nodes { ${EXPERIMENT_FIELDS.map((f) => `${f} `.repeat(5)).join('')} } } `.repeat(5)} }`,
    'accepted: 20 fragments spread side by side': `{ experiments(first: 1) { nodes { ${Array.from({ length: 20 }, (_, i) => `...E${i}`).join(' ')} } } } ${Array.from({ length: 20 }, (_, i) => `fragment E${i} on Experiment { ${EXPERIMENT_FIELDS[i]} ${EXPERIMENT_FIELDS[i % 10]} }`).join(' ')}`,
  };
}

const median = (runs: number[]) => Number(([...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? NaN).toFixed(2));

/** Parse (with the token limit), the limit check and validation, in-process: median of 7. */
export function timeParseAndValidate(schema: GraphQLSchema, documents: Record<string, string>) {
  const timings: Record<string, { bytes: number; outcome: string; medianMs: number }> = {};
  for (const [label, text] of Object.entries(documents)) {
    const runs: number[] = [];
    let outcome = 'accepted';
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      try {
        const document = parse(text, parseOptions);
        const problem = documentShapeProblem(document);
        if (problem) outcome = `refused before validation: ${problem}`;
        else {
          const errors = validate(schema, document);
          outcome = errors.length ? `validation errors (${errors.length})` : 'accepted';
        }
      } catch (error) {
        outcome = `parse refused: ${(error as Error).message.slice(0, 80)}`;
      }
      runs.push(performance.now() - t0);
    }
    timings[label] = { bytes: Buffer.byteLength(text), outcome, medianMs: median(runs) };
  }
  return timings;
}

/** The first two (refused) documents end to end over HTTP, answered by the running API: median of 7. */
export async function timeRoundTrips(post: Post, documents: Record<string, string>) {
  const roundTrips: Record<string, { bytes: number; status: number; medianMs: number }> = {};
  for (const [label, text] of Object.entries(documents).slice(0, 2)) {
    const body = JSON.stringify({ query: text });
    const runs: number[] = [];
    let status = 0;
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      const response = await post(body, { kind: 'anonymous' });
      await response.text();
      status = response.status;
      runs.push(performance.now() - t0);
    }
    roundTrips[label] = { bytes: Buffer.byteLength(body), status, medianMs: median(runs) };
  }
  return roundTrips;
}
