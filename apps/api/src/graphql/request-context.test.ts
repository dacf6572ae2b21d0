import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const UPDATE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { name } }';

// The harness builds its context with the app's builder, so these hold for tests and real requests alike.
describe('the request context shared by the app and the test harness', () => {
  it('treats a member who deleted their account as nobody, even with a session', async () => {
    const member = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR, { deletedAt: new Date() });
    const result = await h.run('{ viewer { id } }', {}, member);
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer).toBeNull();
  });

  it("refuses a member's mutation that does not carry the session's CSRF token, or carries another", async () => {
    const member = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR);
    const missing = await h.run(UPDATE, { input: { name: 'Sam Lee' } }, member, { csrfToken: null });
    expect(errorCodes(missing)).toEqual(['FORBIDDEN']);
    expect(missing.errors![0].extensions!.reason).toBe('csrf');
    const wrong = await h.run(UPDATE, { input: { name: 'Sam Lee' } }, member, { csrfToken: 'someone-elses-token' });
    expect(wrong.errors![0].extensions!.reason).toBe('csrf');
    const sent = await h.run(UPDATE, { input: { name: 'Sam Lee' } }, member);
    expect(sent.data.updateProfile).toEqual({ name: 'Sam Lee' });
  });
});
