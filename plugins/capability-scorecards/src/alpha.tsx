import {
  ApiBlueprint,
  configApiRef,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  capabilityScorecardsApiRef,
  CapabilityScorecardsClient,
} from './api/CapabilityScorecardsClient';
import { isCapability } from './components/util';

const rootRouteRef = createRouteRef();

/** A ladder of three rungs, as the nav item's icon. */
const LadderIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="currentColor"
    aria-hidden
  >
    <path d="M6 2h2v20H6zM16 2h2v20h-2zM8 5h8v2H8zM8 11h8v2H8zM8 17h8v2H8z" />
  </svg>
);

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: capabilityScorecardsApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        configApi: configApiRef,
      },
      factory: deps => new CapabilityScorecardsClient(deps),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: '/capability-scorecards',
    title: 'Capability Scorecards',
    icon: <LadderIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/CapabilityScorecardsPage').then(m => (
        <m.CapabilityScorecardsPage />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: '/capability-scorecards',
    title: 'Scorecards',
    // capabilities, and the parts of a system (whose tab points to their capability)
    filter: entity =>
      isCapability(entity) ||
      Boolean((entity.spec as { system?: string })?.system),
    loader: () =>
      import('./components/EntityCapabilityScorecardsContent').then(m => (
        <m.EntityCapabilityScorecardsContent />
      )),
  },
});

const entityCard = EntityCardBlueprint.make({
  params: {
    filter: isCapability,
    loader: () =>
      import('./components/EntityCapabilityLevelCard').then(m => (
        <m.EntityCapabilityLevelCard />
      )),
  },
});

const teamCard = EntityCardBlueprint.make({
  name: 'team',
  params: {
    filter: 'kind:group',
    loader: () =>
      import('./components/TeamCapabilitiesCard').then(m => (
        <m.TeamCapabilitiesCard />
      )),
  },
});

/** The plugin for apps on Backstage's new frontend system (install the package; it is discovered). */
export default createFrontendPlugin({
  pluginId: 'capability-scorecards',
  title: 'Capability Scorecards',
  icon: <LadderIcon />,
  routes: { root: rootRouteRef },
  extensions: [api, page, entityContent, entityCard, teamCard],
});
