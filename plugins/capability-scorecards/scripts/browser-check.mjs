/* eslint-disable no-console */
// Mounts the plugin in its dev app (a Backstage app: `backstage-cli package start`, with dev/backend.mjs
// as its backend) and drives Debian's Chromium through playwright-core over every view: the
// organisation page, a capability's overview card and tab, a component's tab and a group's card.
// Checks that no view logs a console error or fails a request and that the numbers shown are the
// service's; saves a screenshot of each view to <screenshot folder>.
// Usage: node scripts/browser-check.mjs <service url> <screenshot folder>
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const service = process.argv[2] ?? 'http://localhost:18130';
const shots = process.argv[3] ?? 'docs';
const APP = 'http://localhost:18131';
const BACKEND_PORT = '18132';
mkdirSync(shots, { recursive: true });

const children = [];
function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', d => {
    log += d;
  });
  child.stderr.on('data', d => {
    log += d;
  });
  children.push(child);
  return { child, log: () => log };
}
function stopAll() {
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(1));
}

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
async function api(path) {
  const r = await fetch(service + path);
  assert(r.ok, `${path}: HTTP ${r.status}`);
  return r.json();
}

start('node', ['dev/backend.mjs', BACKEND_PORT, service, APP]);
const t0 = Date.now();
const dev = start(
  'npx',
  ['backstage-cli', 'package', 'start', '--config', 'app-config.yaml'],
  { BROWSER: 'none' },
);
let up = false;
for (let i = 0; i < 600 && !up; i++) {
  await new Promise(r => setTimeout(r, 1000));
  up = await fetch(APP).then(
    r => r.ok,
    () => false,
  );
  if (dev.child.exitCode !== null) break;
}
if (!up) {
  console.error(dev.log().slice(-3000));
  console.error('the dev app did not start');
  process.exit(1);
}
console.log(`dev app up after ${Math.round((Date.now() - t0) / 1000)} s`);

const context = await chromium.launchPersistentContext(
  process.env.E2E_PROFILE ?? mkdtempSync(join(tmpdir(), 'plugin-chromium-')),
  {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  },
);

context.setDefaultNavigationTimeout(300_000);
context.setDefaultTimeout(180_000);

// React's development build warns (console.error) once when Material UI v4's ButtonBase, which
// Backstage's own components use, calls findDOMNode under StrictMode; production builds do not.
const FRAMEWORK_DEV_WARNINGS = [/^Warning: findDOMNode is deprecated/];
const isProblem = m =>
  m.type() === 'error' && !FRAMEWORK_DEV_WARNINGS.some(re => re.test(m.text()));

