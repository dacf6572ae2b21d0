import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { createMailer } from './mailer.js';

// Email over SMTP, to a real SMTP server on this machine (nodemailer's own smtp-server, accepting everything).

let h: Harness;
let server: SMTPServer;
let port: number;
const received: { from: string; to: string[]; message: string }[] = [];

beforeAll(async () => {
  h = await createHarness();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((address) => address.address),
          message: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

describe('the SMTP mailer', () => {
  it('sends each email to the SMTP server named by SMTP_URL, from MAIL_FROM', async () => {
    const config = loadConfig({ PUBLIC_URL: 'https://synapse.test', SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Synapse <no-reply@synapse.test>' });
    const mailer = createMailer(config, h.orm, () => undefined);
    await mailer.send({ to: 'officer@example.gov.uk', subject: 'Your sign-in link', text: 'Follow this link to sign in.' });
    await mailer.send({ to: 'second@example.gov.uk', subject: 'Another', text: 'A second email on the same transport.' });
    expect(received.map((mail) => mail.to)).toEqual([['officer@example.gov.uk'], ['second@example.gov.uk']]);
    expect(received[0]!.from).toBe('no-reply@synapse.test');
    expect(received[0]!.message).toContain('Subject: Your sign-in link');
    expect(received[0]!.message).toContain('Follow this link to sign in.');
  });

  it('fails the send, for the job queue to retry, when the SMTP server cannot be reached', async () => {
    const config = loadConfig({ PUBLIC_URL: 'https://synapse.test', SMTP_URL: 'smtp://127.0.0.1:9' });
    const mailer = createMailer(config, h.orm, () => undefined);
    await expect(mailer.send({ to: 'officer@example.gov.uk', subject: 'Lost', text: 'Nobody listens.' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
