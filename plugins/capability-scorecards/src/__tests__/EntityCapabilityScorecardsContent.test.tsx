import { identityApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { capabilityScorecardsApiRef } from '../api/CapabilityScorecardsClient';
import { EntityCapabilityScorecardsContent } from '../components/EntityCapabilityScorecardsContent';
import { catalogEntity, client, serviceJson } from '../__testUtils__/service';

const voter = `user:default/plugin-test-${Date.now()}`;

async function renderTab(kind: string, name: string) {
  const entity = await catalogEntity(kind, name);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [capabilityScorecardsApiRef, client],
        [identityApiRef, mockApis.identity({ userEntityRef: voter })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityCapabilityScorecardsContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityCapabilityScorecardsContent against the running service', () => {
  jest.setTimeout(60_000);

  it('shows observability as "Relied on", with its ladder and its consumers as the service counts them', async () => {
    await renderTab('system', 'observability');
    expect(await screen.findByText('Level: Relied on')).toBeInTheDocument();
    const api = await serviceJson(
      '/api/scorecards/capabilities/system/default/observability',
    );
    expect(api.level).toBe('Relied on');
    expect(screen.getByTestId('consumer-count')).toHaveTextContent(
      `Consumers: ${api.adoption.consumers}`,
    );
    expect(api.adoption.consumers).toBe(18);
    expect(screen.getByTestId('adoption-rate')).toHaveTextContent(
      'Adoption rate: 75% (9 of 12 teams)',
    );
    expect(
      screen.getByText('No next step: every rung is held.'),
    ).toBeInTheDocument();
    // every rung of the ladder is named
    for (const level of [
      'Shipped',
      'Integrated',
      'Documented',
      'Supported',
      'Adopted',
    ]) {
      expect(
        within(screen.getByTestId('ladder')).getByText(level),
      ).toBeInTheDocument();
    }
    // the consumers table lists every consumer the service lists
    const consumers = await serviceJson(
      '/api/scorecards/capabilities/system/default/observability/consumers',
    );
    const table = await screen.findByRole('table', { name: 'Consumers' });
    expect(within(table).getAllByRole('row')).toHaveLength(
      consumers.items.length + 1,
    );
  });

  it('shows the missing documentation of secrets-vault as next steps', async () => {
    await renderTab('system', 'secrets-vault');
    const steps = await screen.findByTestId('next-steps');
    const items = within(steps)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(items).toHaveLength(5);
    expect(items[0]).toContain('Has a description');
    expect(items[1]).toContain('Has documentation');
    expect(items[2]).toContain('APIs carry a real definition');
    expect(items[3]).toContain('Source location is known');
    expect(items[4]).toContain('The owning team has members');
    expect(screen.getByText('Level: Integrated')).toBeInTheDocument();
  });

  it('shows the two teams that bypass postgres-as-a-service, and how', async () => {
    await renderTab('system', 'postgres-as-a-service');
    const bypasses = await screen.findByTestId('bypasses');
    const items = within(bypasses)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(items).toEqual([
      'payments-ledger (structural, uses postgres-shared-cluster) · team: payments',
      'growth-experiments (declared) · team: growth',
    ]);
  });

  it('posts a vote from the form and shows the changed satisfaction', async () => {
    const path =
      '/api/scorecards/capabilities/system/default/message-bus/feedback';
    const before = await serviceJson(path);
    await renderTab('system', 'message-bus');
    const satisfaction = await screen.findByTestId('satisfaction');
    expect(satisfaction).toHaveTextContent(
      before.n === 0 ? 'No ratings yet.' : `from ${before.n} rating`,
    );
    await userEvent.click(screen.getByLabelText('2'));
    await userEvent.type(
      screen.getByLabelText('Comment (optional)'),
      'Needs docs',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Vote' }));
    expect(
      await screen.findByText('Thank you for your vote.'),
    ).toBeInTheDocument();
    const after = await serviceJson(path);
    expect(after.n).toBe(before.n + 1);
    expect(
      await screen.findByText(
        `Mean ${after.mean.toFixed(2)} of 5 from ${after.n} rating${
          after.n === 1 ? '' : 's'
        } · CSAT ${after.csat}%`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(`2/5 · ${voter}: Needs docs`)).toBeInTheDocument();
  });

  it('points a component that is part of a capability to its capability', async () => {
    await renderTab('component', 'otel-collector');
    expect(await screen.findByText('Part of a capability')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'observability' })).toHaveAttribute(
      'href',
      '/catalog/default/system/observability',
    );
  });
});
