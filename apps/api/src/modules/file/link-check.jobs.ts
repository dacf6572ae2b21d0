import { QueryOrder } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { Artefact } from '../artefact/artefact.entity.js';
import type { JobHandler, JobSchedule } from '../job/job.types.js';
import { notifyTeam } from './file-notify.js';
import { checkLink } from './link-check.js';

export const CHECK_LINKS = 'file.check-links';

export interface LinkCheckOptions {
  /** Each link is checked at most this often. */
  everyMs: number;
  /** Links per run (the schedule runs hourly). */
  batch: number;
  timeoutMs: number;
  /** Politeness: the pause between two requests to the same host. */
  perHostSpacingMs: number;
}

export const LINK_CHECK_DEFAULTS: LinkCheckOptions = { everyMs: 24 * 60 * 60_000, batch: 100, timeoutMs: 10_000, perHostSpacingMs: 2_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Checks the external links due a check (never checked, or not for `everyMs`), oldest first, one host at a
 * time with a pause between requests to it. A link that stops working is flagged, and the team told once.
 */
export async function runLinkChecks(em: EntityManager, config: AppConfig, now: Date, options: LinkCheckOptions = LINK_CHECK_DEFAULTS): Promise<number> {
  const due = await em.find(
    Artefact,
    {
      $not: { url: { $like: `${config.publicUrl}/files/%` } },
      $or: [{ linkCheckedAt: null }, { linkCheckedAt: { $lt: new Date(now.getTime() - options.everyMs) } }],
    },
    { orderBy: { linkCheckedAt: QueryOrder.ASC_NULLS_FIRST, id: QueryOrder.ASC }, limit: options.batch },
  );
  const lastCall = new Map<string, number>();
  const policy = { allowLoopback: config.files.linkCheckAllowLoopback };
  for (const artefact of due) {
    const host = hostOf(artefact.url);
    const wait = (lastCall.get(host) ?? -Infinity) + options.perHostSpacingMs - Date.now();
    if (wait > 0) await sleep(wait);
    const result = await checkLink(artefact.url, policy, options.timeoutMs);
    lastCall.set(host, Date.now());
    const wasBroken = artefact.linkStatus === 'BROKEN';
    // The version column is left alone: a check is not an edit, and must not make an editor's save conflict.
    const changes = result.works
      ? { linkStatus: 'OK', linkCheckedAt: now, linkLastWorkedAt: now, linkProblem: null, linkFailures: 0 }
      : { linkStatus: 'BROKEN', linkCheckedAt: now, linkProblem: result.problem, linkFailures: artefact.linkFailures + 1 };
    await em.nativeUpdate(Artefact, { id: artefact.id }, changes);
    if (!result.works && !wasBroken) {
      const message = `The link for “${artefact.title}” no longer works (${result.problem}). Replace it with a new link or upload the file.`;
      await notifyTeam(em, artefact.experiment.id, `link-broken:${artefact.id}:${now.getTime()}`, message);
      await em.flush();
    }
  }
  return due.length;
}

export const LINK_CHECK_HANDLER: JobHandler = {
  type: CHECK_LINKS,
  maxAttempts: 2,
  leaseMs: 60 * 60_000,
  run: async (_payload, { em, config, now }) => void (await runLinkChecks(em, config, now())),
};

export const LINK_CHECK_SCHEDULE: JobSchedule = { type: CHECK_LINKS, everyMs: 60 * 60_000 };
