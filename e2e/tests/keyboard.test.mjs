// Journey 5: a keyboard user skips the header with the skip link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, TEST_TIMEOUT } from './helpers.mjs';

const site = useSite();

/** A short description of the focused element. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: el.className,
      href: el.getAttribute('href'),
      text: el.innerText ? el.innerText.trim() : '',
    };
  });
}

const pages = [
  { path: '/en', skipText: 'Skip to main content', shot: 'skip-link-en' },
  { path: '/vi/members', skipText: 'Chuyển đến nội dung chính', shot: 'skip-link-members-vi' },
  { path: '/en/members/viet-nam', skipText: 'Skip to main content' },
];

for (const { path, skipText, shot } of pages) {
  test(`on ${path} the first Tab focuses the skip link and Enter moves focus to main`, { timeout: TEST_TIMEOUT }, async () => {
    const context = await newContext(site.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}${path}`);
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'nothing focused on load');

      await page.keyboard.press('Tab');
      const first = await focused(page);
      assert.equal(first.tag, 'a');
      assert.match(first.className, /\bskip-link\b/);
      assert.equal(first.href, '#main-content');
      assert.equal(first.text, skipText);

      // The focused skip link is on screen, not parked off to the left.
      const box = await page.locator('.skip-link').boundingBox();
      assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, `skip link visible when focused: ${JSON.stringify(box)}`);
      if (shot) await screenshot(page, shot);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#main-content');
      const after = await focused(page);
      assert.equal(after.tag, 'main');
      assert.equal(after.id, 'main-content');

      // The next Tab goes to the first interactive element inside main, not back to the header.
      await page.keyboard.press('Tab');
      const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
      assert.ok(inMain, 'the next Tab stays in the main content');
    } finally {
      await context.close();
    }
  });
}