// sign in once as the guest (dev/backend.mjs plays the auth backend's guest provider); the app
// remembers the provider for the pages opened after
await check('sign-in as guest', async () => {
  const page = await context.newPage();
  await page.goto(`${APP}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByText('Capability Scorecards').first().waitFor();
  await page.close();
});

/** Opens a view of the dev app and records every console error, page error and failed request. */
async function open(path, ready) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', m => {
    if (isProblem(m)) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', r =>
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`),
  );
  page.on('response', r => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(APP + path, { waitUntil: 'domcontentloaded' });
  await page.getByTestId(ready).first().waitFor({ timeout: 180_000 });
  await page.waitForLoadState('networkidle');
  return { page, problems };
}
const text = async (page, testId) =>
  (await page.getByTestId(testId).first().innerText()).replace(/\s+/g, ' ');

await check(
  'organisation page: summary, list and team graph equal the API',
  async () => {
    const { page, problems } = await open(
      '/capability-scorecards',
      'team-graph',
    );
    const summary = await api('/api/scorecards/summary');
    const graph = await api('/api/scorecards/teams/graph');
    assert(
      (await text(page, 'summary')).includes(
        `${summary.capabilities} capabilities`,
      ),
      'summary count',
    );
    assert(
      (await text(page, 'capability-count')).includes(
        `${summary.capabilities} capabilities`,
      ),
      'list count',
    );
    assert(
      (await text(page, 'team-graph')).includes(
        `${graph.teams.length} teams, ${graph.edges.length} producer`,
      ),
      'graph',
    );
    await page.screenshot({
      path: join(shots, 'organisation-page.png'),
      fullPage: true,
    });
    assert(problems.length === 0, problems.join('; '));
  },
);

await check(
  'capability overview card: level and one badge per scorecard',
  async () => {
    const { page, problems } = await open(
      '/catalog/default/system/secrets-vault',
      'capability-level-card',
    );
    const result = await api(
      '/api/scorecards/capabilities/system/default/secrets-vault',
    );
    const card = await text(page, 'capability-level-card');
    assert(
      card.startsWith(result.level),
      `card shows ${card}, API says ${result.level}`,
    );
    const badges = await page
      .getByTestId('capability-level-card')
      .locator('img')
      .evaluateAll(imgs =>
        Promise.all(
          imgs.map(i =>
            i.decode().then(
              () => i.naturalWidth > 0,
              () => false,
            ),
          ),
        ),
      );
    assert(
      badges.length === result.scorecards.length && badges.every(Boolean),
      `badges loaded: ${badges}`,
    );
    await page
      .getByTestId('capability-level-card')
      .screenshot({ path: join(shots, 'entity-card.png') });
    assert(problems.length === 0, problems.join('; '));
  },
);

await check(
  'capability tab (observability): Relied on, consumers and adoption equal the API',
  async () => {
    const { page, problems } = await open(
      '/catalog/default/system/observability/capability-scorecards',
      'consumer-count',
    );
    const result = await api(
      '/api/scorecards/capabilities/system/default/observability',
    );
    await page.getByText(`Level: ${result.level}`, { exact: true }).waitFor();
    assert(result.level === 'Relied on', result.level);
    assert(
      (await text(page, 'consumer-count')) ===
        `Consumers: ${result.adoption.consumers}`,
      'consumers',
    );
    const rate = Math.round(result.adoption.rate * 1000) / 10;
    assert(
      (await text(page, 'adoption-rate')).startsWith(`Adoption rate: ${rate}%`),
      'adoption rate',
    );
    await page.getByTestId('satisfaction').waitFor();
    await page.screenshot({
      path: join(shots, 'entity-tab.png'),
      fullPage: true,
    });
    assert(problems.length === 0, problems.join('; '));
  },
);

await check(
  'capability tab (postgres-as-a-service): its two bypassing teams',
  async () => {
    const { page, problems } = await open(
      '/catalog/default/system/postgres-as-a-service/capability-scorecards',
      'bypasses',
    );
    const result = await api(
      '/api/scorecards/capabilities/system/default/postgres-as-a-service',
    );
    const shown = await page.getByTestId('bypasses').locator('li').count();
    assert(
      shown === result.adoption.bypasses.length && shown === 2,
      `bypasses shown ${shown}`,
    );
    await page
      .getByTestId('bypasses')
      .screenshot({ path: join(shots, 'entity-tab-bypasses.png') });
    assert(problems.length === 0, problems.join('; '));
  },
);

await check('component tab: points to its capability', async () => {
  const page = await context.newPage();
  const problems = [];
  page.on('console', m => {
    if (isProblem(m)) problems.push(`console: ${m.text()}`);
  });
  await page.goto(
    `${APP}/catalog/default/component/otel-collector/capability-scorecards`,
  );
  await page.getByText('Part of a capability').waitFor({ timeout: 120_000 });
  await page.getByRole('link', { name: 'observability' }).first().waitFor();
  assert(problems.length === 0, problems.join('; '));
});

await check(
  'group page card (observability): owned and consumed capabilities equal the API',
  async () => {
    const { page, problems } = await open(
      '/catalog/default/group/observability',
      'team-capabilities',
    );
    const team = await api('/api/scorecards/teams/default/observability');
    const card = await text(page, 'team-capabilities');
    assert(card.includes(`Owns (${team.produces.length})`), `owns: ${card}`);
    assert(
      card.includes(`Consumes (${team.consumes.length})`),
      `consumes: ${card}`,
    );
    await page
      .getByTestId('team-capabilities')
      .screenshot({ path: join(shots, 'team-card.png') });
    assert(problems.length === 0, problems.join('; '));
  },
);

await context.close();
stopAll();
for (const r of results) console.log(r);
const failed = results.filter(r => r.startsWith('FAIL')).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
