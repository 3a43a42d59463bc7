// Check 9: automated accessibility checks with axe-core on the main pages.
// Every violation found is printed with its nodes; the test fails on
// violations of impact "serious" or "critical".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, runAxe, formatViolations, TEST_TIMEOUT } from './helpers.mjs';

const site = useSite();

const pages = [
  { path: '/vi', locale: 'vi-VN', status: 200 },
  { path: '/en', locale: 'en-GB', status: 200 },
  { path: '/en/members', locale: 'en-GB', status: 200 },
  { path: '/vi/members?q=viet+nam', locale: 'vi-VN', status: 200 },
  { path: '/en/members?region=999', locale: 'en-GB', status: 400 },
  { path: '/en/members/viet-nam', locale: 'en-GB', status: 200 },
  { path: '/vi/members/viet-nam', locale: 'vi-VN', status: 200 },
  { path: '/en/events', locale: 'en-GB', status: 200 },
  { path: '/en/events/gccs-2015', locale: 'en-GB', status: 200 },
  { path: '/vi/search?q=ha+lan', locale: 'vi-VN', status: 200 },
  { path: '/en/search?q=hague&type=event', locale: 'en-GB', status: 200 },
];

for (const { path, locale, status } of pages) {
  test(`axe finds no serious or critical violations on ${path}`, { timeout: TEST_TIMEOUT }, async (t) => {
    // The site's Content-Security-Policy only allows same-origin scripts;
    // bypass it so that the axe-core bundle can be injected.
    const context = await newContext(site.browser, { locale, bypassCSP: true });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${site.url}${path}`);
      assert.equal(response.status(), status);

      const results = await runAxe(page);
      const { violations } = results;
      if (violations.length > 0) {
        const report = `axe violations on ${path}:\n${formatViolations(violations)}`;
        console.log(report);
        t.diagnostic(`${violations.length} violation(s): ${violations.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
      }
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.equal(
        blocking.length,
        0,
        `serious or critical violations on ${path}:\n${formatViolations(blocking)}`,
      );
      t.diagnostic(
        `axe-core ${results.testEngine.version}: ${results.passes.length} rules passed, ` +
          `${violations.length} violated, ${results.incomplete.length} need review`,
      );
      assert.ok(results.passes.length > 0, 'axe-core ran its rules');
    } finally {
      await context.close();
    }
  });
}
