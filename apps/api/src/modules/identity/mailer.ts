import type { MikroORM } from '@mikro-orm/core';
import type { Transporter } from 'nodemailer';
import type { AppConfig } from '../../config.js';
import { entityManager, type EntityManager } from '../../db/orm.js';
import { DevMail } from './dev-mail.entity.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise (development only) the log and the /dev/mailbox page. */
export function createMailer(config: AppConfig, orm: MikroORM, log: (message: string) => void = console.log): Mailer {
  const smtpUrl = config.smtpUrl;
  if (smtpUrl) {
    // nodemailer (about 8 MiB of a process's memory) is loaded with the first email, as the S3 client and pdfkit are.
    let transport: Promise<Transporter> | null = null;
    return {
      async send(mail) {
        if (!transport) {
          transport = import('nodemailer').then(({ createTransport }) => createTransport(smtpUrl));
          // A transport that could not be made is not kept: the next email (the job queue's retry) tries again.
          transport.catch(() => (transport = null));
        }
        await (await transport).sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
  return {
    async send(mail) {
      const em = entityManager(orm).fork();
      em.persist(Object.assign(new DevMail(), mail));
      await em.flush();
      log(`[dev mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    },
  };
}

/** The latest emails the development mailbox holds, newest first. */
export function latestDevMails(em: EntityManager, limit = 50): Promise<DevMail[]> {
  return em.find(DevMail, {}, { orderBy: { createdAt: 'desc' }, limit });
}
