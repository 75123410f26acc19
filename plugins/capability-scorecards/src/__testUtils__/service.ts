import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/core-app-api';
import { MockFetchApi } from '@backstage/test-utils';
import { CapabilityScorecardsClient } from '../api/CapabilityScorecardsClient';

/**
 * The running Capability Scorecards service the tests render against (ci.sh starts it with the example
 * catalog through tools/with-service.sh and sets SERVICE_URL).
 */
export const SERVICE_URL = process.env.SERVICE_URL ?? 'http://localhost:18130';

/** Real HTTP through Backstage's fetchApi (MockFetchApi's default implementation is a real fetch). */
export const fetchApi = new MockFetchApi();

export const client = new CapabilityScorecardsClient({
  discoveryApi: { getBaseUrl: async () => `${SERVICE_URL}/api/proxy-not-used` },
  fetchApi,
  configApi: new ConfigReader({
    capabilityScorecards: { baseUrl: SERVICE_URL },
  }),
});

/** The entity as the service's Backstage-compatible catalog API serves it. */
export async function catalogEntity(
  kind: string,
  name: string,
): Promise<Entity> {
  const response = await fetchApi.fetch(
    `${SERVICE_URL}/api/catalog/entities/by-name/${kind}/default/${name}`,
  );
  if (!response.ok) throw new Error(`${kind}:${name}: HTTP ${response.status}`);
  return response.json();
}

/** A GET of the service's JSON API, to compare what is shown with what the service says. */
export async function serviceJson(path: string): Promise<any> {
  const response = await fetchApi.fetch(`${SERVICE_URL}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}
