import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface SynapseClientOptions {
  /** The GraphQL endpoint, e.g. "https://synapse.example/graphql". */
  url: string;
  /** A partner API key ("syn_…"), sent as a Bearer token. Optional: public data needs none. */
  apiKey?: string;
  fetch?: typeof fetch;
}

/** A GraphQL error from Synapse, with its stable code and, for bad input, the field at fault. */
export class SynapseError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly field: string | undefined,
    readonly status: number,
  ) {
    super(message);
    this.name = 'SynapseError';
  }
}

export interface Page<TNode> {
  nodes: TNode[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** A small typed client: every operation's variables and result are checked against the published schema. */
export class SynapseClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SynapseClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
    const response = await this.fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
    const body = (await response.json()) as { data?: TResult; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
    const [error] = body.errors ?? [];
    if (error) {
      throw new SynapseError(error.message, error.extensions?.code, error.extensions?.field, response.status);
    }
    if (!body.data) throw new SynapseError(`Synapse answered ${response.status} without data`, undefined, undefined, response.status);
    return body.data;
  }

  /**
   * Every node of a paged list, fetching page after page with the cursor. `select` picks the connection
   * out of each result, e.g. `(data) => data.experiments`.
   */
  async *paginate<TResult, TVariables extends { after?: string | null }, TNode>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    select: (result: TResult) => Page<TNode>,
  ): AsyncGenerator<TNode> {
    let after: string | null | undefined = variables.after ?? null;
    for (;;) {
      const page = select(await this.request(document, { ...variables, after }));
      yield* page.nodes;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }
}
