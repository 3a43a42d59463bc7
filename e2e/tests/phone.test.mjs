// Journey 7: on a small phone screen the pages fit the width, with no
// horizontal scrolling.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, TEST_TIMEOUT } from './helpers.mjs';

const site = useSite();

const PHONE = {
  viewport: { width: 375, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const pages = [
  { path: '/vi', locale: 'vi-VN', shot: 'home-phone-vi' },
  { path: '/en', locale: 'en-GB', shot: 'home-phone-en' },
  { path: '/vi/members', locale: 'vi-VN', shot: 'members-phone-vi' },
  { path: '/en/members?kind=company', locale: 'en-GB', shot: 'members-phone-en' },
  { path: '/vi/members/viet-nam', locale: 'vi-VN', shot: 'member-viet-nam-phone-vi' },
  { path: '/en/events', locale: 'en-GB', shot: 'events-phone-en' },
  { path: '/en/events/gccs-2015', locale: 'en-GB', shot: 'event-gccs-2015-phone-en' },
];

for (const { path, locale, shot } of pages) {
  test(`${path} fits a 375×740 phone screen without horizontal scrolling`, { timeout: TEST_TIMEOUT }, async () => {
    const context = await newContext(site.browser, { ...PHONE, locale });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${site.url}${path}`);
      assert.equal(response.status(), 200);
      assert.ok(await page.locator('h1').isVisible(), 'the heading is visible');

      const size = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        bodyScrollWidth: document.body.scrollWidth,
      }));
      assert.equal(size.innerWidth, 375, 'the page uses the device width (viewport meta tag)');
      assert.ok(
        size.scrollWidth <= size.innerWidth,
        `no horizontal scrolling: scrollWidth ${size.scrollWidth} > innerWidth ${size.innerWidth}`,
      );

      // Name the elements sticking out, if any, to help fixing.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 5)
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      assert.deepEqual(wide, [], 'no element extends past the right edge');

      await screenshot(page, shot);
    } finally {
      await context.close();
    }
  });
}
