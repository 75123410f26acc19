import {
  configApiRef,
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  capabilityScorecardsApiRef,
  CapabilityScorecardsClient,
} from './api/CapabilityScorecardsClient';
import { rootRouteRef } from './routes';

/** The plugin for apps on Backstage's legacy frontend system. */
export const capabilityScorecardsPlugin = createPlugin({
  id: 'capability-scorecards',
  apis: [
    createApiFactory({
      api: capabilityScorecardsApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        configApi: configApiRef,
      },
      factory: deps => new CapabilityScorecardsClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The capability's tab on its entity page. */
export const EntityCapabilityScorecardsContent =
  capabilityScorecardsPlugin.provide(
    createComponentExtension({
      name: 'EntityCapabilityScorecardsContent',
      component: {
        lazy: () =>
          import('./components/EntityCapabilityScorecardsContent').then(
            m => m.EntityCapabilityScorecardsContent,
          ),
      },
    }),
  );

/** The capability's level, badges and next step, for the overview tab. */
export const EntityCapabilityLevelCard = capabilityScorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityCapabilityLevelCard',
    component: {
      lazy: () =>
        import('./components/EntityCapabilityLevelCard').then(
          m => m.EntityCapabilityLevelCard,
        ),
    },
  }),
);

/** A Group's owned and consumed capabilities, for the group page. */
export const TeamCapabilitiesCard = capabilityScorecardsPlugin.provide(
  createComponentExtension({
    name: 'TeamCapabilitiesCard',
    component: {
      lazy: () =>
        import('./components/TeamCapabilitiesCard').then(
          m => m.TeamCapabilitiesCard,
        ),
    },
  }),
);

/** The organisation's page, at the route it is mounted on (`/capability-scorecards` by convention). */
export const CapabilityScorecardsPage = capabilityScorecardsPlugin.provide(
  createRoutableExtension({
    name: 'CapabilityScorecardsPage',
    component: () =>
      import('./components/CapabilityScorecardsPage').then(
        m => m.CapabilityScorecardsPage,
      ),
    mountPoint: rootRouteRef,
  }),
);
