// Drives the real Tech Insights client (@backstage-community/plugin-tech-insights-common 0.11.0, the base
// of the frontend's techInsightsApiRef) against a running service and checks what it gets back.
// Usage: (cd compat && npm ci) && node compat/tech-insights-check.mjs http://localhost:8080
// Expects the example catalog (catalog-examples/) to be loaded and the default scorecards only.
import { TechInsightsClient } from '@backstage-community/plugin-tech-insights-common/client';
import assert from 'node:assert/strict';

const base = process.argv[2] ?? 'http://localhost:8080';
// What a Backstage app's discovery gives when proxy.endpoints['/tech-insights'] points here, or when
// discovery.endpoints maps the plugin id tech-insights to this service: the plugin's base URL.
const discoveryApi = { getBaseUrl: async pluginId => `${base}/api/${pluginId}` };
// An anonymous visitor (a Backstage guest): no token unless TECH_INSIGHTS_TOKEN is set (OIDC on).
const identityApi = {
  getBackstageIdentity: async () => ({ type: 'user', userEntityRef: 'user:default/guest', ownershipEntityRefs: [] }),
  getProfileInfo: async () => ({}),
  getCredentials: async () => ({ token: process.env.TECH_INSIGHTS_TOKEN }),
  signOut: async () => {},
};
const client = new TechInsightsClient({ discoveryApi, identityApi });

const results = [];
async function check(name, fn) {
  try { await fn(); results.push(`ok   ${name}`); } catch (e) { results.push(`FAIL ${name}: ${e.stack}`); }
}
async function ours(path) {
  const r = await fetch(`${base}${path}`);
  assert.equal(r.status, 200, path);
  return r.json();
}
/** Check id → state, from this service's own API for one capability. */
async function statesOf(ref) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const c = await ours(`/api/scorecards/capabilities/${kind}/${namespace}/${name}`);
  return Object.fromEntries(c.scorecards.flatMap(s => s.checks.map(k => [k.id, k.state])));
}
const holds = state => ['PASS', 'EXEMPT', 'NOT_APPLICABLE'].includes(state);

const ids = [
  'adoption.has-consumer', 'adoption.consuming-teams', 'adoption.no-bypasses', 'adoption.adoption-rate',
  'adoption.not-falling', 'adoption.satisfied-users', 'adoption.quick-first-adopter',
  'documentation.has-description', 'documentation.owner-is-group', 'documentation.has-docs',
  'documentation.lifecycle-set', 'documentation.api-definitions', 'documentation.source-location',
  'support-readiness.owner-has-members', 'support-readiness.on-call', 'support-readiness.support-channel',
  'support-readiness.runbook', 'support-readiness.production', 'support-readiness.support-load',
  'relied-on.registered', 'relied-on.integrated', 'relied-on.documented', 'relied-on.supported',
  'relied-on.adopted', 'relied-on.relied-on',
];
const capabilities = (await ours('/api/scorecards/capabilities?limit=500')).items.map(i => i.entityRef).sort();

await check('getAllChecks lists every check once, by stable id', async () => {
  const checks = await client.getAllChecks();
  assert.deepEqual(checks.map(c => c.id), ids);
  assert.ok(checks.every(c => c.type === 'json-rules-engine'));
  const c = checks.find(x => x.id === 'documentation.has-description');
  assert.equal(c.name, 'Has a description');
  assert.deepEqual(c.factIds, ['capability-facts']);
  assert.deepEqual(c.metadata, { category: 'Documentation', rank: 1, scorecard: 'documentation', level: 'Bronze',
    levelIndex: 0, weight: 1, solution: "Add metadata.description to the capability's catalog-info.yaml, saying what it offers and to whom.",
    expression: 'facts.hasDescription' });
  assert.equal(c.description, 'The capability has a metadata.description saying what it offers.');
  // what the Maturity plugin reads: a name, a description, an area (category) and a rank from 1 to 3
  assert.ok(checks.every(x => x.name && x.description && x.metadata.category && [1, 2, 3].includes(x.metadata.rank)));
  assert.deepEqual(checks.filter(x => x.metadata.category === 'Relied on').map(x => x.metadata.rank), [1, 1, 2, 2, 3, 3]);
  assert.deepEqual(c.links, [{ title: 'How to fix',
    url: 'https://backstage.io/docs/features/software-catalog/descriptor-format#description-optional' }]);
  assert.deepEqual(checks.find(x => x.id === 'relied-on.documented').metadata.requires, ['documentation.*']);
});

