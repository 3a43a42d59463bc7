// Curation as the people who do it meet it: a representative of Viet Nam proposes a project in
// Vietnamese, a curator returns it in English with a comment, the representative corrects and
// resubmits it, the curator publishes it, and only then is it on its page and in search. A later
// change to the published project stays a revision, with its changes shown, until it is published
// in turn. And a form filled in wrongly is explained field by field, keeping what was typed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, htmlLang, runAxe, formatViolations, TEST_TIMEOUT } from './helpers.mjs';

const CURATOR = 'curator@gfce.example';
const CURATOR_PASSWORD = 'delhi communique on capacity';
const REPRESENTATIVE = 'dau.moi@mic.example.gov.vn';
const REPRESENTATIVE_PASSWORD = 'hợp tác an ninh mạng khu vực 2027';

const site = useSite({
  seed: [
    { args: ['user', 'create', '--email', CURATOR, '--role', 'curator'], input: `${CURATOR_PASSWORD}\n` },
    {
      args: ['user', 'create', '--email', REPRESENTATIVE, '--role', 'representative', '--member', 'viet-nam'],
      input: `${REPRESENTATIVE_PASSWORD}\n`,
    },
  ],
});

/** Click a submit button and wait for the page it leads to; resolves to that page's response. */
async function submitWith(page, button) {
  const [response] = await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
  return response;
}

