// Drives the real @backstage/catalog-client against a running service and checks what it gets back.
// Usage: (cd compat && npm install @backstage/catalog-client@1.16.4) && node compat/catalog-client-check.mjs http://localhost:8080
// Expects the example catalog (catalog-examples/) to be loaded.
import { CatalogClient } from '@backstage/catalog-client';
import assert from 'node:assert/strict';

const base = process.argv[2] ?? 'http://localhost:8080';
const discoveryApi = { getBaseUrl: async () => `${base}/api/catalog` };
const client = new CatalogClient({ discoveryApi });
const results = [];
async function check(name, fn) {
  try { await fn(); results.push(`ok   ${name}`); } catch (e) { results.push(`FAIL ${name}: ${e.message}`); }
}

await check('getEntityByRef', async () => {
  const e = await client.getEntityByRef('system:default/observability');
  assert.equal(e.metadata.name, 'observability');
  assert.ok(e.metadata.uid && e.metadata.etag && e.relations.length > 0);
  assert.equal(await client.getEntityByRef('component:default/does-not-exist'), undefined);
});
await check('getEntities with filter, fields, order', async () => {
  const { items } = await client.getEntities({
    filter: { kind: 'Component', 'spec.lifecycle': 'production' },
    fields: ['metadata.name', 'kind'],
    order: { field: 'metadata.name', order: 'desc' },
  });
  assert.ok(items.length > 10);
  assert.deepEqual(Object.keys(items[0]).sort(), ['kind', 'metadata']);
  assert.ok(items[0].metadata.name >= items[1].metadata.name);
});
await check('getEntities with exists filter and relations filter', async () => {
  const { CATALOG_FILTER_EXISTS } = await import('@backstage/catalog-client');
  const docs = await client.getEntities({ filter: { 'metadata.annotations.backstage.io/techdocs-ref': CATALOG_FILTER_EXISTS } });
  assert.deepEqual(docs.items.map(e => e.metadata.name).sort(), ['ci-pipelines', 'feature-flags', 'message-bus',
    'metrics-api', 'observability', 'postgres-as-a-service']);
  assert.ok(docs.items.every(e => e.metadata.annotations['backstage.io/techdocs-ref']));
  const owned = await client.getEntities({ filter: { 'relations.ownedBy': 'group:default/observability' } });
  assert.deepEqual(owned.items.map(e => e.metadata.name).sort(), ['logs-api', 'metrics-api', 'metrics-store',
    'observability', 'otel-collector']);
  assert.ok(owned.items.every(e => e.spec.owner === 'observability'));
});
await check('getEntitiesByRefs keeps order and gives undefined for unknown', async () => {
  const { items } = await client.getEntitiesByRefs({ entityRefs: ['group:default/payments', 'component:default/nope', 'system:default/observability'] });
  assert.equal(items[0].metadata.name, 'payments');
  assert.equal(items[1], undefined);
  assert.equal(items[2].metadata.name, 'observability');
});
await check('queryEntities with cursor paging and totalItems', async () => {
  const first = await client.queryEntities({ filter: { kind: 'User' }, limit: 10, orderFields: { field: 'metadata.name', order: 'asc' } });
  assert.equal(first.items.length, 10);
  assert.equal(first.totalItems, 29);
  const second = await client.queryEntities({ cursor: first.pageInfo.nextCursor, limit: 10 });
  assert.equal(second.items.length, 10);
  assert.ok(second.items[0].metadata.name > first.items[9].metadata.name);
  const text = await client.queryEntities({ fullTextFilter: { term: 'jane', fields: ['metadata.name'] } });
  assert.deepEqual(text.items.map(e => e.metadata.name), ['jane.doe']);
  assert.equal(text.totalItems, 1);
});
await check('getEntityFacets', async () => {
  const { facets } = await client.getEntityFacets({ facets: ['kind', 'spec.lifecycle'] });
  assert.equal(facets.kind.find(f => f.value === 'Component').count, 33);
  assert.equal(facets.kind.find(f => f.value === 'User').count, 29);
});
await check('getEntityAncestorsByRef', async () => {
  const a = await client.getEntityAncestors({ entityRef: 'component:default/otel-collector' });
  assert.equal(a.rootEntityRef, 'component:default/otel-collector');
  assert.ok(a.items.length >= 3);
});
await check('locations: getLocations, getLocationByRef, getLocationByEntity, dry run', async () => {
  const all = await client.getLocations();
  assert.ok(all.items.length >= 1);
  const byEntity = await client.getLocationByEntity('component:default/otel-collector');
  assert.equal(byEntity.id, all.items[0].id);
  const byRef = await client.getLocationByRef(`${all.items[0].type}:${all.items[0].target}`);
  assert.equal(byRef.id, all.items[0].id);
  const dry = await client.addLocation({ type: 'file', target: all.items[0].target, dryRun: true });
  assert.equal(dry.exists, true);
  assert.ok(dry.entities.length > 100);
});
await check('validateEntity', async () => {
  const ok = await client.validateEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, spec: { type: 'service', lifecycle: 'production', owner: 'team' } }, 'url:https://example.com/catalog-info.yaml');
  assert.equal(ok.valid, true);
  const bad = await client.validateEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x y' }, spec: {} }, 'url:https://example.com/catalog-info.yaml');
  assert.equal(bad.valid, false);
  assert.match(bad.errors[0].message, /metadata.name/);
});
await check('refreshEntity', async () => {
  await client.refreshEntity('component:default/otel-collector');
});
await check('errors come back as ResponseError with the envelope', async () => {
  try { await client.removeEntityByUid('00000000-0000-0000-0000-000000000000'); assert.fail('no error'); }
  catch (e) { assert.equal(e.name, 'ResponseError'); assert.equal(e.body.error.name, 'NotFoundError'); }
});
console.log(results.join('\n'));
process.exit(results.some(r => r.startsWith('FAIL')) ? 1 : 0);