await check('runChecks for one capability: the states of our API, as booleans', async () => {
  const entity = { kind: 'system', namespace: 'default', name: 'secrets-vault' };
  const res = await client.runChecks(entity);
  assert.deepEqual(res.map(r => r.check.id), ids);
  const states = await statesOf('system:default/secrets-vault');
  for (const r of res) {
    assert.equal(r.check.metadata.state, states[r.check.id], r.check.id);
    assert.equal(r.result, holds(states[r.check.id]), r.check.id);
  }
  const byId = Object.fromEntries(res.map(r => [r.check.id, r]));
  assert.equal(byId['documentation.has-description'].result, false);
  assert.equal(byId['documentation.has-description'].check.metadata.state, 'FAIL');
  assert.deepEqual(byId['documentation.has-description'].facts.hasDescription,
    { id: 'capability-facts', type: 'boolean', description: 'The capability has a metadata.description.', value: false });
  assert.equal(byId['documentation.owner-is-group'].result, true);
  assert.equal(byId['documentation.api-definitions'].check.metadata.reason, 'apiCount = 1, apisWithDefinition = 0');
  assert.equal(byId['adoption.satisfied-users'].result, true);
  assert.equal(byId['adoption.satisfied-users'].check.metadata.state, 'NOT_APPLICABLE');
  assert.match(byId['adoption.satisfied-users'].check.description,
    /\*\*Not applicable:\*\* does not apply: facts.satisfactionCount > 0$/);
  const some = await client.runChecks(entity, ['documentation.has-docs', 'adoption.has-consumer']);
  assert.deepEqual(some.map(r => [r.check.id, r.result]), [['adoption.has-consumer', true], ['documentation.has-docs', false]]);
  assert.deepEqual(await client.runChecks({ kind: 'group', namespace: 'default', name: 'payments' }), []);
});

await check('runBulkChecks for everything (entities: []) answers every capability', async () => {
  const all = await client.runBulkChecks([]);
  assert.deepEqual(all.map(e => e.entity), capabilities);
  assert.equal(all.length, 29);
  for (const e of all.filter(x => ['system:default/observability', 'system:default/message-bus',
    'component:default/edge-gateway'].includes(x.entity))) {
    const states = await statesOf(e.entity);
    assert.deepEqual(e.results.map(r => [r.check.id, r.result]), ids.map(id => [id, holds(states[id])]), e.entity);
  }
  assert.ok(all.find(e => e.entity === 'system:default/observability').results.every(r => r.result === true));
});

await check('runBulkChecks for a list of refs, with checks, in chunks of 750', async () => {
  const checks = (await client.getAllChecks()).filter(c => c.id.startsWith('documentation.'));
  const refs = [{ kind: 'system', namespace: 'default', name: 'secrets-vault' },
    { kind: 'component', namespace: 'default', name: 'no-such-thing' },
    { kind: 'user', namespace: 'default', name: 'jane.doe' }];
  const res = await client.runBulkChecks(refs, checks);
  assert.deepEqual(res.map(e => e.entity), ['system:default/secrets-vault', 'component:default/no-such-thing',
    'user:default/jane.doe']);
  assert.deepEqual(res[0].results.map(r => r.result), [false, true, false, true, false, false]);
  assert.deepEqual(res[1].results, []);
  assert.deepEqual(res[2].results, []);
  // 751 entities: the client sends 750, then 1
  const many = Array.from({ length: 751 }, (_, i) => i % 3 === 0
    ? { kind: 'system', namespace: 'default', name: 'observability' }
    : { kind: 'component', namespace: 'default', name: `unknown-${i}` });
  const big = await client.runBulkChecks(many, checks);
  assert.equal(big.length, 751);
  assert.equal(big.filter(e => e.results.length === 6).length, 251);
  assert.equal(big[750].entity, 'system:default/observability');
  // exactly 750: the client's loop also sends an empty last chunk, which means "every capability"
  const exact = await client.runBulkChecks(many.slice(0, 750), checks);
  assert.equal(exact.length, 750 + 29);
});

