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
  assert.equal(first.totalItems, 31);
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
  assert.equal(facets.kind.find(f => f.value === 'User').count, 31);
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

// --- issue 12: the newest calls of catalog-client 1.16.4. Every expected value below was first obtained
// by running the same call with the same client against a real Backstage (plugin-catalog-backend 4.0.5
// from ../shared/backstage-reference, PEER_CATALOG_FILE=catalog-examples/all.yaml) and this service,
// and comparing (docs/decisions.md, "Backstage answers, exactly (issue 12)"). metrics-api is left out of
// these queries: the reference cannot read its $text definition from a file location.
const refsOf = items => items.map(e => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase());
await check('queryEntities with a predicate ($all, $not) and an order', async () => {
  const r = await client.queryEntities({ query: { $all: [{ kind: 'component' }, { 'spec.lifecycle': 'production' },
    { $not: { 'spec.type': 'service' } }] }, orderFields: { field: 'metadata.name', order: 'asc' } });
  assert.equal(r.totalItems, 6);
  assert.deepEqual(refsOf(r.items), ['component:default/android-app', 'component:default/catalog-admin-ui',
    'component:default/ios-app', 'component:default/login-web', 'component:default/shipping-tracker',
    'component:default/storefront-web']);
});
await check('queryEntities: predicate and filter together, fields, cursor paging by POST', async () => {
  const p1 = await client.queryEntities({ query: { kind: 'user' }, filter: { 'relations.memberOf': 'group:default/payments' },
    limit: 2, orderFields: { field: 'metadata.name', order: 'desc' }, fields: ['metadata.name', 'kind'] });
  assert.equal(p1.totalItems, 3);
  assert.deepEqual(p1.items.map(e => e.metadata.name), ['raj.patel', 'noah.williams']);
  assert.deepEqual(Object.keys(p1.items[0]).sort(), ['kind', 'metadata']);
  assert.ok('query' in JSON.parse(atob(p1.pageInfo.nextCursor)), 'the cursor carries the predicate');
  const p2 = await client.queryEntities({ cursor: p1.pageInfo.nextCursor });
  assert.deepEqual(p2.items.map(e => e.metadata.name), ['emma.schmidt']);
  assert.equal(p2.totalItems, 3);
  assert.equal(p2.pageInfo.nextCursor, undefined);
  const back = await client.queryEntities({ cursor: p2.pageInfo.prevCursor });
  assert.deepEqual(back.items.map(e => e.metadata.name), ['raj.patel', 'noah.williams']);
});
await check('queryEntities: $exists with full text and totalItems exclude', async () => {
  const r = await client.queryEntities({ query: { 'metadata.annotations.backstage.io/techdocs-ref': { $exists: true } },
    orderFields: { field: 'metadata.name', order: 'asc' }, fullTextFilter: { term: 'o', fields: ['metadata.name'] },
    totalItems: 'exclude' });
  assert.equal(r.totalItems, 0);
  assert.deepEqual(refsOf(r.items), ['system:default/observability', 'system:default/postgres-as-a-service']);
});
await check('queryEntities: relations $contains with $in, $any of $contains and $hasPrefix', async () => {
  const rel = await client.queryEntities({ query: { relations: { $contains: { type: 'ownedBy',
    targetRef: { $in: ['group:default/payments', 'group:default/identity'] } } }, kind: { $in: ['system', 'api'] } },
    orderFields: [{ field: 'metadata.name', order: 'asc' }] });
  assert.deepEqual(refsOf(rel.items), ['system:default/customer-identity', 'api:default/identity-api',
    'system:default/payment-processing', 'api:default/payments-api']);
  const any = await client.queryEntities({ query: { $any: [{ 'metadata.tags': { $contains: 'java' } },
    { 'metadata.name': { $hasPrefix: 'PAY' } }] }, orderFields: { field: 'metadata.name', order: 'asc' } });
  assert.deepEqual(refsOf(any.items), ['component:default/checkout-service', 'component:default/customer-profile-service',
    'component:default/event-broker', 'component:default/order-service', 'system:default/payment-processing',
    'group:default/payments', 'api:default/payments-api', 'resource:default/payments-db',
    'component:default/payments-ledger', 'component:default/payments-service', 'component:default/payouts-service',
    'component:default/product-catalog-service']);
});
await check('queryEntities: bad predicates are ResponseErrors with the backend\'s InputError', async () => {
  const errors = [];
  for (const query of [{ 'metadata.tags': { $contains: { a: 1 } } }, { relations: { $contains: { targetRef: 'x' } } }]) {
    try { await client.queryEntities({ query }); errors.push('no error'); }
    catch (e) { errors.push([e.name, e.statusCode, e.body.error.name, e.body.error.message]); }
  }
  assert.deepEqual(errors, [
    ['ResponseError', 400, 'InputError', 'Object form of $contains is not supported for field "metadata.tags"'],
    ['ResponseError', 400, 'InputError', 'The $contains operator for "relations" requires a "type" string property']]);
});
await check('getEntityFacets with a predicate (alone, and with a filter)', async () => {
  assert.deepEqual(await client.getEntityFacets({ facets: ['spec.lifecycle', 'spec.type'],
    query: { kind: 'component', 'spec.owner': { $in: ['payments', 'checkout'] } } }),
  { facets: { 'spec.lifecycle': [{ value: 'production', count: 7 }],
    'spec.type': [{ value: 'service', count: 6 }, { value: 'website', count: 1 }] } });
  assert.deepEqual(await client.getEntityFacets({ facets: ['kind'], filter: { kind: ['System', 'Domain'] },
    query: { $not: { 'metadata.name': { $hasPrefix: 'p' } } } }),
  { facets: { kind: [{ value: 'Domain', count: 1 }, { value: 'System', count: 10 }] } });
});
await check('getEntitiesByRefs with a predicate and fields', async () => {
  const { items } = await client.getEntitiesByRefs({ entityRefs: ['system:default/observability', 'group:default/payments',
    'component:default/otel-collector', 'api:default/nope'], query: { kind: { $in: ['system', 'component'] } },
  fields: ['metadata.name'] });
  assert.deepEqual(items, [{ metadata: { name: 'observability' } }, undefined, { metadata: { name: 'otel-collector' } },
    undefined]);
});
await check('streamEntities pages through by-query (filter by GET, predicate by POST)', async () => {
  const sizes = [];
  for await (const page of client.streamEntities({ filter: { kind: 'user' }, pageSize: 10,
    orderFields: { field: 'metadata.name', order: 'asc' } })) sizes.push(page.length);
  assert.deepEqual(sizes, [10, 10, 10, 1]);
  const pages = [];
  for await (const page of client.streamEntities({ query: { kind: 'group' }, pageSize: 5 })) pages.push(page.map(e => e.metadata.name));
  assert.deepEqual(pages.map(p => p.length), [5, 5, 5, 2]);
  assert.deepEqual(pages.flat().sort(), ['acme', 'catalog-team', 'checkout', 'data-platform', 'developer-experience',
    'fulfillment', 'growth', 'identity', 'integration-platform', 'mobile', 'observability', 'payments', 'platform',
    'platform-enablement', 'product', 'search', 'security-platform']);
});
await check('spec arrays come back sorted as Backstage\'s processor sorts them', async () => {
  const e = await client.getEntityByRef('component:default/checkout-service');
  assert.deepEqual(e.spec.consumesApis, ['identity-api', 'metrics-api', 'payments-api', 'postgres-provisioning-api',
    'secrets-api']);
  assert.deepEqual(e.spec.providesApis, ['checkout-api']);
});
await check('locations: getLocationById, queryLocations, streamLocations, removeLocationById', async () => {
  const [only] = (await client.getLocations()).items;
  assert.deepEqual(await client.getLocationById(only.id), only);
  assert.equal(await client.getLocationById('00000000-0000-0000-0000-000000000000'), undefined);
  // values compare case-insensitively; $contains and an empty $all match nothing (as the location store)
  assert.deepEqual(await client.queryLocations({ query: { type: 'FILE' } }), { items: [only], totalItems: 1, pageInfo: {} });
  assert.deepEqual(await client.queryLocations({ query: { $all: [] } }), { items: [], totalItems: 0, pageInfo: {} });
  assert.deepEqual(await client.queryLocations({ query: { target: { $contains: 'all' } } }), { items: [], totalItems: 0, pageInfo: {} });
  assert.deepEqual(await client.queryLocations({ query: { $not: { entityRef: { $hasPrefix: 'LOCATION:default/generated-' } } } }),
    { items: [], totalItems: 0, pageInfo: {} });
  const pages = [];
  for await (const page of client.streamLocations({ query: { id: { $in: [only.id] } } })) pages.push(page);
  assert.deepEqual(pages, [[only]]);
  try { await client.queryLocations({ query: { name: 'x' } }); assert.fail('no error'); }
  catch (e) {
    assert.equal(e.body.error.name, 'InputError');
    assert.equal(e.body.error.message, "Invalid filter predicate, expected key to be 'id', 'type', 'target', or 'entityRef', got 'name'");
  }
  try { await client.removeLocationById('00000000-0000-0000-0000-000000000000'); assert.fail('no error'); }
  catch (e) {
    assert.equal(e.body.error.name, 'NotFoundError');
    assert.equal(e.body.error.message, 'Found no location with ID 00000000-0000-0000-0000-000000000000');
  }
});
await check('removeEntityByUid removes an entity', async () => {
  const push = await fetch(`${base}/api/catalog/ingest?source=compat&mode=delta`, { method: 'POST',
    headers: { 'content-type': 'application/yaml' },
    body: 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: compat-throwaway}\nspec: {type: service, lifecycle: experimental, owner: payments}\n' });
  assert.equal(push.status, 200);
  const e = await client.getEntityByRef('component:default/compat-throwaway');
  await client.removeEntityByUid(e.metadata.uid);
  assert.equal(await client.getEntityByRef('component:default/compat-throwaway'), undefined);
});
await check('updateLocation keeps id and entityRef; a taken target is a ConflictError (as real Backstage answers)', async () => {
  const [only] = (await client.getLocations()).items;
  assert.deepEqual(await client.updateLocation(only.id, { type: 'file', target: only.target }), only);
  assert.deepEqual((await client.getLocations()).items, [only]);
  // Backstage checks the target before the id: a taken target on an unknown id is a 409
  try { await client.updateLocation('00000000-0000-0000-0000-000000000000', { type: 'file', target: only.target }); assert.fail('no error'); }
  catch (e) {
    assert.equal(e.statusCode, 409);
    assert.equal(e.body.error.name, 'ConflictError');
    assert.equal(e.body.error.message, `Location file:${only.target} already exists`);
  }
});
await check('analyzeLocation: a repository URL gets the Component real Backstage proposes; not a URL is an InputError', async () => {
  // expected answers as Backstage 4.0.5 gave them for the same requests (docs/decisions.md, issue 12)
  assert.deepEqual(await client.analyzeLocation({ location: { type: 'url', target: 'https://github.com/acme/payments' } }), {
    existingEntityFiles: [],
    generateEntities: [{ entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
      metadata: { name: 'payments', annotations: { 'github.com/project-slug': 'acme/payments' } },
      spec: { type: 'other', lifecycle: 'unknown' } }, fields: [] }],
  });
  assert.deepEqual(await client.analyzeLocation({ location: { type: 'url', target: 'https://gitlab.com/g/sub/repo/-/tree/main' } }), {
    existingEntityFiles: [],
    generateEntities: [{ entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
      metadata: { name: 'repo', annotations: { 'gitlab.com/project-slug': 'g/sub/repo' } },
      spec: { type: 'other', lifecycle: 'unknown' } }, fields: [] }],
  });
  assert.deepEqual(await client.analyzeLocation({ location: { type: 'url', target: 'https://git.example.com/team/tool.git' } }), {
    existingEntityFiles: [],
    generateEntities: [{ entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'tool' },
      spec: { type: 'other', lifecycle: 'unknown' } }, fields: [] }],
  });
  try { await client.analyzeLocation({ location: { type: 'url', target: 'not a url' } }); assert.fail('no error'); }
  catch (e) {
    assert.equal(e.statusCode, 400);
    assert.equal(e.body.error.name, 'InputError');
    assert.equal(e.body.error.message, 'The given location.target is not a URL');
  }
});
await check('analyzeLocation: a catalog file is read as a dry run (our addition: docs/decisions.md)', async () => {
  const [only] = (await client.getLocations()).items;
  const a = await client.analyzeLocation({ location: { type: 'file', target: only.target } });
  assert.deepEqual(a.generateEntities, []);
  assert.deepEqual(a.existingEntityFiles[0].location, { type: 'file', target: only.target });
  assert.equal(a.existingEntityFiles[0].isRegistered, true);
  assert.equal(a.existingEntityFiles[0].entity.metadata.name, 'example-catalog');
  // every entity the catalog holds from that location, but the generated Location entity itself
  const stored = await client.getEntities({ filter: { 'metadata.annotations.backstage.io/managed-by-origin-location': `file:${only.target}` } });
  assert.equal(a.existingEntityFiles.length, stored.items.length - 1);
  assert.equal(a.existingEntityFiles.filter(f => f.isRegistered).length, 1);
});
console.log(results.join('\n'));
process.exit(results.some(r => r.startsWith('FAIL')) ? 1 : 0);
