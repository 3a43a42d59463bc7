// Journeys 3, 4, 6 and 8: the member directory, used the way a person uses it
// (choosing options, typing, clicking the button), with and without
// JavaScript, opening a member, and recovering from a bad filter value.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, htmlLang, TEST_TIMEOUT } from './helpers.mjs';

const site = useSite();

/** Names of the members listed on the current directory page. */
async function resultNames(page) {
  return (await page.locator('ul.results li h3 a').allInnerTexts()).map((s) => s.trim());
}

/** Click the form's submit button and wait for the resulting page. */
async function submitFilters(page, buttonName) {
  const button = page.getByRole('button', { name: buttonName });
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/members') && u.search !== ''), button.click()]);
  await page.waitForLoadState('load');
}

test('filtering the English directory by region finds Viet Nam alone', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/members`);
    assert.match(await page.locator('p.result-count').innerText(), /^42 results$/);

    const region = page.getByLabel('Region');
    // Sub-regions are indented with dashes in the list, e.g. "— South-eastern Asia".
    const option = region.locator('option', { hasText: /^[—\s]*South-eastern Asia$/ });
    assert.equal(await option.count(), 1, 'one "South-eastern Asia" option');
    await region.selectOption({ label: (await option.textContent()).trim() });
    assert.equal(await region.inputValue(), '035');
    await submitFilters(page, 'Apply filters');

    assert.equal(new URL(page.url()).searchParams.get('region'), '035');
    assert.equal(await page.locator('#region').inputValue(), '035', 'the chosen region stays selected');
    assert.equal((await page.locator('p.result-count').innerText()).trim(), '1 result');
    assert.deepEqual(await resultNames(page), ['Viet Nam']);
    await screenshot(page, 'members-filtered-en');
  } finally {
    await context.close();
  }
});

test('typing "viet nam" without accents in the Vietnamese directory finds Việt Nam', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/members`);
    assert.equal(await htmlLang(page), 'vi');

    const q = page.getByLabel('Tên có chứa');
    await q.click();
    await page.keyboard.type('viet nam');
    await submitFilters(page, 'Áp dụng bộ lọc');

    assert.equal(new URL(page.url()).searchParams.get('q'), 'viet nam');
    assert.equal(await page.locator('#q').inputValue(), 'viet nam', 'the search text stays in the box');
    assert.ok((await resultNames(page)).includes('Việt Nam'), 'Việt Nam is among the results');
    assert.match(await page.locator('p.result-count').innerText(), /^\d+ kết quả$/);
    await screenshot(page, 'members-search-vi');
  } finally {
    await context.close();
  }
});

test('filtering by kind "Company" lists the six companies', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/members`);
    await page.getByLabel('Kind').selectOption({ label: 'Company' });
    await submitFilters(page, 'Apply filters');

    assert.equal(new URL(page.url()).searchParams.get('kind'), 'company');
    assert.equal((await page.locator('p.result-count').innerText()).trim(), '6 results');
    const names = await resultNames(page);
    assert.equal(names.length, 6);
    assert.ok(names.includes('Microsoft'), `Microsoft is listed (got ${names.join(', ')})`);
    await screenshot(page, 'members-companies-en');
  } finally {
    await context.close();
  }
});

test('opening a result shows the member page with breadcrumbs and the founding row', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/members?region=035`);
    await page.locator('ul.results li h3 a', { hasText: 'Viet Nam' }).click();
    await page.waitForURL((u) => u.pathname === '/en/members/viet-nam');

    const h1 = page.locator('h1');
    assert.equal(await h1.count(), 1);
    assert.equal((await h1.innerText()).trim(), 'Viet Nam');
    assert.match(await page.title(), /^Viet Nam — /);

    const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    assert.equal(await crumbs.count(), 1, 'breadcrumbs are present');
    const crumbLinks = (await crumbs.locator('a').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(crumbLinks, ['Home', 'Members and partners']);
    assert.equal((await crumbs.locator('[aria-current="page"]').innerText()).trim(), 'Viet Nam');

    const list = page.locator('dl.summary-list');
    assert.equal(await list.count(), 1);
    const founding = list.locator('.summary-row').filter({ has: page.locator('dt', { hasText: /^Founding member$/ }) });
    assert.equal(await founding.count(), 1, 'the founding-member row is there');
    assert.match(await founding.locator('dd').innerText(), /^Yes\b.*Hague Declaration/);

    await screenshot(page, 'member-viet-nam-en');

    // The breadcrumb leads back to the directory.
    await crumbs.getByRole('link', { name: 'Members and partners' }).click();
    await page.waitForURL((u) => u.pathname === '/en/members');
    assert.match(await page.locator('p.result-count').innerText(), /^42 results$/);
  } finally {
    await context.close();
  }
});

test('the directory can be filtered with JavaScript turned off', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB', javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/members`);
    await page.getByLabel('Region').selectOption('150');
    await page.getByLabel('Kind').selectOption('country');
    await submitFilters(page, 'Apply filters');

    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('region'), '150');
    assert.equal(params.get('kind'), 'country');
    const names = await resultNames(page);
    assert.ok(names.length > 1, `several European countries are found (got ${names.length})`);
    assert.ok(names.includes('Netherlands') || names.includes('The Netherlands'), `the Netherlands is listed (got ${names.join(', ')})`);
    assert.ok(!names.includes('Viet Nam'));
    const count = (await page.locator('p.result-count').innerText()).trim();
    assert.equal(count, `${names.length} results`);
    await screenshot(page, 'members-nojs-en');
  } finally {
    await context.close();
  }
});

test('an invalid region shows an error summary naming the Region field, with status 400', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${site.url}/en/members?region=999`);
    assert.equal(response.status(), 400);

    const summary = page.locator('.error-summary');
    assert.equal(await summary.count(), 1);
    assert.ok(await summary.isVisible());
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal((await summary.locator('h2').innerText()).trim(), 'There is a problem');
    const link = summary.locator('a[href="#region"]');
    assert.equal(await link.count(), 1, 'the summary links to the Region field');
    assert.match(await link.innerText(), /^Region\b/);
    await screenshot(page, 'members-error-en');

    // Following the link puts the keyboard focus on the field to correct.
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'region');
  } finally {
    await context.close();
  }
});

test('an invalid region is reported in Vietnamese on the Vietnamese directory', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${site.url}/vi/members?region=999`);
    assert.equal(response.status(), 400);
    assert.equal(await htmlLang(page), 'vi');
    const summary = page.locator('.error-summary');
    assert.equal((await summary.locator('h2').innerText()).trim(), 'Có lỗi cần sửa');
    assert.match(await summary.locator('a[href="#region"]').innerText(), /Khu vực/);
  } finally {
    await context.close();
  }
});
