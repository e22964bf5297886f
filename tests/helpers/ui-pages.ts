// Helpers for browser tests of the staff UI: what the side menu shows, drag and drop with a
// real mouse, toasts, and waiting for the server to reach a state.
import type { Locator, Page } from 'playwright-core';

/**
 * The side menu's entries, in order, as the user reads them (section titles excluded). The
 * entries appear as the permissions are checked: read until two reads agree.
 */
export async function menuEntries(page: Page): Promise<string[]> {
  const items = page.locator('[data-testid="menu"] a');
  await items.first().waitFor();
  const read = async () => (await items.allTextContents()).map((t) => t.trim()).filter(Boolean);
  let last = await read();
  for (let i = 0; i < 20; i += 1) {
    await page.waitForTimeout(300);
    const now = await read();
    if (now.join('|') === last.join('|')) return now;
    last = now;
  }
  return last;
}

/** The side menu's section titles (销售, 跟进, …). */
export async function menuSections(page: Page): Promise<string[]> {
  return (await page.locator('[data-testid="menu"] li.MuiListSubheader-root').allTextContents()).map((t) => t.trim());
}

/**
 * Drags `source` onto `target` with the mouse, the way a person does: press, a small
 * first move (drag libraries wait for one before lifting), then steps to the target.
 */
export async function dragTo(page: Page, source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag: source or target not visible');
  const x0 = from.x + from.width / 2;
  const y0 = from.y + Math.min(from.height / 2, 20);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 8, y0 + 8, { steps: 4 });
  await page.waitForTimeout(150);
  const x1 = to.x + to.width / 2;
  const y1 = to.y + Math.min(to.height / 2, 120);
  await page.mouse.move(x1, y1, { steps: 20 });
  await page.waitForTimeout(250);
  await page.mouse.up();
}

/** Waits for a notification (toast) containing `text` and returns its whole text. */
export async function toast(page: Page, text: string): Promise<string> {
  const snackbar = page.locator('.MuiSnackbarContent-message', { hasText: text }).last();
  await snackbar.waitFor();
  return (await snackbar.textContent())?.trim() ?? '';
}

/** Polls `read` until `accept` holds (server-side effects of a UI action). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > until) throw new Error(`condition not reached; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}
