import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Member } from '../member/member.entity.js';
import { signInWithVerifiedEmail } from './identity.service.js';
import { Session } from './session.entity.js';

// Single sign-on creates a member and then a session. They used to be two flushes, so a failure starting the
// session left a member behind who had never signed in; now they commit together or not at all.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('signing in through single sign-on', () => {
  it('creates the member and the session together', async () => {
    const { member, session } = await signInWithVerifiedEmail(h.em(), h.config, 'ayo.bello@sso.example', 'Ayo Bello', 'Firefox');
    const em = h.em();
    expect(await em.findOneOrFail(Member, { email: 'ayo.bello@sso.example' })).toMatchObject({ id: member.id, name: 'Ayo Bello' });
    expect(await em.count(Session, { id: session.id, member: member.id })).toBe(1);
  });

  it('leaves no member behind when the session cannot be written (a failure mid-way writes nothing)', async () => {
    // A session lifetime that makes no date: the member is flushed inside the transaction, then the session's insert fails.
    const broken = { ...h.config, sessionDays: Number.NaN };
    await expect(signInWithVerifiedEmail(h.em(), broken, 'half.written@sso.example', 'Half Written', 'Firefox')).rejects.toThrow();
    const em = h.em();
    expect(await em.count(Member, { email: 'half.written@sso.example' })).toBe(0);
    expect(await em.count(Session, { member: { email: 'half.written@sso.example' } })).toBe(0);
  });
});
