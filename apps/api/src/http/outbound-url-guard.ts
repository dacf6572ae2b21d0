import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The one guard for every request Synapse makes to an address someone else chose (webhooks today; artefact
 * link checks later). A URL is allowed when it is http(s) and every address its host resolves to is public
 * unicast: loopback, private, link-local, CGNAT (100.64/10), unique-local IPv6, IPv4-mapped IPv6, NAT64,
 * 6to4/Teredo, multicast, reserved and cloud metadata addresses are refused. Classification is ipaddr.js's
 * (the range tables Express's proxy-addr relies on), so this module keeps no lists of its own but metadata.
 */
export interface OutboundPolicy {
  /** Development only (WEBHOOK_ALLOW_LOOPBACK): allow 127.0.0.0/8 and ::1, for a receiver on this machine. */
  allowLoopback: boolean;
  /** How hosts are resolved (tests swap in a fixed answer to play DNS rebinding). */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

/** Why an outbound URL was refused, in words for the person who entered it. */
export class OutboundUrlRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OutboundUrlRefused';
  }
}

// Cloud metadata services that sit outside the ranges above on some providers.
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192']);

/** Whether one IP address may be connected to under the policy. */
export function isAllowedAddress(address: string, policy: Pick<OutboundPolicy, 'allowLoopback'>): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (METADATA.has(parsed.toNormalizedString()) || METADATA.has(parsed.toString())) return false;
  const range = parsed.range();
  if (range === 'loopback') return policy.allowLoopback;
  return range === 'unicast';
}

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

export interface CheckedUrl {
  url: URL;
  /** The address to connect to: one that was checked, so a later DNS answer cannot change it. */
  address: string;
  family: 4 | 6;
}

/** Resolves the URL's host and checks every address; throws OutboundUrlRefused with a reason otherwise. */
export async function checkOutboundUrl(raw: string, policy: OutboundPolicy): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundUrlRefused('is not a valid link');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundUrlRefused('must be an http or https link');
  if (url.username || url.password) throw new OutboundUrlRefused('must not contain a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await (policy.resolve ?? systemResolve)(host);
  } catch {
    throw new OutboundUrlRefused(`has a host name that does not resolve (${host})`);
  }
  const [first] = addresses;
  if (!first) throw new OutboundUrlRefused(`has a host name that does not resolve (${host})`);
  const refused = addresses.find((candidate) => !isAllowedAddress(candidate.address, policy));
  if (refused) throw new OutboundUrlRefused('points to a private, local or reserved network address, which Synapse does not call');
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** The delivery-time check: DNS may have changed since the URL was saved. */
export async function assertDeliverable(url: string, policy: OutboundPolicy): Promise<CheckedUrl> {
  return checkOutboundUrl(url, policy);
}

export interface GuardedResponse {
  status: number;
}

/** What happened to a request, in words for a delivery log ("connection refused", "HTTP 503"…), or null on 2xx. */
export type Outcome = string | null;

/** Words for a failed request, never the raw network error. */
export function describeFailure(error: unknown): string {
  if (error instanceof OutboundUrlRefused) return 'address not allowed';
  const { code, name } = (error ?? {}) as { code?: string; name?: string };
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timed out';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT') || code === 'EPROTO') return 'TLS handshake failed';
  return 'network error';
}

/**
 * POSTs to a URL after checking it, connecting to the checked address (the host name still goes in the Host
 * header and TLS SNI, so certificates are verified as usual). Redirects are not followed. Throws
 * OutboundUrlRefused or a network error; `describeFailure` turns either into words.
 */
export async function guardedPost(
  raw: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
  policy: OutboundPolicy,
): Promise<GuardedResponse> {
  const { url, address, family } = await assertDeliverable(raw, policy);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<GuardedResponse>((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
        lookup: pinned,
        signal: AbortSignal.timeout(init.timeoutMs),
      },
      (response) => {
        response.resume(); // the body is not read; drop it
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

/** Sends and reports: the status code when there was an answer, and an outcome in words unless it was 2xx. */
export async function postAndDescribe(
  raw: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
  policy: OutboundPolicy,
): Promise<{ status: number | null; outcome: Outcome }> {
  try {
    const { status } = await guardedPost(raw, init, policy);
    if (status >= 200 && status < 300) return { status, outcome: null };
    return { status, outcome: status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}` };
  } catch (error) {
    return { status: null, outcome: describeFailure(error) };
  }
}
