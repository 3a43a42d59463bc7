// Two-step sign-in as an administrator meets it: setting it up from the account page with the
// key an authenticator app reads, keeping the recovery codes, signing out, and signing in again
// with the password and then a code. The codes are computed here as an app computes them
// (RFC 6238: HMAC-SHA-1 over 30-second steps, 6 digits).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
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

/** Bytes of a base32 text (RFC 4648, no padding, spaces ignored). */
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const c of text.replace(/\s+/g, '').toUpperCase()) {
    const index = alphabet.indexOf(c);
    assert.ok(index >= 0, `${c} is not base32`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The six-digit code of a time step. */
function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 1000 / 30);

async function submitWith(page, button) {
  await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
}

async function assertAccessible(page) {
  const axe = await runAxe(page);
  const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious, [], formatViolations(serious));
}

test('the code computation agrees with RFC 6238', () => {
  // Appendix B: the ASCII secret "12345678901234567890" gives 94287082 at 59 s (step 1).
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1), '287082');
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Math.floor(1_111_111_109 / 30)), '081804');
});

test('an administrator sets up two-step sign-in and signs in with a code', { timeout: TEST_TIMEOUT }, async () => {
  const context = await newContext(site.browser, { locale: 'en-GB', bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/login`);
    await page.fill('#email', ADMIN);
    await page.fill('#password', ADMIN_PASSWORD);
    await submitWith(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/en/account');

    await page.locator('main a[href="/en/account/second-factor"]').click();
    await page.waitForURL((u) => u.pathname === '/en/account/second-factor');
    assert.equal((await page.locator('h1').innerText()).trim(), 'Two-step sign-in');
    await submitWith(page, 'main button:has-text("Set up two-step sign-in")');

    // The QR code is an image from the site itself, so it shows under the Content-Security-Policy.
    const qr = page.locator('img.qr-code');
    await qr.waitFor();
    const drawn = await qr.evaluate((img) => img.complete && img.naturalWidth > 0);
    assert.ok(drawn, 'the QR code is drawn');
    assert.ok((await qr.getAttribute('alt')).length > 0, 'the QR code has a text alternative');
    const secret = (await page.locator('#secret-key').innerText()).replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(await page.getAttribute('#code', 'autocomplete'), 'one-time-code');
    assert.equal(await page.getAttribute('#code', 'inputmode'), 'numeric');
    await assertAccessible(page);
    await screenshot(page, 'second-factor-setup-en');

    // A wrong code is refused, the field named, and the same key is kept.
    await page.fill('#code', '12345');
    await submitWith(page, 'main form[action$="/confirm"] button[type=submit]');
    const errors = (await page.locator('.error-summary li a').allInnerTexts()).map((s) => s.trim());
    assert.ok(errors.some((e) => e.startsWith('Code from your app')), `${errors}`);
    assert.equal((await page.locator('#secret-key').innerText()).replace(/\s+/g, ''), secret);
    await screenshot(page, 'second-factor-refused-en');

    const enrolledAt = currentStep();
    await page.fill('#code', totp(secret, enrolledAt));
    await submitWith(page, 'main form[action$="/confirm"] button[type=submit]');
    const codes = await page.locator('.recovery-codes li').allInnerTexts();
    assert.equal(codes.length, 10);
    for (const code of codes) assert.match(code.trim(), /^[0-9a-z]{5}-[0-9a-z]{5}$/);
    await assertAccessible(page);
    await screenshot(page, 'second-factor-codes-en');

    await page.goto(`${site.url}/en/account`);
    assert.ok((await page.locator('main').innerText()).includes('Two-step sign-in is on.'));
    await submitWith(page, 'main button:has-text("Sign out")');

    // The password alone now leads to the code, not into the account.
    await page.goto(`${site.url}/en/login`);
    await page.fill('#email', ADMIN);
    await page.fill('#password', ADMIN_PASSWORD);
    await submitWith(page, 'main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/en/login/code');
    const refused = await page.goto(`${site.url}/en/account`);
    assert.equal(new URL(refused.url()).pathname, '/en/login', 'no session yet');
    await page.goto(`${site.url}/en/login/code`);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Enter your code');
    await assertAccessible(page);
    await screenshot(page, 'login-code-en');

    // The step after the one that confirmed the setup: a code of the app's next half-minute is
    // still accepted, and a code already used would not be.
    await page.fill('#code', totp(secret, Math.max(currentStep(), enrolledAt) + 1));
    await submitWith(page, 'main form button:has-text("Continue")');
    assert.equal(new URL(page.url()).pathname, '/en/account');
    assert.ok((await page.locator('main').innerText()).includes(ADMIN));

    // The Vietnamese page reads the same way.
    await page.goto(`${site.url}/vi/account/second-factor`);
    assert.equal(await htmlLang(page), 'vi');
    assert.equal((await page.locator('h1').innerText()).trim(), 'Đăng nhập hai bước');
    assert.ok((await page.locator('main').innerText()).includes('Bạn còn 10 mã khôi phục chưa dùng.'));
    await screenshot(page, 'second-factor-on-vi');
  } finally {
    await context.close();
  }
});
