import type { MikroORM } from '@mikro-orm/core';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { latestDevMails } from './mailer.js';
import { escapeHtml } from '@synapse/domain';
import { page } from './pages.js';

/**
 * GET /dev/mailbox: the emails Synapse would have sent, newest first. Mounted only outside production and
 * only when no SMTP_URL is set, so sign-in works on a laptop with no mail server.
 */
export function devMailboxRoute(orm: MikroORM, config: AppConfig): RequestHandler {
  return async (_request, response) => {
    const mails = await latestDevMails(unitOfWork(orm));
    const links = (text: string) =>
      escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => (url.startsWith(escapeHtml(config.publicUrl)) ? `<a href="${url}">${url}</a>` : url));
    const items = mails
      .map(
        (mail) => `<article><h2>${escapeHtml(mail.subject)}</h2>
<p>To <strong>${escapeHtml(mail.to)}</strong>, ${escapeHtml(mail.createdAt.toISOString())}</p>
<pre style="white-space: pre-wrap">${links(mail.text)}</pre></article>`,
      )
      .join('\n');
    response
      .type('html')
      .send(page('Development mailbox', `<p>Emails are shown here because no SMTP_URL is set. This page does not exist in production.</p>${items || '<p>No emails yet.</p>'}`));
  };
}
