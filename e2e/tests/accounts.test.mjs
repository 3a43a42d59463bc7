// Accounts as a person meets them: creating an account (with the server's refusals explained in
// the page's language), forgetting the password and setting a new one through the mailed link,
// which the secretariat reads in the outbox when no mail server is configured.

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

const ADMIN = 'secretariat@gfce.example';
const ADMIN_PASSWORD = 'hague declaration sixteen april';

const site = useSite({
  seed: [{ args: ['user', 'create', '--email', ADMIN, '--role', 'admin'], input: `${ADMIN_PASSWORD}\n` }],
});

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.locator('main form button[type=submit]').click()]);
}

async function errorSummary(page) {
  return (await page.locator('.error-summary li a').allInnerTexts()).map((s) => s.trim());
}

async function signIn(page, lang, email, password) {
  await page.goto(`${site.url}/${lang}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await submit(page);
}

test('creating an account in Vietnamese, with a refused password first', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'vi-VN', bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/register`);
    assert.equal(await htmlLang(page), 'vi');
    assert.equal((await page.locator('h1').innerText()).trim(), 'Tạo tài khoản');
    const axe = await runAxe(page);
    const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious, [], formatViolations(serious));

    // Long enough for the browser, but on the list of common passwords; the confirmation differs.
    await page.fill('#email', 'chuyen.gia@cert.example.vn');
    await page.fill('#password', 'password1234');
    await page.fill('#confirmation', 'password12345');
    await submit(page);
    const errors = await errorSummary(page);
    assert.ok(errors.some((e) => e.startsWith('Mật khẩu') && e.includes('quá phổ biến')), `${errors}`);
    assert.ok(errors.some((e) => e.startsWith('Nhập lại mật khẩu') && e.includes('không khớp')), `${errors}`);
    assert.equal(await page.inputValue('#email'), 'chuyen.gia@cert.example.vn', 'the address is kept');
    await page.locator('.error-summary a[href="#password"]').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'password', 'the error leads to the field');
    await screenshot(page, 'register-error-vi');

    await page.fill('#password', 'ứng cứu sự cố quốc gia 2015');
    await page.fill('#confirmation', 'ứng cứu sự cố quốc gia 2015');
    await submit(page);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Hãy kiểm tra hộp thư');
    await screenshot(page, 'register-done-vi');

    await signIn(page, 'vi', 'chuyen.gia@cert.example.vn', 'ứng cứu sự cố quốc gia 2015');
    assert.equal(new URL(page.url()).pathname, '/vi/account');
    assert.ok((await page.locator('main').innerText()).includes('chuyen.gia@cert.example.vn'));

    // A registered user may not read the secretariat's outbox.
    const refused = await page.goto(`${site.url}/vi/admin/outbox`);
    assert.equal(refused.status(), 403);
    assert.ok(!(await page.locator('main').innerText()).includes('password-reset'), 'no message is shown');
  } finally {
    await context.close();
  }
});

test('a forgotten password is reset through the mailed link, in English', { timeout: TEST_TIMEOUT }, async () => {
  const visitor = await newContext(site.browser, { locale: 'en-GB' });
  const secretariat = await newContext(site.browser, { locale: 'en-GB', bypassCSP: true });
  try {
    const email = 'analyst@ministry.example.org';
    const page = await visitor.newPage();
    await page.goto(`${site.url}/en/register`);
    await page.fill('#email', email);
    await page.fill('#password', 'ministry first passphrase 2015');
    await page.fill('#confirmation', 'ministry first passphrase 2015');
    await submit(page);

    await page.goto(`${site.url}/en/login`);
    await page.locator('main a[href="/en/password-reset"]').click();
    await page.waitForURL((u) => u.pathname === '/en/password-reset');
    await page.fill('#email', email);
    await submit(page);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Check your mailbox');

    // Without a mail server, the secretariat reads the message in the outbox.
    const admin = await secretariat.newPage();
    await signIn(admin, 'en', ADMIN, ADMIN_PASSWORD);
    await admin.goto(`${site.url}/en/admin/outbox`);
    assert.equal((await admin.locator('h1').innerText()).trim(), 'Mail outbox');
    const axe = await runAxe(admin);
    const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious, [], formatViolations(serious));
    await screenshot(admin, 'outbox-en');
    const bodies = await admin
      .locator('section.outbox-message', { hasText: email })
      .locator('pre.outbox-body')
      .allInnerTexts();
    const link = bodies.map((b) => b.match(/https?:\/\/\S+\/password-reset\/\S+/)).find(Boolean);
    assert.ok(link, `a reset link in the messages to ${email}: ${bodies.join('\n---\n')}`);
    const { pathname } = new URL(link[0]);

    await page.goto(`${site.url}${pathname}`);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Choose a new password');
    await page.fill('#password', 'ministry second passphrase 2017');
    await page.fill('#confirmation', 'ministry second passphrase 2017');
    await submit(page);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Your password has been changed');
    await screenshot(page, 'reset-complete-en');

    // The link works once.
    const again = await page.goto(`${site.url}${pathname}`);
    assert.equal(again.status(), 410);

    await signIn(page, 'en', email, 'ministry first passphrase 2015');
    assert.equal(new URL(page.url()).pathname, '/en/login', 'the old password no longer works');
    await signIn(page, 'en', email, 'ministry second passphrase 2017');
    assert.equal(new URL(page.url()).pathname, '/en/account');
  } finally {
    await visitor.close();
    await secretariat.close();
  }
});
