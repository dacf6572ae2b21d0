import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Job, JobState } from './job.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const RETRY = `mutation($id: ID!) { retryJob(id: $id) { id state } }`;

describe('retrying dead jobs', () => {
  it('answers NOT_FOUND for an unknown id or a job that is not dead, and leaves the job as it was', async () => {
    const em = h.em();
    const admin = await buildMember(em, null, MemberRole.MEMBER, { platformAdmin: true });
    const pending = Object.assign(new Job(), { type: 'test.pending', payload: {}, runAt: new Date(Date.now() + 3_600_000) });
    await em.persist(pending).flush();

    expect(errorCodes(await h.run(RETRY, { id: '00000000-0000-4000-8000-000000000000' }, admin))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(RETRY, { id: pending.id }, admin))).toEqual(['NOT_FOUND']);
    const after = await h.em().findOneOrFail(Job, { id: pending.id });
    expect(after).toMatchObject({ state: JobState.PENDING, attempts: 0 });
    expect(after.runAt.getTime()).toBe(pending.runAt.getTime());
  });

  it('answers BAD_USER_INPUT on id when it is missing', async () => {
    const admin = await buildMember(h.em(), null, MemberRole.MEMBER, { platformAdmin: true });
    const result = await h.run(RETRY, { id: null }, admin);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(result.errors)).toContain('$id');
  });
});