await check('getFacts: latest rows of the three retrievers', async () => {
  const push = await fetch(`${base}/api/scorecards/facts`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ entityRef: 'system:default/observability', source: 'ci', timestamp: '2026-01-02T03:04:05Z',
      facts: { 'ci.passRate': 0.97, 'ci.build': '1234' } }]) });
  assert.equal((await push.json()).accepted, 1);
  const entity = { kind: 'system', namespace: 'default', name: 'observability' };
  const facts = await client.getFacts(entity, ['capability-facts', 'scorecard-results', 'pushed-facts', 'nope']);
  assert.deepEqual(Object.keys(facts).sort(), ['capability-facts', 'pushed-facts', 'scorecard-results']);
  const ourResult = await ours('/api/scorecards/capabilities/system/default/observability');
  assert.equal(facts['capability-facts'].facts.consumerCount, ourResult.adoption.consumers);
  assert.equal(facts['capability-facts'].facts.consumerCount, 18);
  assert.equal(facts['capability-facts'].facts.adoptionRate, 0.75);
  assert.equal(facts['capability-facts'].timestamp, ourResult.evaluatedAt);
  assert.equal(facts['scorecard-results'].facts['relied-on.level'], 'Relied on');
  assert.equal(facts['scorecard-results'].facts['documentation.has-docs'], 'PASS');
  assert.deepEqual(facts['pushed-facts'].facts, { 'ci.build': '1234', 'ci.passRate': 0.97 });
  assert.equal(facts['pushed-facts'].timestamp, '2026-01-02T03:04:05Z');
  assert.deepEqual(facts['pushed-facts'].entity, entity);
});

await check('getFactSchemas: the three retrievers with typed facts', async () => {
  const schemas = await client.getFactSchemas();
  assert.deepEqual(schemas.map(s => s.id), ['capability-facts', 'pushed-facts', 'scorecard-results']);
  const derived = schemas[0];
  assert.equal(derived.version, '1.0.0');
  assert.equal(derived.entityFilter, null);
  assert.equal(Object.keys(derived).length, 3 + 32);
  assert.equal(derived.supportLoadPerTeam.type, 'float');
  assert.equal(schemas[1]['support.tickets'].type, 'integer');
  assert.equal(derived.adoptionRate.type, 'float');
  assert.equal(derived.apisWithoutDefinition.type, 'set');
  assert.deepEqual([schemas[1]['ci.passRate'].type, schemas[1]['ci.build'].type], ['float', 'string']);
  assert.equal(Object.keys(schemas[2]).length, 3 + 4 * 2 + ids.length + 2);
  assert.equal(schemas[2]['adoption.has-consumer'].type, 'string');
});

await check('facts/range (no client method): pushes and recorded changes', async () => {
  const url = `${await discoveryApi.getBaseUrl('tech-insights')}/facts/range?entity=system:default/observability`
    + '&ids[]=pushed-facts&ids[]=scorecard-results&startDatetime=2026-01-01T00:00:00Z&endDatetime=2099-01-01T00:00:00Z';
  const r = await fetch(url);
  assert.equal(r.status, 200);
  const range = await r.json();
  assert.deepEqual(range['pushed-facts'].map(x => [x.timestamp, x.facts]),
    [['2026-01-02T03:04:05Z', { 'ci.passRate': 0.97, 'ci.build': '1234' }]]);
  const history = await ours('/api/scorecards/capabilities/system/default/observability/history');
  assert.deepEqual(range['scorecard-results'].map(x => [x.timestamp, x.facts['relied-on.level']]),
    history.items.map(h => [h.at, h.level]));
});

await check('unknown check ids: 404 NotFoundError for one entity, an error per entity in bulk (as Tech Insights 3.1.0)', async () => {
  try { await client.runChecks({ kind: 'system', namespace: 'default', name: 'observability' }, ['nope.nope']); assert.fail('no error'); }
  catch (e) {
    assert.equal(e.name, 'ResponseError');
    assert.equal(e.statusCode, 404);
    assert.equal(e.body.error.name, 'NotFoundError');
    assert.equal(e.body.error.message, "Tech insight check with id 'nope.nope' is not registered.");
  }
  const bulk = await client.runBulkChecks([{ kind: 'system', namespace: 'default', name: 'observability' }], [{ id: 'nope.nope' }]);
  assert.deepEqual(bulk, [{ entity: 'system:default/observability', results: [],
    error: { name: 'NotFoundError', message: "Tech insight check with id 'nope.nope' is not registered." } }]);
});

