// Journey 1: a visitor opens the site root and lands on the home page in their
// own language, and sees the founding story and the key figures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, htmlLang, TEST_TIMEOUT } from './helpers.mjs';

const site = useSite();

/** The number shown in the counts block next to the given label. */
async function countFor(page, label) {
  const item = page.locator('ul.counts li').filter({
    has: page.locator('.count-label', { hasText: new RegExp(`^\\s*${label}\\s*$`) }),
  });
  assert.equal(await item.count(), 1, `exactly one count labelled "${label}"`);
  return (await item.locator('.count-number').innerText()).trim();
}

test('a Vietnamese-speaking visitor is sent from / to the Vietnamese home page', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${site.url}/`);
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/vi');
    assert.equal(await htmlLang(page), 'vi');

    const h1 = page.locator('h1');
    assert.equal(await h1.count(), 1, 'one h1');
    assert.equal((await h1.innerText()).trim(), 'Cùng nhau nâng cao năng lực an toàn thông tin');

    const story = page.locator('section.story');
    assert.match(await story.innerText(), /Việt Nam là một trong số đó/);
    assert.match(await story.innerText(), /Đông Nam Á/);

    assert.equal(await countFor(page, 'thành viên sáng lập'), '42');
    assert.equal(await countFor(page, 'quốc gia thành viên'), '29');
    assert.equal(await countFor(page, 'sự kiện'), '4');

    const switcher = page.locator('nav.lang-switch a');
    assert.equal((await switcher.innerText()).trim(), 'Read in English');

    const latest = page.locator('section[aria-labelledby="events-heading"] ul.results li h3 a');
    assert.ok((await latest.count()) >= 1, 'latest events are listed');
    assert.match(await latest.first().innerText(), /2015/);

    await screenshot(page, 'home-vi');
  } finally {
    await context.close();
  }
});

test('an English-speaking visitor is sent from / to the English home page', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${site.url}/`);
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/en');
    assert.equal(await htmlLang(page), 'en');

    assert.equal((await page.locator('h1').innerText()).trim(), 'Building cyber capacity together');

    const story = page.locator('section.story');
    assert.match(await story.innerText(), /Viet Nam is one of them/);

    assert.equal(await countFor(page, 'founding members'), '42');
    assert.equal(await countFor(page, 'member countries'), '29');
    assert.equal(await countFor(page, 'events'), '4');

    const switcher = page.locator('nav.lang-switch a');
    assert.equal((await switcher.innerText()).trim(), 'Đọc bằng tiếng Việt');
    assert.equal(await switcher.getAttribute('lang'), 'vi');

    const latest = page.locator('section[aria-labelledby="events-heading"] ul.results li h3 a');
    assert.ok((await latest.count()) >= 1, 'latest events are listed');

    await screenshot(page, 'home-en');

    // The founding-members count leads to the filtered directory.
    await page.locator('ul.counts a', { hasText: 'founding members' }).click();
    await page.waitForURL('**/en/members?founding=true');
    assert.match(await page.locator('p.result-count').innerText(), /^42\b/);
  } finally {
    await context.close();
  }
});
