/* eslint-disable new-cap -- openapi-fetch's methods are named after the HTTP verbs (GET, POST) */
import {
  ConfigApi,
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

type Schemas = components['schemas'];
export type CapabilityResult = Schemas['CapabilityResult'];
export type CapabilityList = Schemas['CapabilityList'];
export type CapabilityConsumers = Schemas['CapabilityConsumers'];
export type CapabilityHistory = Schemas['CapabilityHistory'];
export type FeedbackSummary = Schemas['FeedbackSummary'];
export type FeedbackVoteResponse = Schemas['FeedbackVoteResponse'];
export type ExemptionList = Schemas['ExemptionList'];
export type TeamDetail = Schemas['TeamDetail'];
export type TeamGraph = Schemas['TeamGraph'];
export type OrganisationSummary = Schemas['OrganisationSummary'];
export type ScorecardResult = Schemas['ScorecardResult'];

/** Query of the capability list (`GET /api/scorecards/capabilities`). */
export type CapabilityListQuery = NonNullable<
  paths['/api/scorecards/capabilities']['get']['parameters']['query']
>;

/** An entity ref split into the parts the service's paths take. */
export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/** What the plugin asks of the Capability Scorecards service. */
export interface CapabilityScorecardsApi {
  baseUrl(): Promise<string>;
  getCapability(entity: EntityName): Promise<CapabilityResult>;
  getHistory(entity: EntityName): Promise<CapabilityHistory>;
  getConsumers(entity: EntityName): Promise<CapabilityConsumers>;
  getFeedback(entity: EntityName): Promise<FeedbackSummary>;
  rate(
    entity: EntityName,
    vote: { score: number; comment?: string; voter: string },
  ): Promise<FeedbackVoteResponse>;
  getExemptions(entityRef: string): Promise<ExemptionList>;
  listCapabilities(query: CapabilityListQuery): Promise<CapabilityList>;
  getTeam(namespace: string, name: string): Promise<TeamDetail>;
  getTeamGraph(): Promise<TeamGraph>;
  getSummary(): Promise<OrganisationSummary>;
}

export const capabilityScorecardsApiRef = createApiRef<CapabilityScorecardsApi>(
  { id: 'plugin.capability-scorecards.service' },
);

/**
 * The typed client of openapi/openapi.yaml. Every call goes through Backstage's fetchApi (so the
 * user's identity token reaches the service) to `capabilityScorecards.baseUrl`, or by default to the
 * backend's proxy at `/api/proxy/capability-scorecards`.
 */
export class CapabilityScorecardsClient implements CapabilityScorecardsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
      configApi?: ConfigApi;
    },
  ) {}

  async baseUrl(): Promise<string> {
    const configured = this.options.configApi?.getOptionalString(
      'capabilityScorecards.baseUrl',
    );
    if (configured) return configured.replace(/\/+$/, '');
    const proxy = await this.options.discoveryApi.getBaseUrl('proxy');
    return `${proxy}/capability-scorecards`;
  }

  private async client() {
    return createClient<paths>({
      baseUrl: await this.baseUrl(),
      fetch: (request: Request) => this.options.fetchApi.fetch(request),
    });
  }

  /** The answer's body as the contract's schema `T`, or a ResponseError for an error answer. */
  private async data<T>(
    call: Promise<{ data?: unknown; response: Response }>,
  ): Promise<T> {
    const { data, response } = await call;
    if (!response.ok || data === undefined) {
      throw await ResponseError.fromResponse(response);
    }
    return data as T;
  }

  async getCapability(e: EntityName) {
    const c = await this.client();
    return this.data<CapabilityResult>(
      c.GET('/api/scorecards/capabilities/{kind}/{namespace}/{name}', {
        params: { path: e },
      }),
    );
  }

  async getHistory(e: EntityName) {
    const c = await this.client();
    return this.data<CapabilityHistory>(
      c.GET('/api/scorecards/capabilities/{kind}/{namespace}/{name}/history', {
        params: { path: e },
      }),
    );
  }

  async getConsumers(e: EntityName) {
    const c = await this.client();
    return this.data<CapabilityConsumers>(
      c.GET(
        '/api/scorecards/capabilities/{kind}/{namespace}/{name}/consumers',
        { params: { path: e } },
      ),
    );
  }

  async getFeedback(e: EntityName) {
    const c = await this.client();
    return this.data<FeedbackSummary>(
      c.GET('/api/scorecards/capabilities/{kind}/{namespace}/{name}/feedback', {
        params: { path: e, query: { comments: 5 } },
      }),
    );
  }

  async rate(
    e: EntityName,
    vote: { score: number; comment?: string; voter: string },
  ) {
    const c = await this.client();
    return this.data<FeedbackVoteResponse>(
      c.POST(
        '/api/scorecards/capabilities/{kind}/{namespace}/{name}/feedback',
        {
          params: { path: e },
          body: vote,
        },
      ),
    );
  }

  async getExemptions(entityRef: string) {
    const c = await this.client();
    return this.data<ExemptionList>(
      c.GET('/api/scorecards/exemptions', { params: { query: { entityRef } } }),
    );
  }

  async listCapabilities(query: CapabilityListQuery) {
    const c = await this.client();
    return this.data<CapabilityList>(
      c.GET('/api/scorecards/capabilities', { params: { query } }),
    );
  }

  async getTeam(namespace: string, name: string) {
    const c = await this.client();
    return this.data<TeamDetail>(
      c.GET('/api/scorecards/teams/{namespace}/{name}', {
        params: { path: { namespace, name } },
      }),
    );
  }

  async getTeamGraph() {
    const c = await this.client();
    return this.data<TeamGraph>(c.GET('/api/scorecards/teams/graph', {}));
  }

  async getSummary() {
    const c = await this.client();
    return this.data<OrganisationSummary>(c.GET('/api/scorecards/summary', {}));
  }
}
