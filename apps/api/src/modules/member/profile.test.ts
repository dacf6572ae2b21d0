import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Member } from './member.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const UPDATE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { name jobTitle } }';

describe('your own name and job title', () => {
  it('replaces the name guessed from the email address, and sets or clears the job title', async () => {
    const member = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR, { name: 'Jo Bloggs' });
    const named = await h.run(UPDATE, { input: { name: '  Joanna   Bloggs ', jobTitle: 'Revenues and benefits manager' } }, member);
    expect(named.data.updateProfile).toEqual({ name: 'Joanna Bloggs', jobTitle: 'Revenues and benefits manager' });
    const cleared = await h.run(UPDATE, { input: { name: 'Joanna Bloggs', jobTitle: '' } }, member);
    expect(cleared.data.updateProfile.jobTitle).toBeNull();
  });

  it('needs a name and a signed-in person, and says so in plain words', async () => {
    const member = await buildMember(h.em(), null, MemberRole.MEMBER);
    const blank = await h.run(UPDATE, { input: { name: '   ' } }, member);
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors?.[0]?.extensions?.reason).toBe('Enter a name');
    expect(blank.errors?.[0]?.extensions?.field).toBe('input.name');
    expect((await h.em().findOneOrFail(Member, member.id)).name).toBe(member.name);
    expect(errorCodes(await h.run(UPDATE, { input: { name: 'Someone' } }))).toEqual(['FORBIDDEN']);
  });
});
