// Search as a person uses it: the box in the header of every page, results with the matched
// words marked, facets that narrow the results, and both languages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, htmlLang, TEST_TIMEOUT } from './helpers.mjs';

const site = useSite();

async function titles(page) {
  return (await page.locator('ul.results li h3 a').allInnerTexts()).map((s) => s.trim());
}

test('the header search box finds Viet Nam typed without accents, in Vietnamese', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/members`);
    await page.locator('#site-search').fill('viet nam');
    await Promise.all([page.waitForURL((u) => u.pathname === '/vi/search'), page.locator('#site-search').press('Enter')]);
    assert.equal(await htmlLang(page), 'vi');
    const found = await titles(page);
    assert.equal(found[0], 'Việt Nam');
    assert.equal(await page.locator('#q').inputValue(), 'viet nam', 'the query stays in the search form');
    await screenshot(page, 'search-vi');
  } finally {
    await context.close();
  }
});

test('facets narrow English results and matches are marked', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/search?q=netherlands`);
    const before = await titles(page);
    assert.ok(before.length >= 2, `several results before narrowing: ${before}`);
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('type') === 'event'),
      page.locator('nav.facets a', { hasText: /^Event/ }).click(),
    ]);
    assert.deepEqual(await titles(page), ['Global Conference on CyberSpace 2015 (The Hague)']);
    assert.ok((await page.locator('ul.results mark').count()) > 0, 'matched words are marked');
    await Promise.all([
      page.waitForURL((u) => !u.searchParams.has('type')),
      page.locator('nav.facets a.chosen', { hasText: /^Event/ }).click(),
    ]);
    assert.deepEqual(await titles(page), before, 'choosing a chosen facet again removes it');
    await screenshot(page, 'search-facets-en');
  } finally {
    await context.close();
  }
});

test('the search page works without JavaScript and switches language keeping the query', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB', javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/search`);
    await page.locator('#q').fill('Thụy Điển');
    await Promise.all([page.waitForURL((u) => u.searchParams.has('q')), page.getByRole('button', { name: 'Search', exact: true }).last().click()]);
    assert.equal((await titles(page))[0], 'Sweden');
    await Promise.all([page.waitForURL((u) => u.pathname === '/vi/search'), page.locator('nav.lang-switch a').click()]);
    assert.equal((await titles(page))[0], 'Thụy Điển');
  } finally {
    await context.close();
  }
});
