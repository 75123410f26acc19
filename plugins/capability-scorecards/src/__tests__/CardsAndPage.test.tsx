import { ReactElement } from 'react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { capabilityScorecardsApiRef } from '../api/CapabilityScorecardsClient';
import { CapabilityScorecardsPage } from '../components/CapabilityScorecardsPage';
import { EntityCapabilityLevelCard } from '../components/EntityCapabilityLevelCard';
import { TeamCapabilitiesCard } from '../components/TeamCapabilitiesCard';
import {
  catalogEntity,
  client,
  SERVICE_URL,
  serviceJson,
} from '../__testUtils__/service';

const routes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

async function renderWith(element: ReactElement, kind?: string, name?: string) {
  const entity = kind && name ? await catalogEntity(kind, name) : undefined;
  await renderInTestApp(
    <TestApiProvider apis={[[capabilityScorecardsApiRef, client]]}>
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    routes,
  );
}

describe('cards and the organisation page against the running service', () => {
  jest.setTimeout(60_000);

  it('EntityCapabilityLevelCard shows the level, a badge per scorecard and the next step', async () => {
    await renderWith(<EntityCapabilityLevelCard />, 'system', 'secrets-vault');
    const card = await screen.findByTestId('capability-level-card');
    expect(within(card).getByText('Integrated')).toBeInTheDocument();
    const badges = within(card).getAllByRole('img');
    expect(badges.map(b => b.getAttribute('src'))).toEqual(
      ['relied-on', 'adoption', 'documentation', 'support-readiness'].map(
        id =>
          `${SERVICE_URL}/api/scorecards/badges/system/default/secrets-vault/${id}.svg`,
      ),
    );
    expect(card).toHaveTextContent('Next step: Has a description.');
  });

  it('TeamCapabilitiesCard lists what the observability team owns and consumes', async () => {
    await renderWith(<TeamCapabilitiesCard />, 'group', 'observability');
    const card = await screen.findByTestId('team-capabilities');
    const team = await serviceJson(
      '/api/scorecards/teams/default/observability',
    );
    expect(card).toHaveTextContent(`Owns (${team.produces.length})`);
    expect(card).toHaveTextContent(`Consumes (${team.consumes.length})`);
    expect(within(card).getByText('observability')).toBeInTheDocument();
    expect(card).toHaveTextContent('observability: Relied on');
  });

  it('the organisation page shows the summary, the list with paging and sorting, and the team graph', async () => {
    await renderWith(<CapabilityScorecardsPage />);
    const summary = await screen.findByTestId('summary');
    const api = await serviceJson('/api/scorecards/summary');
    expect(summary).toHaveTextContent(`${api.capabilities} capabilities`);
    expect(summary).toHaveTextContent(`Relied on: ${api.levels['Relied on']}`);
    expect(summary).toHaveTextContent(
      `Bypasses: ${api.bypasses.count} of ${api.bypasses.capabilities} capability`,
    );
    const count = await screen.findByTestId('capability-count');
    expect(count).toHaveTextContent(`${api.capabilities} capabilities`);
    const table = screen.getByRole('table', { name: 'Capabilities' });
    expect(within(table).getAllByRole('row')).toHaveLength(21);
    // the second page through the service's cursor
    await userEvent.click(within(count).getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByRole('button', { name: 'Previous' }),
    ).toBeEnabled();
    const second = screen.getByRole('table', { name: 'Capabilities' });
    expect(within(second).getAllByRole('row')).toHaveLength(
      api.capabilities - 20 + 1,
    );
    // filtering by text goes back to the first page
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search' }),
      'postgres',
    );
    await waitFor(() =>
      expect(screen.getByTestId('capability-count')).toHaveTextContent(
        '2 capabilities',
      ),
    );
    expect(
      screen.getByRole('link', { name: 'Postgres as a Service' }),
    ).toBeInTheDocument();
    const graph = await screen.findByTestId('team-graph');
    const teams = await serviceJson('/api/scorecards/teams/graph');
    expect(graph).toHaveTextContent(
      `${teams.teams.length} teams, ${teams.edges.length} producer → consumer edges`,
    );
    expect(screen.getByRole('link', { name: /^Capabilities/ })).toHaveAttribute(
      'href',
      `${SERVICE_URL}/api/scorecards/capabilities?format=csv`,
    );
  });
});
