import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { activate, chooseRadio, typeInto } from './keyboard.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';
import { closeContextsAfterEachTest, landedSignedIn, waitForText } from './session.js';

// The conversation journeys: an officer asks the team behind another council's experiment a question, a team
// member hears about it and answers, the asker hears back and marks it answered, and the question is found by
// search. Then a report: a moderator hides the post and it is gone from the page, search and the feed.

const EXPERIMENT = '/experiments/volunteer-drivers-to-speed-up-hospital-discharge';
const ASKER = 'sam.okafor@wigan.councils.example';
const TEAM = 'amira.hassan@leeds.councils.example'; // a demo officer at Leeds, which leads the experiment
const MODERATOR = 'moderator@platform.example';
const LEEDS_EDITOR = 'joe.marsh@leeds.councils.example'; // a first sign-in from Leeds' verified domain: an editor, who may add co-editors
const QUESTION = 'How did you brief ward staff about the drivers?';
const SPAM = 'Cheap zanzibar watches for every ward';

let synapse: RunningSynapse;
// A test's own browser contexts close when it ends, even when it fails or runs out of time (see session.ts).
closeContextsAfterEachTest(() => synapse);
let asker: Page;
let team: Page;
let discussionUrl = '';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${synapse.base}/sign-in`);
  await typeInto(page, page.getByLabel('Work email address'), email);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await activate(page, page.getByRole('link', { name: 'development mailbox' }));
  await activate(page, page.locator('article', { hasText: email }).first().locator('a[href*="/auth/verify"]'));
  await landedSignedIn(page);
  // Signed in: the menu has the account link (on a phone it is folded behind the Menu button, so not yet visible).
  await page.getByRole('link', { name: 'Your account', includeHidden: true }).waitFor({ state: 'attached' });
}


beforeAll(async () => {
  process.env.SYNAPSE_PLATFORM_ADMINS = MODERATOR;
  synapse = await startSynapse();
  // The asker works on a phone-sized screen: every page must work at 375 px.
  asker = await (await synapse.browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  team = await (await synapse.browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  for (const page of [asker, team]) page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await synapse?.stop();
});

it('an officer asks the team behind another council’s experiment a question, with the keyboard, at 375 px', async () => {
  await signIn(asker, ASKER);
  // On a phone the menu folds behind a button, so the page starts on the first screen; the button opens it.
  expect(await asker.getByRole('link', { name: 'Your account' }).isVisible()).toBe(false);
  await activate(asker, asker.getByRole('button', { name: 'Menu' }));
  expect(await asker.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
  await asker.getByRole('link', { name: 'Your account' }).waitFor();
  await asker.goto(`${synapse.base}${EXPERIMENT}`);
  await asker.getByText('1 council is trying this too').waitFor();
  await expectAccessible(asker);
  await activate(asker, asker.getByRole('link', { name: 'Ask the team a question' }).first());
  await asker.getByRole('heading', { level: 1, name: /Ask Leeds/ }).waitFor();
  await expectAccessible(asker);
  await typeInto(asker, asker.getByLabel('Your question'), QUESTION);
  await typeInto(asker, asker.getByLabel('Details'), 'We start in January. Did you give wards a **one-page** guide?');
  await activate(asker, asker.getByRole('button', { name: 'Ask question' }));
  await asker.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
  discussionUrl = asker.url();
  expect(await asker.locator('.synapse-post__body strong').textContent()).toBe('one-page');
  expect(await asker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await asker.screenshot({ path: `${SCREENSHOTS}discussion-375.png`, fullPage: true });
  await expectAccessible(asker);
});

it('a team member sees the notification and answers; the reply is marked as the team’s', async () => {
  await signIn(team, TEAM);
  await waitForText(team, `${synapse.base}/notifications`, 'asked your team a question');
  await activate(team, team.getByRole('link', { name: new RegExp(QUESTION.replace('?', '\\?')) }));
  await team.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
  await typeInto(team, team.getByLabel('Your reply'), 'Yes: a one-page guide for ward sisters, and a named discharge coordinator on each ward.');
  await activate(team, team.getByRole('button', { name: 'Post reply' }));
  const reply = team.locator('article', { hasText: 'named discharge coordinator' });
  await reply.waitFor();
  expect(await reply.locator('.govuk-tag', { hasText: 'Team' }).count()).toBe(1);
  await expectAccessible(team);
});

it('the asker is notified, marks the reply as the answer, and the question is found by search', async () => {
  await waitForText(asker, `${synapse.base}/notifications`, 'replied to');
  await asker.goto(discussionUrl);
  await activate(asker, asker.getByRole('button', { name: /Mark as the answer/ }));
  await asker.locator('article .govuk-tag', { hasText: 'Answer' }).waitFor();
  await asker.locator('p .govuk-tag', { hasText: 'Answered' }).waitFor();
  await waitForText(asker, `${synapse.base}/questions?q=${encodeURIComponent('brief ward staff')}`, QUESTION);
  await expectAccessible(asker);
});

it('a reported post, once a moderator hides it, is gone from the page, search and the feed', async () => {
  await team.goto(discussionUrl);
  await typeInto(team, team.getByLabel('Your reply'), SPAM);
  await activate(team, team.getByRole('button', { name: 'Post reply' }));
  await team.locator('article', { hasText: SPAM }).waitFor();
  await waitForText(asker, `${synapse.base}/questions?q=zanzibar`, QUESTION);

  await asker.goto(discussionUrl);
  const spam = asker.locator('article', { hasText: SPAM });
  await activate(asker, spam.locator('summary', { hasText: 'Report this post' }));
  await typeInto(asker, spam.getByLabel('What is wrong with it?'), 'Advertising');
  await activate(asker, spam.getByRole('button', { name: 'Send report' }));
  await spam.getByText('a moderator will look at it').waitFor();

  const moderator = await (await synapse.browser.newContext()).newPage();
  await signIn(moderator, MODERATOR);
  await activate(moderator, moderator.getByRole('link', { name: 'Moderation' }));
  await moderator.getByRole('heading', { level: 1, name: 'Reported posts' }).waitFor();
  await expectAccessible(moderator);
  const reported = moderator.locator('article', { hasText: SPAM });
  await activate(moderator, reported.locator('summary', { hasText: 'Hide this post' }));
  await typeInto(moderator, reported.getByLabel('Reason (kept in the audit log)'), 'Spam');
  await activate(moderator, reported.getByRole('button', { name: 'Hide post' }));
  await moderator.getByText('Nothing is waiting for a moderator.').waitFor();

  const reader = await (await synapse.browser.newContext()).newPage();
  await reader.goto(discussionUrl);
  await reader.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
  expect(await reader.locator('main').textContent()).not.toContain(SPAM);
  await waitForText(reader, `${synapse.base}/questions?q=zanzibar`, QUESTION, false);
  const id = discussionUrl.split('/').at(-1);
  const feed = await (await fetch(`${synapse.base}/feeds/discussions/${id}.atom`)).text();
  expect(feed).toContain('named discharge coordinator');
  expect(feed).not.toContain('zanzibar');
});

it('the team invites a council that is trying it too to co-edit; the officer accepts from their notifications and can then edit it', async () => {
  // Wigan says "we're trying this too", at 375 px.
  await asker.goto(`${synapse.base}${EXPERIMENT}`);
  await activate(asker, asker.locator('summary', { hasText: 'We’re trying this too' }));
  await chooseRadio(asker, asker.getByLabel('Trying it too'));
  await typeInto(asker, asker.getByLabel('Anything the team should know (optional)'), 'Starting with our infirmary in January.');
  await activate(asker, asker.getByRole('button', { name: 'Save' }));
  await asker.getByText(/Saved\. The team can see/).waitFor();

  // A Leeds editor invites Sam from the interest list, at 1280 px, and sees the invitation was sent.
  const editor = await (await synapse.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  editor.setDefaultTimeout(15_000);
  await signIn(editor, LEEDS_EDITOR);
  await editor.goto(`${synapse.base}${EXPERIMENT}`);
  const row = editor.locator('tr', { hasText: 'Starting with our infirmary in January.' });
  await activate(editor, row.getByRole('button', { name: 'Invite Sam Okafor as co-editor' }));
  await editor.getByText('Invitation sent to Sam Okafor').waitFor();
  await row.getByText('Invited to co-edit: waiting for an answer').waitFor();
  await editor.screenshot({ path: `${SCREENSHOTS}co-editor-invited-1280.png`, fullPage: true });
  expect(await row.getByRole('button', { name: /Invite .* as co-editor/ }).count()).toBe(0);
  await expectAccessible(editor);
  await editor.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(editor);

  // Sam hears through the notification fan-out (a background job), accepts, and the edit pages open to them.
  await asker.goto(`${synapse.base}${EXPERIMENT}/edit`);
  await asker.getByRole('heading', { level: 1, name: 'You cannot edit this experiment' }).waitFor();
  await waitForText(asker, `${synapse.base}/notifications`, 'invites you to co-edit');
  await expectAccessible(asker);
  await activate(asker, asker.getByRole('button', { name: /^Accept the invitation to co-edit/ }));
  await asker.getByText('You accepted: you can now edit this experiment').waitFor();
  await asker.screenshot({ path: `${SCREENSHOTS}co-editor-accepted-375.png`, fullPage: true });
  expect(await asker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(asker);
  await activate(asker, asker.getByRole('link', { name: /^Edit “/ }));
  await asker.getByRole('link', { name: 'About the experiment' }).waitFor();
  expect(await asker.getByRole('heading', { name: 'You cannot edit this experiment' }).count()).toBe(0);
  await expectAccessible(asker);

  // The team's list now says so (accepting is not a background job: the list shows it at once when it loads).
  await editor.goto(`${synapse.base}${EXPERIMENT}`);
  await row.getByText('Co-editor (accepted your invitation)').waitFor();
  expect(await row.getByRole('button').count()).toBe(0);
}, 150_000); // two more sign-ins, and a background job between invitation and notification
