// Joining the GFCE as an organisation experiences it: an application in Vietnamese from the
// members directory, the secretariat's approval in English, the contact choosing a password from
// the mailed link (read in the outbox, as no mail server is configured) and signing in as the new
// partner's representative, and the partner found in the directory and in search.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, screenshot, htmlLang, runAxe, formatViolations, TEST_TIMEOUT } from './helpers.mjs';

const ADMIN = 'secretariat@gfce.example';
const ADMIN_PASSWORD = 'hague declaration sixteen april';
const CONTACT = 'vien.truong@hcmus.example.edu.vn';

const site = useSite({
  seed: [{ args: ['user', 'create', '--email', ADMIN, '--role', 'admin'], input: `${ADMIN_PASSWORD}\n` }],
});

async function submit(page, form = 'main form') {
  await Promise.all([page.waitForNavigation(), page.locator(`${form} button[type=submit]`).click()]);
}

async function signIn(page, lang, email, password) {
  await page.goto(`${site.url}/${lang}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await submit(page);
}

test('an organisation applies, is approved and its contact speaks for it', { timeout: TEST_TIMEOUT * 2 }, async () => {
  const applicant = await newContext(site.browser, { locale: 'vi-VN', bypassCSP: true });
  const secretariat = await newContext(site.browser, { locale: 'en-GB' });
  try {
    const page = await applicant.newPage();
    await page.goto(`${site.url}/vi/members`);
    await Promise.all([page.waitForURL((u) => u.pathname === '/vi/apply'), page.locator('main a[href="/vi/apply"]').click()]);
    assert.equal(await htmlLang(page), 'vi');
    assert.equal((await page.locator('h1').innerText()).trim(), 'Nộp đơn gia nhập GFCE');
    const axe = await runAxe(page);
    const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious, [], formatViolations(serious));

    await page.locator('#kind').selectOption('academia');
    await page.fill('#name_vi', 'Viện Nghiên cứu An toàn Thông tin Sài Gòn');
    await page.fill('#name_en', 'Saigon Institute for Information Security Research');
    await page.locator('#country').selectOption('VN');
    await page.fill('#website', 'https://hcmus.example.edu.vn');
    await page.locator('#themes input[type=checkbox]').first().check();
    await page.fill('#motivation', 'Chúng tôi đào tạo kỹ sư ứng cứu sự cố và muốn chia sẻ giáo trình với các nước trong khu vực.');
    await page.fill('#contact_name', 'Trương Thị Vân');
    await page.fill('#contact_email', CONTACT);
    for (const id of ['#endorse_hague', '#endorse_framework', '#endorse_delhi']) await page.locator(id).check();
    await page.fill('#official_name', 'Nguyễn Văn Minh');
    await page.fill('#official_title', 'Viện trưởng');
    await screenshot(page, 'apply-vi');
    await submit(page);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Đơn của bạn đã được gửi');

    // The secretariat reads the queue and approves.
    const admin = await secretariat.newPage();
    await signIn(admin, 'en', ADMIN, ADMIN_PASSWORD);
    await admin.goto(`${site.url}/en/admin/applications`);
    await Promise.all([
      admin.waitForURL((u) => u.pathname.startsWith('/en/admin/applications/')),
      admin.locator('ul.results a', { hasText: 'Saigon Institute for Information Security Research' }).click(),
    ]);
    assert.ok((await admin.locator('main').innerText()).includes('Nguyễn Văn Minh'), 'the endorsing official');
    await screenshot(admin, 'application-en');
    await submit(admin, 'main form[action$="/approve"]');
    assert.ok((await admin.locator('main').innerText()).includes('Approved'), 'the application is approved');

    // The contact chooses a password through the link the outbox holds.
    await admin.goto(`${site.url}/en/admin/outbox`);
    const bodies = await admin
      .locator('section.outbox-message', { hasText: CONTACT })
      .locator('pre.outbox-body')
      .allInnerTexts();
    const link = bodies.map((b) => b.match(/https?:\/\/\S+\/password-reset\/\S+/)).find(Boolean);
    assert.ok(link, `a link to choose a password for ${CONTACT}: ${bodies.join('\n---\n')}`);
    await page.goto(`${site.url}${new URL(link[0]).pathname}`);
    await page.fill('#password', 'giáo trình ứng cứu sự cố 2026');
    await page.fill('#confirmation', 'giáo trình ứng cứu sự cố 2026');
    await submit(page);
    await signIn(page, 'vi', CONTACT, 'giáo trình ứng cứu sự cố 2026');
    assert.equal(new URL(page.url()).pathname, '/vi/account');
    assert.ok((await page.locator('main').innerText()).includes('Đại diện của thành viên hoặc đối tác'));

    // The new partner is in the directory and, once the index has caught up, in search.
    await page.goto(`${site.url}/vi/members?q=${encodeURIComponent('sai gon')}`);
    assert.ok((await page.locator('main').innerText()).includes('Viện Nghiên cứu An toàn Thông tin Sài Gòn'));
    let found = false;
    for (let i = 0; i < 20 && !found; i += 1) {
      await page.goto(`${site.url}/vi/search?q=${encodeURIComponent('vien nghien cuu an toan thong tin sai gon')}`);
      found = (await page.locator('main').innerText()).includes('Viện Nghiên cứu An toàn Thông tin Sài Gòn');
      if (!found) await page.waitForTimeout(250);
    }
    assert.ok(found, 'search finds the new partner typed without accents');
    await screenshot(page, 'search-new-partner-vi');
  } finally {
    await applicant.close();
    await secretariat.close();
  }
});
