import { useParams } from 'react-router-dom';
import { CatalogClient } from '@backstage/catalog-client';
import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  capabilityScorecardsPlugin,
  CapabilityScorecardsPage,
  EntityCapabilityLevelCard,
  EntityCapabilityScorecardsContent,
  isCapability,
  TeamCapabilitiesCard,
} from '../src';

/**
 * A minimal entity page for the dev app: the entity comes from the service's Backstage-compatible
 * catalog API (through the dev backend), with the plugin's card on the overview and its tab.
 */
const DevEntityPage = () => {
  const { kind, namespace, name } = useParams();
  const catalogApi = useApi(catalogApiRef);
  const state = useAsync(
    () =>
      catalogApi.getEntityByRef({
        kind: kind!,
        namespace: namespace!,
        name: name!,
      }),
    [kind, namespace, name],
  );
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const entity = state.value!;
  const group = entity.kind.toLocaleLowerCase('en-US') === 'group';
  return (
    <EntityProvider entity={entity}>
      <Page themeId="tool">
        <Header
          title={entity.metadata.title ?? entity.metadata.name}
          type={entity.kind}
        />
        <Content>
          <TabbedLayout>
            <TabbedLayout.Route path="/" title="Overview">
              <Grid container spacing={3}>
                <Grid item xs={12} md={6}>
                  {group ? <TeamCapabilitiesCard /> : null}
                  {isCapability(entity) ? <EntityCapabilityLevelCard /> : null}
                </Grid>
              </Grid>
            </TabbedLayout.Route>
            <TabbedLayout.Route
              path="/capability-scorecards"
              title="Scorecards"
            >
              <EntityCapabilityScorecardsContent />
            </TabbedLayout.Route>
          </TabbedLayout>
        </Content>
      </Page>
    </EntityProvider>
  );
};

const devCatalogPlugin = createPlugin({ id: 'dev-catalog' });
const EntityPage = devCatalogPlugin.provide(
  createRoutableExtension({
    name: 'DevEntityPage',
    component: () => Promise.resolve(DevEntityPage),
    mountPoint: entityRouteRef,
  }),
);

createDevApp()
  .registerPlugin(capabilityScorecardsPlugin)
  .registerPlugin(devCatalogPlugin)
  .registerApi(
    createApiFactory({
      api: catalogApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CatalogClient(deps),
    }),
  )
  .addPage({
    path: '/capability-scorecards',
    title: 'Capability Scorecards',
    element: <CapabilityScorecardsPage />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name/*',
    element: <EntityPage />,
  })
  .render();
