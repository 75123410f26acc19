import { Fragment } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  capabilityScorecardsApiRef,
  CapabilityResult,
  EntityName,
} from '../api/CapabilityScorecardsClient';
import { Loadable, percent, Sparkline } from './util';

type Adoption = CapabilityResult['adoption'];

const RefList = ({ refs }: { refs: string[] }) =>
  refs.length === 0 ? (
    <>none</>
  ) : (
    <>
      {refs.map((ref, i) => (
        <Fragment key={ref}>
          {i > 0 ? ', ' : ''}
          <EntityRefLink entityRef={ref} />
        </Fragment>
      ))}
    </>
  );

/** Adoption rate, consumers, consuming and producing teams, time to first adopter. */
export const AdoptionCard = ({ adoption }: { adoption: Adoption }) => {
  const ttfa = adoption.timeToFirstAdopter;
  return (
    <InfoCard title="Adoption">
      <Typography variant="body1" data-testid="adoption-rate">
        Adoption rate: {percent(adoption.rate)} (
        {adoption.consumingTeams.length} of {adoption.eligibleTeams} teams)
      </Typography>
      <Typography variant="body1" data-testid="consumer-count">
        Consumers: {adoption.consumers}
      </Typography>
      <Typography variant="body1">
        Consuming teams: <RefList refs={adoption.consumingTeams} />
      </Typography>
      <Typography variant="body1">
        Producer teams: <RefList refs={adoption.producerTeams} />
      </Typography>
      <Typography variant="body1" data-testid="time-to-first-adopter">
        Time to first adopter:{' '}
        {ttfa.days !== null
          ? `${ttfa.days} days`
          : `not measured (${ttfa.reason})`}
      </Typography>
    </InfoCard>
  );
};

/** Every entity that uses the capability, the teams it counts for and the parts it uses. */
export const ConsumersCard = ({ name }: { name: EntityName }) => {
  const api = useApi(capabilityScorecardsApiRef);
  const consumers = useAsync(() => api.getConsumers(name), [api, name]);
  return (
    <InfoCard title="Consumers">
      <Loadable state={consumers}>
        {list => (
          <Table size="small" aria-label="Consumers">
            <TableHead>
              <TableRow>
                <TableCell>Consumer</TableCell>
                <TableCell>Teams</TableCell>
                <TableCell>Uses</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.items.map(c => (
                <TableRow key={c.ref}>
                  <TableCell>
                    <EntityRefLink entityRef={c.ref} />
                  </TableCell>
                  <TableCell>
                    <RefList refs={c.teams} />
                  </TableCell>
                  <TableCell>
                    <RefList refs={c.uses} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Loadable>
    </InfoCard>
  );
};

/** Level and consumers over time, one point per recorded change. */
export const TrendCard = ({ name }: { name: EntityName }) => {
  const api = useApi(capabilityScorecardsApiRef);
  const history = useAsync(() => api.getHistory(name), [api, name]);
  return (
    <InfoCard title="Trends">
      <Loadable state={history}>
        {h => {
          const entries = h.items.filter(e => !e.removed);
          return (
            <>
              <Sparkline
                title="Level"
                points={entries.map(e => ({
                  at: e.at,
                  value: e.levelIndex + 1,
                }))}
                labels={v =>
                  entries.find(e => e.levelIndex + 1 === v)?.level ?? 'none'
                }
              />
              <Sparkline
                title="Consumers"
                points={entries.map(e => ({ at: e.at, value: e.consumers }))}
              />
            </>
          );
        }}
      </Loadable>
    </InfoCard>
  );
};

/** The entities that go around the capability, and how. */
export const BypassesCard = ({
  bypasses,
}: {
  bypasses: Adoption['bypasses'];
}) => (
  <InfoCard title="Bypasses">
    {bypasses.length === 0 ? (
      <Typography variant="body1">Nobody goes around it.</Typography>
    ) : (
      <ul data-testid="bypasses">
        {bypasses.map(b => (
          <li key={b.ref}>
            <EntityRefLink entityRef={b.ref} /> ({b.how}
            {b.parts.length ? (
              <>
                , uses <RefList refs={b.parts} />
              </>
            ) : null}
            ) · team: <RefList refs={b.teams} />
          </li>
        ))}
      </ul>
    )}
  </InfoCard>
);
