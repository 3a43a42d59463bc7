// Journey 2: the language switcher keeps the visitor on the same page, with
// the same filters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, htmlLang, pathAndQuery, TEST_TIMEOUT } from './helpers.mjs';

const site = useSite();

test('switching language on a filtered directory keeps the page and the filters', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/members?kind=country`);
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.locator('#kind').inputValue(), 'country');
    assert.match(await page.locator('p.result-count').innerText(), /^29 results$/);

    const switcher = page.locator('nav.lang-switch a');
    assert.equal((await switcher.innerText()).trim(), 'Đọc bằng tiếng Việt');
    await switcher.click();
    await page.waitForURL((u) => u.pathname === '/vi/members');

    assert.equal(pathAndQuery(page), '/vi/members?kind=country');
    assert.equal(await htmlLang(page), 'vi');
    assert.equal(await page.locator('#kind').inputValue(), 'country');
    const kindLabel = await page.locator('#kind option:checked').innerText();
    assert.equal(kindLabel.trim(), 'Quốc gia');
    assert.match(await page.locator('p.result-count').innerText(), /^29 kết quả$/);
    assert.equal((await page.locator('nav.lang-switch a').innerText()).trim(), 'Read in English');
    await screenshot(page, 'members-countries-vi');

    // And back again.
    await page.locator('nav.lang-switch a').click();
    await page.waitForURL((u) => u.pathname === '/en/members');
    assert.equal(pathAndQuery(page), '/en/members?kind=country');
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.locator('#kind').inputValue(), 'country');
  } finally {
    await context.close();
  }
});

test('switching language on a member page keeps the member', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/members/viet-nam`);
    assert.equal(await htmlLang(page), 'vi');
    assert.equal((await page.locator('h1').innerText()).trim(), 'Việt Nam');

    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.waitForURL((u) => u.pathname === '/en/members/viet-nam');
    assert.equal(await htmlLang(page), 'en');
    assert.equal((await page.locator('h1').innerText()).trim(), 'Viet Nam');
  } finally {
    await context.close();
  }
});
