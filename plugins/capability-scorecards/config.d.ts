export interface Config {
  /** Capability Scorecards frontend plugin */
  capabilityScorecards?: {
    /**
     * The service's base URL as the browser reaches it. Default: the backend's proxy,
     * `<backend>/api/proxy/capability-scorecards`.
     * @visibility frontend
     */
    baseUrl?: string;
  };
}
