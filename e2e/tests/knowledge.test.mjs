// The knowledge hub as a person uses it: filtering projects, reading a project page with its
// possibly overlapping projects, a country profile with its key facts, and search over projects,
// in both languages. The site is seeded with the sample IATI file and deterministic demo data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite,
  newContext,
  screenshot,
  htmlLang,
  runAxe,
  formatViolations,
  TEST_TIMEOUT,
} from './helpers.mjs';

const site = useSite({
  seed: [
    ['import', 'data/samples/iati-sample.xml'],
    ['demo-data', '--projects', '80'],
  ],
});

const IATI_PROJECT = 'xm-example-nccf-2023-001';

async function titles(page) {
  return (await page.locator('ul.results li h3 a').allInnerTexts()).map((s) => s.trim());
}

test('projects filtered by beneficiary country, in Vietnamese', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/projects`);
    assert.equal(await htmlLang(page), 'vi');
    const all = await titles(page);
    assert.ok(all.length > 10, `a page of projects: ${all.length}`);
    await page.locator('#country').selectOption('VN');
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('country') === 'VN'),
      page.locator('form.filters button[type=submit]').click(),
    ]);
    const found = await titles(page);
    assert.ok(
      found.includes('Phát triển Trung tâm ứng cứu sự cố máy tính quốc gia của Việt Nam'),
      `the IATI project for Viet Nam is listed, in Vietnamese: ${found}`,
    );
    assert.ok(found.length < all.length, 'the filter narrows the list');
    await screenshot(page, 'projects-filtered-vi');
  } finally {
    await context.close();
  }
});

test('a bad year is explained above the kept filters, in English', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${site.url}/en/projects?year=20x6&q=training`);
    assert.equal(response.status(), 400);
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /Year/);
    assert.equal(await page.locator('#q').inputValue(), 'training', 'the form keeps what was typed');
    await summary.locator('a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'year', 'the summary links to the field');
    await screenshot(page, 'projects-error-en');
  } finally {
    await context.close();
  }
});

test('a project page in both languages, with safe Markdown and overlaps', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/projects?country=VN`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/en/projects/${IATI_PROJECT}`),
      page.locator('ul.results a', { hasText: 'Developing the national CERT of Viet Nam' }).click(),
    ]);
    assert.equal(await page.locator('h1').innerText(), 'Developing the national CERT of Viet Nam');
    assert.equal(await page.locator('main h1').count(), 1, 'one h1');
    assert.match(await page.locator('.prose').innerText(), /malware analysis laboratory/);
    assert.equal(await page.locator('main script, main img').count(), 0, 'no script or image from content');
    const budget = await page.locator('.summary-row', { hasText: 'Budget' }).innerText();
    assert.match(budget, /1,315,000\.50\s*EUR/);
    await page.locator('#overlap-heading').waitFor();
    await screenshot(page, 'project-en');

    await Promise.all([
      page.waitForURL((u) => u.pathname === `/vi/projects/${IATI_PROJECT}`),
      page.locator('a[hreflang="vi"]').first().click(),
    ]);
    assert.equal(await htmlLang(page), 'vi');
    assert.equal(await page.locator('h1').innerText(), 'Phát triển Trung tâm ứng cứu sự cố máy tính quốc gia của Việt Nam');
    const viBudget = await page.locator('.summary-row', { hasText: 'Ngân sách' }).innerText();
    assert.match(viBudget, /1\.315\.000,50\s*EUR/, 'Vietnamese number format');
    await screenshot(page, 'project-vi');
  } finally {
    await context.close();
  }
});

test('a demo project shows possibly overlapping projects with their reasons', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    // Look through the projects for one whose page lists overlaps: the demo data has several.
    await page.goto(`${site.url}/en/projects?per_page=100`);
    const hrefs = await page.locator('ul.results li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    let shown = false;
    for (const href of hrefs) {
      await page.goto(`${site.url}${href}`);
      const items = page.locator('section[aria-labelledby="overlap-heading"] li');
      if ((await items.count()) > 0) {
        const text = await items.first().innerText();
        assert.match(text, /% alike/);
        assert.match(text, /Shared themes|Both benefit|Both reach/);
        await screenshot(page, 'project-overlaps-en');
        shown = true;
        break;
      }
    }
    assert.ok(shown, 'some demo project has a possible overlap');
  } finally {
    await context.close();
  }
});

test('the country profile of Viet Nam lists key facts with sources, in Vietnamese', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/countries`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/vi/countries/VN'),
      page.locator('main a', { hasText: /^Việt Nam/ }).first().click(),
    ]);
    assert.equal(await page.locator('h1').innerText(), 'Việt Nam');
    const facts = page.locator('section[aria-labelledby="facts-heading"] .summary-row');
    assert.equal(await facts.count(), 4);
    const sources = await facts.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(sources.every((s) => s.startsWith('https://')), `sources: ${sources}`);
    assert.ok(
      (await page.locator('section[aria-labelledby="benefits-heading"] li').count()) > 0,
      'projects benefiting Viet Nam',
    );
    await screenshot(page, 'country-vn-vi');
  } finally {
    await context.close();
  }
});

test('the country index counts the projects of each country and leads to them', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/countries`);
    const vietNam = page.locator('main li', { has: page.locator('a', { hasText: /^Viet Nam$/ }) });
    const count = vietNam.locator('a.project-count');
    const label = (await count.innerText()).trim();
    const listed = Number(label.match(/^(\d+) projects?$/)?.[1]);
    assert.ok(listed > 0, `Viet Nam's projects are counted: ${label}`);
    await screenshot(page, 'countries-en');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('country') === 'VN'), count.click()]);
    assert.equal(new URL(page.url()).pathname, '/en/projects');
    const shown = await page.locator('ul.results li h3 a').count();
    assert.ok(shown > 0 && shown <= listed, `${shown} of ${listed} projects listed`);
  } finally {
    await context.close();
  }
});

test('search finds projects typed without accents and narrows by status', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/search?q=${encodeURIComponent('ung cuu su co')}&type=project`);
    const found = await titles(page);
    assert.ok(found.length > 0, 'unaccented Vietnamese finds accented projects');
    const statusFacet = page.locator('nav.facets a', { hasText: /^Ongoing/ });
    if ((await statusFacet.count()) > 0) {
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('status') === 'ongoing'),
        statusFacet.first().click(),
      ]);
      assert.ok((await titles(page)).length <= found.length);
    }
    await screenshot(page, 'search-projects-en');
  } finally {
    await context.close();
  }
});

test('knowledge pages have no serious accessibility violations', { timeout: TEST_TIMEOUT * 2 }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB', bypassCSP: true });
  try {
    const page = await context.newPage();
    for (const path of [
      '/en/projects',
      `/en/projects/${IATI_PROJECT}`,
      '/vi/tools',
      '/en/publications',
      '/en/countries',
      '/vi/countries/VN',
      '/en/projects?year=abc',
    ]) {
      await page.goto(`${site.url}${path}`);
      const { violations } = await runAxe(page);
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.equal(serious.length, 0, `${path}:\n${formatViolations(serious)}`);
    }
  } finally {
    await context.close();
  }
});

test('a project page fits a 375 px phone', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN', viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/projects/${IATI_PROJECT}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
    await screenshot(page, 'project-phone-vi');
  } finally {
    await context.close();
  }
});