async function signIn(page, lang, email, password) {
  await page.goto(`${site.url}/${lang}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await submitWith(page, 'main form button[type=submit]');
  assert.equal(new URL(page.url()).pathname, `/${lang}/account`, `${email} is signed in`);
}

async function assertNoSeriousViolations(page) {
  const axe = await runAxe(page);
  const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious, [], formatViolations(serious));
}

async function mainText(page) {
  return page.locator('main').innerText();
}

async function stateTag(page) {
  return (await page.locator('main h1 .tag').innerText()).trim();
}

/** The diff table of a revision page as { field: [before, after] }. */
async function changes(page) {
  const rows = await page.locator('table.diff tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText.trim())),
  );
  return Object.fromEntries(rows.map(([field, before, after]) => [field, [before, after]]));
}

/** Whether search on /en finds a result titled `title`, as an anonymous visitor sees it. */
async function searchFinds(page, query, title) {
  await page.goto(`${site.url}/en/search?q=${encodeURIComponent(query)}`);
  return (await page.locator('ul.results li h3 a').allInnerTexts()).some((t) => t.trim() === title);
}

/** Search catches up with publishing asynchronously: ask again for up to ten seconds. */
async function eventuallyFound(page, query, title) {
  for (let i = 0; i < 40; i += 1) {
    if (await searchFinds(page, query, title)) return true;
    await page.waitForTimeout(250);
  }
  return false;
}

const TITLE_EN = 'Mekong Incident Response Exchange';
const TITLE_VI = 'Trao đổi ứng cứu sự cố an ninh mạng Mê Kông';
const SLUG = 'mekong-incident-response-exchange';
const FIRST_SUMMARY_EN = 'Incident responders of the Mekong countries train together twice a year.';
const FIRST_SUMMARY_VI = 'Các đội ứng cứu sự cố của các nước Mê Kông cùng tập huấn hai lần mỗi năm.';
const NEW_SUMMARY_EN = 'Incident responders of the Mekong countries train together every quarter, with shared playbooks.';

test('a project goes from a representative’s proposal to publication and on to a second revision', { timeout: TEST_TIMEOUT * 4 }, async () => {
  const representative = await newContext(site.browser, { locale: 'vi-VN', bypassCSP: true });
  const curator = await newContext(site.browser, { locale: 'en-GB', bypassCSP: true });
  const visitor = await newContext(site.browser, { locale: 'en-GB' });
  try {
    // The representative signs in in Vietnamese and proposes a project from their contributions.
    const rep = await representative.newPage();
    await signIn(rep, 'vi', REPRESENTATIVE, REPRESENTATIVE_PASSWORD);
    assert.ok((await rep.locator('header').innerText()).includes(`Đã đăng nhập: ${REPRESENTATIVE}`));
    await Promise.all([
      rep.waitForURL((u) => u.pathname === '/vi/contributions'),
      rep.locator('header a[href="/vi/contributions"]').click(),
    ]);
    assert.equal((await rep.locator('h1').innerText()).trim(), 'Đóng góp của bạn');
    await Promise.all([
      rep.waitForURL((u) => u.pathname === '/vi/contributions/new-project'),
      rep.locator('main a[href="/vi/contributions/new-project"]').click(),
    ]);
    assert.equal(await htmlLang(rep), 'vi');
    assert.equal((await rep.locator('h1').innerText()).trim(), 'Gửi một dự án mới');
    await assertNoSeriousViolations(rep);

    await rep.fill('#title_en', TITLE_EN);
    await rep.fill('#title_vi', TITLE_VI);
    await rep.fill('#slug', SLUG);
    await rep.fill('#summary_en', FIRST_SUMMARY_EN);
    await rep.fill('#summary_vi', FIRST_SUMMARY_VI);
    await rep.locator('#status').selectOption('ongoing');
    await rep.fill('#starts_on', '2027-01-15');
    await rep.locator('#countries').selectOption(['VN']);
    const theme = await rep.locator('#themes input[type=checkbox]').first().getAttribute('value');
    await rep.locator('#themes input[type=checkbox]').first().check();
    await rep.fill('#tags', 'CSIRT, tập huấn');
    await rep.fill('#budget_amount', '250000');
    await rep.locator('#budget_currency').selectOption('USD');
    await screenshot(rep, 'project-form-vi');
    await submitWith(rep, 'main button[name=intent][value=submit]');
    assert.match(new URL(rep.url()).pathname, /^\/vi\/revisions\/[0-9a-f-]{36}$/);
    const revision = new URL(rep.url()).pathname.replace(/^\/vi/, '');
    assert.equal(await stateTag(rep), 'Đang chờ duyệt');
    assert.ok((await mainText(rep)).includes(TITLE_VI));
    assert.equal(await rep.locator('main a[href="/vi/contributions"]').innerText(), 'Đóng góp của bạn');

    // Nothing is public yet.
    const anon = await visitor.newPage();
    assert.equal((await anon.goto(`${site.url}/en/projects/${SLUG}`)).status(), 404, 'no public page before publication');
    assert.equal(await searchFinds(anon, 'mekong incident response', TITLE_EN), false, 'search does not find a submitted project');
    await anon.goto(`${site.url}/en${revision}`);
    assert.equal(new URL(anon.url()).pathname, '/en/login', 'a visitor is sent to sign in to read a revision');

    // The curator finds it in the queue, in English.
    const cur = await curator.newPage();
    await signIn(cur, 'en', CURATOR, CURATOR_PASSWORD);
    await Promise.all([cur.waitForURL((u) => u.pathname === '/en/curation'), cur.locator('header a[href="/en/curation"]').click()]);
    assert.equal((await cur.locator('h1').innerText()).trim(), 'Review queue');
    await assertNoSeriousViolations(cur);
    await screenshot(cur, 'curation-queue-en');
    await Promise.all([
      cur.waitForURL((u) => u.pathname === `/en${revision}`),
      cur.locator('ul.results a', { hasText: TITLE_EN }).click(),
    ]);
    assert.equal(await stateTag(cur), 'Waiting for review');
    assert.equal(await cur.locator('main a[href="/en/curation"]').innerText(), 'Review queue', 'the way back leads to the queue');
    const proposed = await changes(cur);
    assert.deepEqual(proposed['Title in English'], ['', TITLE_EN], 'a new project has every field as new');
    assert.deepEqual(proposed['Title in Vietnamese'], ['', TITLE_VI]);
    assert.deepEqual(proposed.Budget, ['', '250000']);
    assert.deepEqual(proposed['Budget currency'], ['', 'USD']);
    assert.deepEqual(proposed['Beneficiary countries'], ['', 'VN']);
    assert.deepEqual(proposed['Themes of interest'], ['', theme]);
    assert.deepEqual(proposed['participants[0].actor'], ['', 'viet-nam'], 'the representative’s member takes part');
    await assertNoSeriousViolations(cur);
    await screenshot(cur, 'revision-new-en');

    // Returning needs a comment: the browser asks for one, and so does the server.
    assert.equal(await cur.locator('#comment').evaluate((el) => el.validity.valueMissing), true);
    await cur.evaluate(() => {
      window.notReloaded = true;
    });
    await cur.locator('main button', { hasText: 'Return for changes' }).click();
    await cur.waitForTimeout(300);
    assert.equal(await cur.evaluate(() => window.notReloaded), true, 'the browser does not send an empty comment');
    await cur.locator('#comment').evaluate((el) => el.removeAttribute('required'));
    const refused = await submitWith(cur, 'main form[action$="/return"] button[type=submit]');
    assert.equal(refused.status(), 400);
    assert.deepEqual(await cur.locator('.error-summary li a').allInnerTexts(), ['Comment for the author must not be empty.']);
    assert.equal(await stateTag(cur), 'Waiting for review', 'an empty comment changes nothing');
    await cur.locator('.error-summary a[href="#comment"]').click();
    assert.equal(await cur.evaluate(() => document.activeElement.id), 'comment', 'the error leads to the comment');
    await screenshot(cur, 'revision-comment-error-en');

    const comment = 'Please add Lao PDR and Cambodia to the countries, and say how often the training takes place.';
    await cur.fill('#comment', comment);
    await submitWith(cur, 'main form[action$="/return"] button[type=submit]');
    assert.equal(await stateTag(cur), 'Returned for changes');
    assert.ok((await cur.locator('main ol.results').innerText()).includes(comment), 'the history keeps the comment');

    // The representative reads the comment, corrects the project and submits it again.
    await rep.reload();
    assert.equal(await stateTag(rep), 'Được trả lại để sửa');
    assert.ok((await rep.locator('main .notice').innerText()).includes(comment));
    await Promise.all([
      rep.waitForURL((u) => u.pathname === `/vi${revision}/edit`),
      rep.locator('main a.button', { hasText: /^Sửa$/ }).click(),
    ]);
    assert.equal(await rep.inputValue('#title_vi'), TITLE_VI, 'the form holds the revision');
    assert.equal(await rep.inputValue('#budget_amount'), '250000');
    await rep.locator('#countries').selectOption(['KH', 'LA', 'VN']);
    await submitWith(rep, 'main button[name=intent][value=submit]');
    assert.equal(new URL(rep.url()).pathname, `/vi${revision}`);
    assert.equal(await stateTag(rep), 'Đang chờ duyệt');

    assert.equal((await anon.goto(`${site.url}/en/projects/${SLUG}`)).status(), 404, 'still not public');
    assert.equal(await searchFinds(anon, 'mekong incident response', TITLE_EN), false, 'still not in search');

    // The curator publishes it; it is public, and search finds it once the index has caught up.
    await cur.reload();
    assert.deepEqual((await changes(cur))['Beneficiary countries'], ['', 'KH, LA, VN']);
    await submitWith(cur, 'main form[action$="/publish"] button[type=submit]');
    assert.equal(await stateTag(cur), 'Published');

    const published = await anon.goto(`${site.url}/en/projects/${SLUG}`);
    assert.equal(published.status(), 200);
    assert.equal((await anon.locator('h1').innerText()).trim(), TITLE_EN);
    assert.equal((await anon.locator('main .lead').innerText()).trim(), FIRST_SUMMARY_EN);
    assert.equal(await anon.locator(`main a[href="/en/projects/${SLUG}/edit"]`).count(), 0, 'a visitor may not edit');
    assert.ok(await eventuallyFound(anon, 'mekong incident response', TITLE_EN), 'search finds the published project');

    // The representative revises the published project; the public page keeps the published text.
    await rep.goto(`${site.url}/vi/projects/${SLUG}`);
    await Promise.all([
      rep.waitForURL((u) => u.pathname === `/vi/projects/${SLUG}/edit`),
      rep.locator(`main a[href="/vi/projects/${SLUG}/edit"]`, { hasText: 'Sửa' }).click(),
    ]);
    assert.equal(await rep.inputValue('#summary_en'), FIRST_SUMMARY_EN);
    await rep.fill('#summary_en', NEW_SUMMARY_EN);
    await submitWith(rep, 'main button[name=intent][value=submit]');
    assert.match(new URL(rep.url()).pathname, /^\/vi\/revisions\/[0-9a-f-]{36}$/);
    const second = new URL(rep.url()).pathname.replace(/^\/vi/, '');
    assert.notEqual(second, revision, 'a new revision');
    assert.equal(await stateTag(rep), 'Đang chờ duyệt');
    assert.deepEqual(await changes(rep), { 'Tóm tắt bằng tiếng Anh': [FIRST_SUMMARY_EN, NEW_SUMMARY_EN] }, 'only the summary changes');

    await anon.goto(`${site.url}/en/projects/${SLUG}`);
    assert.equal((await anon.locator('main .lead').innerText()).trim(), FIRST_SUMMARY_EN, 'the published text stays');

    // The curator sees the change in the queue and publishes it.
    await cur.goto(`${site.url}/en/curation`);
    await Promise.all([
      cur.waitForURL((u) => u.pathname === `/en${second}`),
      cur.locator('ul.results a', { hasText: TITLE_EN }).click(),
    ]);
    assert.equal(await cur.locator('table.diff del').innerText(), FIRST_SUMMARY_EN);
    assert.equal(await cur.locator('table.diff ins').innerText(), NEW_SUMMARY_EN);
    await assertNoSeriousViolations(cur);
    await screenshot(cur, 'revision-diff-en');
    await submitWith(cur, 'main form[action$="/publish"] button[type=submit]');
    assert.equal(await stateTag(cur), 'Published');

    await anon.goto(`${site.url}/en/projects/${SLUG}`);
    assert.equal((await anon.locator('main .lead').innerText()).trim(), NEW_SUMMARY_EN, 'the new revision is public');

    // The first revision now reads as replaced, and the record's history lists both.
    await cur.goto(`${site.url}/en${revision}`);
    assert.equal(await stateTag(cur), 'Replaced by a later revision');
    await cur.goto(`${site.url}/en/projects/${SLUG}/history`);
    assert.equal(await cur.locator('ul.results li').count(), 2);

    // On a phone, the revision's changes fit the screen: the table scrolls, not the page.
    await rep.setViewportSize({ width: 375, height: 740 });
    await rep.goto(`${site.url}/vi${second}`);
    const width = await rep.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    assert.ok(width.page <= width.screen, `no horizontal scrolling: ${JSON.stringify(width)}`);
    await screenshot(rep, 'revision-phone-vi');
  } finally {
    await representative.close();
    await curator.close();
    await visitor.close();
  }
});

test('a wrongly filled project form names the fields in Vietnamese and keeps what was typed', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN', bypassCSP: true });
  try {
    const page = await context.newPage();
    await signIn(page, 'vi', REPRESENTATIVE, REPRESENTATIVE_PASSWORD);
    await page.goto(`${site.url}/vi/contributions/new-project`);
    const title = 'Diễn tập ứng cứu sự cố cấp quốc gia';
    await page.fill('#title_vi', title);
    await page.fill('#slug', 'Diễn_tập 2027');
    await page.locator('#countries').selectOption(['VN']);
    await page.locator('#themes input[type=checkbox]').first().check();
    await page.fill('#budget_amount', '1,000');
    await page.locator('#budget_currency').selectOption('VND');
    const response = await submitWith(page, 'main button[name=intent][value=submit]');
    assert.equal(response.status(), 400);
    assert.equal(new URL(page.url()).pathname, '/vi/contributions/new-project');

    const errors = (await page.locator('.error-summary li a').allInnerTexts()).map((s) => s.trim());
    assert.equal((await page.locator('.error-summary-title').innerText()).trim(), 'Có lỗi cần sửa');
    assert.ok(errors.some((e) => e.startsWith('Địa chỉ (slug)') && e.includes('chỉ được chứa chữ thường')), `${errors}`);
    assert.ok(errors.some((e) => e.startsWith('Ngân sách') && e.includes('không dùng dấu phân cách hàng nghìn')), `${errors}`);
    assert.equal(errors.length, 2, `${errors}`);

    assert.equal(await page.inputValue('#title_vi'), title, 'the title is kept');
    assert.equal(await page.inputValue('#slug'), 'Diễn_tập 2027', 'the slug is kept as typed');
    assert.equal(await page.inputValue('#budget_amount'), '1,000', 'the budget is kept as typed');
    assert.equal(await page.inputValue('#budget_currency'), 'VND');
    assert.deepEqual(await page.locator('#countries option:checked').evaluateAll((os) => os.map((o) => o.value)), ['VN']);
    assert.equal(await page.locator('#themes input[type=checkbox]').first().isChecked(), true);

    await page.locator('.error-summary a[href="#budget_amount"]').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'budget_amount', 'the error leads to the budget');
    await page.locator('.error-summary a[href="#slug"]').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'slug', 'the error leads to the slug');
    await assertNoSeriousViolations(page);
    await screenshot(page, 'project-form-error-vi');

    // A slug longer than the server takes, as a client that ignores maxlength would send it.
    await page.locator('#slug').evaluate((el) => el.removeAttribute('maxlength'));
    await page.fill('#slug', 'dien-tap-'.repeat(12) + 'quoc-gia');
    await page.fill('#budget_amount', '1000000');
    await submitWith(page, 'main button[name=intent][value=save]');
    const second = (await page.locator('.error-summary li a').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(second, ['Địa chỉ (slug) quá dài (tối đa 100 ký tự).'], `${second}`);
    assert.equal(await page.inputValue('#budget_amount'), '1000000');

    // Corrected, it is saved as a draft, which is not submitted.
    await page.fill('#slug', 'dien-tap-quoc-gia-2027');
    await submitWith(page, 'main button[name=intent][value=save]');
    assert.match(new URL(page.url()).pathname, /^\/vi\/revisions\/[0-9a-f-]{36}$/);
    assert.equal(await stateTag(page), 'Bản nháp');
    assert.equal(await page.locator('main form[action$="/submit"]').count(), 1, 'a draft can be submitted');
  } finally {
    await context.close();
  }
});
