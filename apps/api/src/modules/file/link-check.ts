import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkOutboundUrl, describeFailure, type OutboundPolicy } from '../../http/outbound-url-guard.js';

export const LINK_CHECK_USER_AGENT = 'SynapseLinkChecker/1.0 (+checks that artefact links still work)';

export interface LinkResult {
  works: boolean;
  /** In words when it does not: "HTTP 404", "timed out", "address not allowed"… */
  problem: string | null;
}

/**
 * One bounded request to a checked address (the outbound-URL guard: public addresses only, connecting to the
 * address that was checked). The body is never read beyond the first bytes; redirects are not followed.
 */
async function probe(raw: string, method: 'HEAD' | 'GET', policy: OutboundPolicy, timeoutMs: number): Promise<number> {
  const { url, address, family } = await checkOutboundUrl(raw, policy);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(url, { method, headers: { 'user-agent': LINK_CHECK_USER_AGENT, accept: '*/*' }, lookup: pinned, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      resolve(response.statusCode ?? 0);
      response.destroy(); // the status is all we need: read no body
    });
    request.on('error', reject);
    request.end();
  });
}

/** A link works when it answers 2xx or 3xx. HEAD first; servers that refuse HEAD (405, 501, 403) get a GET. */
export async function checkLink(url: string, policy: OutboundPolicy, timeoutMs = 10_000): Promise<LinkResult> {
  try {
    let status = await probe(url, 'HEAD', policy, timeoutMs);
    if (status === 405 || status === 501 || status === 403 || status === 400) status = await probe(url, 'GET', policy, timeoutMs);
    return status >= 200 && status < 400 ? { works: true, problem: null } : { works: false, problem: `HTTP ${status}` };
  } catch (error) {
    return { works: false, problem: describeFailure(error) };
  }
}