await check('runBulkChecks(refs, [check]) returns only that check', async () => {
  const [one] = (await client.getAllChecks()).filter(c => c.id === 'support-readiness.on-call');
  const res = await client.runBulkChecks([{ kind: 'system', namespace: 'default', name: 'observability' },
    { kind: 'system', namespace: 'default', name: 'secrets-vault' }], [one]);
  assert.deepEqual(res.map(e => [e.entity, e.results.map(r => [r.check.id, r.result])]), [
    ['system:default/observability', [['support-readiness.on-call', true]]],
    ['system:default/secrets-vault', [['support-readiness.on-call', true]]]]);
});

await check('the Maturity plugin\'s calls: runChecks for a component, runBulkChecks for a system\'s parts', async () => {
  // MaturityClient: a Component is scored by runChecks; a System by runBulkChecks over its hasPart
  // relations; the rank is the highest rank below the lowest failing one (ScoringDataFormatter)
  const rankOf = results => {
    const max = Math.max(0, ...results.map(r => r.check.metadata.rank));
    let rank = max;
    for (const r of results) if (!r.result && r.check.metadata.rank <= rank) rank = r.check.metadata.rank - 1;
    return rank;
  };
  const gateway = await client.runChecks({ kind: 'component', namespace: 'default', name: 'edge-gateway' });
  assert.equal(gateway.length, ids.length);
  const areas = [...new Set(gateway.map(r => r.check.metadata.category))];
  assert.deepEqual(areas, ['Adoption', 'Documentation', 'Support readiness', 'Relied on']);
  // edge-gateway fails has-docs and on-call (Silver), runbook (Gold), and the ladder's Documented and
  // Supported rungs (rank 2): Bronze overall; its Adoption area is Gold, the other areas Bronze
  assert.equal(rankOf(gateway), 1);
  assert.deepEqual(Object.fromEntries(areas.map(a => [a, rankOf(gateway.filter(r => r.check.metadata.category === a))])),
    { Adoption: 3, Documentation: 1, 'Support readiness': 1, 'Relied on': 1 });
  const { CatalogClient } = await import('@backstage/catalog-client');
  const catalog = new CatalogClient({ discoveryApi: { getBaseUrl: async () => `${base}/api/catalog` } });
  const system = await catalog.getEntityByRef('system:default/observability');
  const parts = system.relations.filter(r => r.type === 'hasPart').map(r => {
    const [kind, rest] = r.targetRef.split(':'); const [namespace, name] = rest.split('/'); return { kind, namespace, name }; });
  const bulk = await client.runBulkChecks(parts);
  assert.equal(bulk.length, parts.length);
  assert.ok(bulk.every(e => Array.isArray(e.results)));
});

await check('missing ids and bad dates: the backend\'s own 422 bodies, a ResponseError as with the backend', async () => {
  try { await client.getFacts({ kind: 'system', namespace: 'default', name: 'observability' }, []); assert.fail('no error'); }
  catch (e) {
    assert.equal(e.name, 'ResponseError');
    assert.equal(e.statusCode, 422);
    assert.equal(e.body.error.name, 'Error');
    assert.match(e.body.error.message,
      /^Request failed with status 422 .*, \{"error":"Failed to parse ids from request"\}$/);
  }
  const r = await fetch(`${base}/api/tech-insights/facts/range?entity=system:default/observability`
    + '&ids[]=pushed-facts&startDatetime=yesterday&endDatetime=2026-01-01');
  assert.equal(r.status, 422);
  assert.deepEqual(await r.json(),
    { message: 'Failed to parse datetime from request', field: 'startDateTime', value: 'yesterday' });
});

console.log(results.join('\n'));
const failed = results.filter(r => r.startsWith('FAIL')).length;
console.log(`tech-insights: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
