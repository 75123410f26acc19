// Drives Debian's Chromium (through playwright-core) through the built-in web pages of a running service
// that holds the example catalog, as a person on a laptop and on a phone would see them.
// Usage: node pages-check.mjs <base url> <screenshot folder>
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2] ?? 'http://localhost:8080';
const shots = process.argv[3] ?? '../target/e2e';
mkdirSync(shots, { recursive: true });
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const CAPABILITY = '/capabilities/system/default/observability';
const PAGES = { home: '/', capability: CAPABILITY, graph: '/teams/graph' };

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push(`PASS ${name}`);
  } catch (e) {
    results.push(`FAIL ${name}: ${e.message}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// the example catalog is registered at start-up; wait until it is scored
for (let i = 0; i < 120; i++) {
  const r = await fetch(`${base}/api/scorecards/summary`).catch(() => null);
  if (r?.ok && (await r.json()).capabilities > 0) break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

const context = await chromium.launchPersistentContext(
  process.env.E2E_PROFILE ?? mkdtempSync(join(tmpdir(), 'e2e-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: LAPTOP,
  });

/** Opens a page and records every console error, page error, failed request and HTTP error answer. */
async function open(path, viewport) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  const response = await page.goto(base + path, { waitUntil: 'networkidle' });
  // lazy images below the fold load once scrolled to
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
  });
  await page.waitForLoadState('networkidle');
  return { page, problems, status: response.status() };
}

/** The width and height a served SVG declares on its root element. */
async function declaredSize(url) {
  const r = await context.request.get(url);
  assert(r.status() === 200, `${url} answered ${r.status()}`);
  const svg = (await r.text()).match(/<svg\b[^>]*>/)?.[0] ?? '';
  const width = Number(svg.match(/\swidth="([\d.]+)(px)?"/)?.[1]);
  const height = Number(svg.match(/\sheight="([\d.]+)(px)?"/)?.[1]);
  assert(width > 0 && height > 0, `${url} declares no width and height on <svg>: ${svg}`);
  return { width, height };
}

for (const [name, path] of Object.entries(PAGES)) {
  await check(`${name} page (${path}) loads with no console errors and no failed requests`, async () => {
    const { page, problems, status } = await open(path, LAPTOP);
    await page.screenshot({ path: join(shots, `${name}-1280x800.png`) });
    await page.screenshot({ path: join(shots, `${name}-1280x800-full.png`), fullPage: true });
    const scripts = await page.locator('script').count();
    await page.close();
    assert(status === 200, `status ${status}`);
    assert(problems.length === 0, `${problems.length} problems: ${problems.slice(0, 6).join('; ')}`);
    assert(scripts === 0, 'the page holds a script');
  });
  await check(`${name} page has no horizontal overflow at 375×812`, async () => {
    const { page } = await open(path, PHONE);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: join(shots, `${name}-375x812.png`) });
    await page.screenshot({ path: join(shots, `${name}-375x812-full.png`), fullPage: true });
    assert(width <= 375, `scrollWidth ${width}`);
    await page.close();
  });
}

await check('every link on / leads to a 200 page of this service', async () => {
  const { page } = await open('/', LAPTOP);
  const hrefs = [...new Set(await page.$$eval('a[href]', (as) => as.map((a) => a.href)))];
  assert(hrefs.length >= 30, `only ${hrefs.length} links`);
  const bad = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== new URL(base).origin) { bad.push(`${href} leaves the service`); continue; }
    const r = await context.request.get(url.origin + url.pathname + url.search);
    if (r.status() !== 200) bad.push(`${href}: ${r.status()}`);
  }
  assert(bad.length === 0, bad.join('; '));
  await page.close();
});

await check('links between the pages work: / → capability → back, / → team graph', async () => {
  const { page } = await open('/', LAPTOP);
  await page.click(`a[href="${CAPABILITY}"]`);
  await page.waitForLoadState('networkidle');
  assert(new URL(page.url()).pathname === CAPABILITY, page.url());
  assert((await page.textContent('#title')) === 'Observability', await page.textContent('#title'));
  await page.click('text=← All capabilities');
  await page.waitForLoadState('networkidle');
  assert(new URL(page.url()).pathname === '/', page.url());
  await page.click('nav >> text=Team graph');
  await page.waitForLoadState('networkidle');
  assert((await page.locator('#team-graph g.team').count()) > 0, 'no team in the graph');
  await page.close();
});

for (const [name, path] of [['home', '/'], ['capability', CAPABILITY]]) {
  await check(`${name} page: every badge image shows at the size its SVG declares`, async () => {
    const { page } = await open(path, LAPTOP);
    const images = await page.$$eval('img[src*="/api/scorecards/badges/"]', (imgs) => imgs.map((img) => ({
      src: img.src, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight,
      attributes: img.hasAttribute('width') || img.hasAttribute('height'),
    })));
    assert(images.length >= 3, `only ${images.length} badges`);
    const bad = [];
    const sizes = new Map();
    for (const img of images) {
      if (!sizes.has(img.src)) sizes.set(img.src, await declaredSize(img.src).catch((e) => e));
      const declared = sizes.get(img.src);
      if (declared instanceof Error) { bad.push(declared.message); continue; }
      if (img.attributes) bad.push(`${img.src} has width/height attributes`);
      if (!img.complete || Math.abs(img.width - declared.width) >= 1 || Math.abs(img.height - declared.height) >= 1) {
        bad.push(`${img.src}: shown ${img.width}×${img.height}, declared ${declared.width}×${declared.height}`);
      }
    }
    assert(bad.length === 0, `${bad.length} of ${images.length} badges: ${bad.slice(0, 5).join('; ')}`);
    await page.close();
  });
}

await check('an unknown capability is a 404 page with a way back', async () => {
  const page = await context.newPage();
  const response = await page.goto(`${base}/capabilities/system/default/no-such-thing`);
  assert(response.status() === 404, `status ${response.status()}`);
  assert((await page.textContent('#problem')) === 'No such capability', await page.textContent('#problem'));
  assert((await page.locator('main a[href="/"]').count()) === 1, 'no link home');
  await page.close();
});

await context.close();
const failed = results.filter((r) => r.startsWith('FAIL')).length;
console.log(results.join('\n'));
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
