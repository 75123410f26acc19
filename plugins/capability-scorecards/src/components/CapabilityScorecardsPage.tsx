import { useState, Fragment } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { capabilityScorecardsApiRef } from '../api/CapabilityScorecardsClient';
import { CapabilityListCard } from './CapabilityListCard';
import { Loadable, percent } from './util';

const SummaryCard = () => {
  const api = useApi(capabilityScorecardsApiRef);
  const summary = useAsync(() => api.getSummary(), [api]);
  return (
    <InfoCard title="Summary">
      <Loadable state={summary}>
        {s => (
          <div data-testid="summary">
            <Typography variant="h5">{s.capabilities} capabilities</Typography>
            <ul>
              {Object.entries(s.levels).map(([level, count]) => (
                <li key={level}>
                  {level}: {count}
                </li>
              ))}
            </ul>
            <Typography variant="body1">
              Median adoption rate: {percent(s.adoptionRate.median)}
            </Typography>
            <Typography variant="body1">
              Satisfaction: {s.satisfaction.n} rating
              {s.satisfaction.n === 1 ? '' : 's'}
              {s.satisfaction.csat !== null
                ? `, CSAT ${s.satisfaction.csat}%`
                : ''}
            </Typography>
            <Typography variant="body1">
              Bypasses: {s.bypasses.count} of {s.bypasses.capabilities}{' '}
              capabilit
              {s.bypasses.capabilities === 1 ? 'y' : 'ies'}
            </Typography>
            <Typography variant="body1">
              Time to first adopter: median{' '}
              {s.timeToFirstAdopter.medianDays === null
                ? 'not measured'
                : `${s.timeToFirstAdopter.medianDays} days`}
            </Typography>
          </div>
        )}
      </Loadable>
    </InfoCard>
  );
};

const EXPORTS: [string, string][] = [
  ['Capabilities', '/api/scorecards/capabilities?format=csv'],
  ['Teams', '/api/scorecards/teams?format=csv'],
  ['Team interactions', '/api/scorecards/teams/graph?format=csv'],
  ['Bypasses', '/api/scorecards/bypasses?format=csv'],
  ['Time to first adopter', '/api/scorecards/time-to-first-adopter?format=csv'],
];

const ExportsCard = () => {
  const api = useApi(capabilityScorecardsApiRef);
  const base = useAsync(() => api.baseUrl(), [api]);
  return (
    <InfoCard title="CSV exports">
      <Loadable state={base}>
        {url => (
          <ul>
            {EXPORTS.map(([title, path]) => (
              <li key={path}>
                <Link to={`${url}${path}`}>{title}</Link>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </InfoCard>
  );
};

const TeamGraphCard = () => {
  const api = useApi(capabilityScorecardsApiRef);
  const graph = useAsync(() => api.getTeamGraph(), [api]);
  const [all, setAll] = useState(false);
  return (
    <InfoCard title="Team interactions">
      <Loadable state={graph}>
        {g => {
          const teams = [...g.teams].sort(
            (a, b) => b.betweenness - a.betweenness,
          );
          const shown = all ? teams : teams.slice(0, 10);
          const bottlenecks = teams.filter(t => t.bottleneck).map(t => t.ref);
          return (
            <div data-testid="team-graph">
              <Typography variant="body1">
                {g.teams.length} teams, {g.edges.length} producer → consumer
                edges; bottlenecks: {bottlenecks.length === 0 ? 'none' : null}
                {bottlenecks.map((ref, i) => (
                  <Fragment key={ref}>
                    {i > 0 ? ', ' : ''}
                    <EntityRefLink entityRef={ref} />
                  </Fragment>
                ))}
              </Typography>
              <ol>
                {shown.map(t => (
                  <li key={t.ref}>
                    <EntityRefLink entityRef={t.ref} />
                    {t.bottleneck ? ' (bottleneck)' : ''}: used by {t.fanOut}{' '}
                    team
                    {t.fanOut === 1 ? '' : 's'}, uses {t.fanIn}; betweenness{' '}
                    {t.betweenness}
                  </li>
                ))}
              </ol>
              {teams.length > 10 ? (
                <Link
                  to="#"
                  onClick={e => {
                    e.preventDefault();
                    setAll(!all);
                  }}
                >
                  {all ? 'Show the top 10' : `Show all ${teams.length}`}
                </Link>
              ) : null}
            </div>
          );
        }}
      </Loadable>
    </InfoCard>
  );
};

/** The organisation's page: summary, capability list, team interaction graph and CSV exports. */
export const CapabilityScorecardsPage = () => (
  <Page themeId="tool">
    <Header
      title="Capability Scorecards"
      subtitle="Every platform capability, scored"
    />
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <SummaryCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <ExportsCard />
        </Grid>
        <Grid item xs={12}>
          <CapabilityListCard />
        </Grid>
        <Grid item xs={12}>
          <TeamGraphCard />
        </Grid>
      </Grid>
    </Content>
  </Page>
);
