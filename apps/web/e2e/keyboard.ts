import type { Locator, Page } from 'playwright-core';

/**
 * Keyboard-only helpers for the end-to-end tests: they reach elements with Tab and act with the keys a
 * keyboard user would press, so a journey that uses them proves it can be done without a mouse.
 */
const MAX_TABS = 250;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until the target has focus (fails if it never does: then it cannot be reached by keyboard). */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with the Tab key`);
}

/** Tabs to a text box and types into it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tabs to a link or button and presses Enter. */
export async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Tabs to a checkbox and presses Space. */
export async function tick(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Space');
}

/**
 * Chooses a radio button as a keyboard user does: Tab into its group (one stop per group), then the arrow
 * keys, which move through the group and select as they go.
 */
export async function chooseRadio(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  const name = await target.getAttribute('name');
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await page.evaluate((group) => (document.activeElement as HTMLInputElement | null)?.name === group, name)) break;
    await page.keyboard.press('Tab');
  }
  for (let presses = 0; presses < 20; presses++) {
    if (await isFocused(target)) {
      if (!(await target.isChecked())) await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Could not choose ${target} with the arrow keys`);
}
