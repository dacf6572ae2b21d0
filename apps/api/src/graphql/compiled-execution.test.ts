import { ApolloServer } from '@apollo/server';
import { MemberRole, Verdict } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../errors.js';
import type { Member } from '../modules/member/member.entity.js';
import { everyField, schemaTypes } from '../../test/every-field.js';
import { buildCouncil, buildExperiment, buildMember } from '../../test/factories.js';
import { createHarness, type Harness } from '../../test/harness.js';
import type { Context } from './context.js';
import { parseOptions, protectionRules } from './protection.js';
import { getSchema } from './schema.js';
import { compileQuery } from 'graphql-jit';
import { compiledExecution } from './compiled-execution.js';

// The API runs operations compiled by graphql-jit (compiled-execution.ts). The same operations run by graphql-js,
// on the same schema and data, must give the same answers: data, nulls, errors with their codes and paths.

let h: Harness;
let member: Member;
let interpreted: ApolloServer<Context>;

beforeAll(async () => {
  h = await createHarness();
  const council = await buildCouncil(h.em());
  const elsewhere = await buildCouncil(h.em());
  member = await buildMember(h.em(), elsewhere, MemberRole.EDITOR);
  const original = await buildExperiment(h.em(), { lead: elsewhere, outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }], artefacts: 1 });
  for (let n = 0; n < 3; n++) {
    await buildExperiment(h.em(), {
      lead: council,
      places: [elsewhere],
      forkOf: n === 1 ? original : undefined,
      outcomes: [{ verdict: Verdict.WORKED }, { verdict: Verdict.NO_EFFECT }],
      artefacts: 2,
      partners: [{ name: 'A charity' }],
      serviceAreas: ['public-health', 'adult-social-care'],
    });
  }
  interpreted = new ApolloServer<Context>({ schema: await getSchema(), formatError, includeStacktraceInErrorResponses: false, validationRules: protectionRules, parseOptions });
  await interpreted.start();
});

afterAll(async () => {
  await interpreted.stop();
  await h.close();
});

/** The answer from the app's Apollo (the second time: an operation is compiled when its document is run again), and from graphql-js. */
async function both(query: string, variables: Record<string, unknown> = {}, as: Member | null = null) {
  const first = await h.run(query, variables, as);
  const compiled = await h.run(query, variables, as);
  const plain = await h.run(query, variables, as, { apollo: interpreted });
  expect(first, 'the first run, interpreted').toEqual(plain);
  return { compiled, plain };
}

describe('compiled execution', () => {
  it('answers every field of Experiment, Outcome, Artefact and Organisation as graphql-js does, anonymously and for a member', async () => {
    const types = await schemaTypes(h);
    const queries = [
      `{ experiments(first: 10) { totalCount nodes { ${everyField(types, 'Experiment', 1)} } } }`,
      `{ experiments(first: 10) { nodes { id outcomes { ${everyField(types, 'Outcome', 1)} } artefacts { ${everyField(types, 'Artefact', 1)} } } } }`,
      `{ organisations(first: 10) { totalCount nodes { ${everyField(types, 'Organisation', 1)} } } }`,
    ];
    for (const as of [null, member]) {
      for (const query of queries) {
        const { compiled, plain } = await both(query, {}, as);
        expect(compiled.errors, query).toBeUndefined();
        expect(compiled).toEqual(plain);
        expect(JSON.stringify(compiled.data)).toContain('"id"');
      }
    }
  });

  it('handles variables, defaults, aliases, fragments and @include / @skip alike', async () => {
    const query = `query($first: Int = 2, $withOutcomes: Boolean!, $areas: [String!]) {
      a: experiments(first: $first, filter: { serviceAreas: $areas }) { nodes { ...Card } }
      b: experiments(first: 1) { nodes { slug outcomes @include(if: $withOutcomes) { verdict } title @skip(if: $withOutcomes) } }
    }
    fragment Card on Experiment { id title leadOrganisation { name } ... on Experiment { stage } }`;
    for (const variables of [{ withOutcomes: true }, { withOutcomes: false, first: 3, areas: ['public-health'] }]) {
      const { compiled, plain } = await both(query, variables);
      expect(compiled.errors).toBeUndefined();
      expect(compiled).toEqual(plain);
    }
  });

  it('compiles an operation the second time its query is run, once, and runs it compiled from then on', async () => {
    const compiledNames: (string | undefined)[] = [];
    const counting: typeof compileQuery = (schema, document, operationName, options) => {
      compiledNames.push(operationName);
      return compileQuery(schema, document, operationName, options);
    };
    const apollo = new ApolloServer<Context>({ gateway: compiledExecution(await getSchema(), counting), formatError });
    await apollo.start();
    try {
      const query = 'query Count { experiments(first: 2) { totalCount nodes { slug } } } query Other { organisations(first: 1) { totalCount } }';
      const answers = [];
      for (let run = 0; run < 4; run++) answers.push(await h.run(query, {}, null, { apollo, operationName: 'Count' }));
      expect(compiledNames).toEqual(['Count']);
      expect(answers[0]!.data.experiments.totalCount).toBe(4);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      await h.run(query, {}, null, { apollo, operationName: 'Other' });
      expect(compiledNames).toEqual(['Count']); // another operation of the same document: its own first run
    } finally {
      await apollo.stop();
    }
  });

  it('reports errors with the same codes, fields and paths', async () => {
    const cases: [string, Record<string, unknown>][] = [
      // A resolver's domain error, with the field at fault.
      ['{ search(query: "x", first: 500) { estimatedTotal } }', {}],
      // A variable of the wrong type, and a required one missing.
      ['query($first: Int!) { experiments(first: $first) { totalCount } }', { first: 'many' }],
      ['query($first: Int!) { experiments(first: $first) { totalCount } }', {}],
      // An input object with an unknown enum value.
      ['query($filter: ExperimentFilter) { experiments(first: 1, filter: $filter) { totalCount } }', { filter: { stages: ['NOT_A_STAGE'] } }],
      // Something only a member may read, asked anonymously.
      ['{ me { id } }', {}],
    ];
    for (const [query, variables] of cases) {
      const { compiled, plain } = await both(query, variables);
      expect(compiled.errors?.length, query).toBeGreaterThan(0);
      const shape = (result: typeof compiled) => ({ data: result.data ?? null, errors: result.errors?.map((error) => ({ code: error.extensions?.code, field: error.extensions?.field, path: error.path, message: error.message })) });
      expect(shape(compiled), query).toEqual(shape(plain));
    }
  });
});
