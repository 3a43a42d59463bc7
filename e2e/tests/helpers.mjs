// Shared helpers for the browser tests: start a fresh GFCE Hub server, launch
// headless Chromium, save screenshots and run axe-core.
// This file is not a test file (its name does not match *.test.mjs).

import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, mkdir, access } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The e2e/ directory. */
export const E2E_DIR = path.resolve(here, '..');
/** The root of the repository. */
export const REPO_ROOT = path.resolve(E2E_DIR, '..');
/** Where full-page screenshots go (git-ignored). */
export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots');

const require = createRequire(import.meta.url);
/** Path of the axe-core bundle injected into pages. */
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Upper bound for a single test, in milliseconds. */
export const TEST_TIMEOUT = 60_000;
/** Upper bound for a single browser action or navigation, in milliseconds. */
export const ACTION_TIMEOUT = 15_000;
const STARTUP_TIMEOUT = 20_000;

/**
 * Run one gfce command on a data directory; `input` is written to its standard
 * input, which is then closed.
 */
function runSeed(bin, args, input = '') {
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { cwd: REPO_ROOT, timeout: 60_000 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
    child.stdin.end(input);
  });
}

/**
 * Start `gfce serve` on a free loopback port with a fresh data directory.
 * `seed` lists gfce commands run on that directory first, e.g.
 * `[['import', 'data/samples/iati-sample.xml'], ['demo-data', '--projects', '60']]`;
 * a command that reads standard input is given as `{ args, input }`.
 * Resolves to { url, stop }. `stop()` sends SIGTERM to the child and removes
 * the data directory.
 */
export async function startServer({ seed = [] } = {}) {
  const bin = path.resolve(process.env.GFCE_BIN || path.join(REPO_ROOT, 'target', 'debug', 'gfce'));
  try {
    await access(bin, fsConstants.X_OK);
  } catch {
    throw new Error(
      `GFCE Hub binary not found or not executable: ${bin}\n` +
        'Build it with `cargo build -p gfce` at the repository root, or set GFCE_BIN.',
    );
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gfce-e2e-'));
  for (const step of seed) {
    const { args, input } = Array.isArray(step) ? { args: step } : step;
    await runSeed(bin, [...args, '--data-dir', dataDir], input);
  }
  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  let url;
  try {
    url = await new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => {
        reject(
          new Error(
            `GFCE Hub did not report its address within ${STARTUP_TIMEOUT / 1000} s.\n` +
              `stdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
      }, STARTUP_TIMEOUT);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const m = stdout.match(/GFCE Hub listening on (http:\/\/127\.0\.0\.1:\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`Could not start ${bin}: ${err.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `GFCE Hub exited before listening (code ${code}, signal ${signal}).\n` +
              `stdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  // Keep draining stdout so the child never blocks on a full pipe.
  child.stdout.resume();
  return { url, stop };
}

/** Launch headless Chromium (never downloads a browser). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    timeout: 30_000,
  });
}

/**
 * A new browser context with bounded timeouts. `options` are Playwright
 * context options (locale, viewport, javaScriptEnabled, ...).
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT);
  return context;
}

/** Save a full-page screenshot as e2e/screenshots/<name>.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The `lang` attribute of the document element. */
export function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

/** Path and query string of the page's current URL. */
export function pathAndQuery(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/**
 * Run axe-core on the current page. The site's Content-Security-Policy allows
 * only same-origin scripts, so the page must come from a context created with
 * `bypassCSP: true` for the injected script to run.
 * Returns axe's results object.
 */
export async function runAxe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
}

/** Human-readable description of axe violations, with their nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/**
 * Register before/after hooks for a test file: one GFCE Hub server and one
 * Chromium per file. Returns an object whose `url` and `browser` are filled in
 * once the `before` hook has run.
 */
export function useSite(options = {}) {
  const site = { url: undefined, browser: undefined };
  let server;
  before(
    async () => {
      server = await startServer(options);
      site.url = server.url;
      site.browser = await launchBrowser();
    },
    { timeout: 60_000 },
  );
  after(
    async () => {
      try {
        if (site.browser) await site.browser.close();
      } finally {
        if (server) await server.stop();
      }
    },
    { timeout: 30_000 },
  );
  return site;
}
