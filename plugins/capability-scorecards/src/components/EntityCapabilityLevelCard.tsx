import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { capabilityScorecardsApiRef } from '../api/CapabilityScorecardsClient';
import { entityName, Loadable } from './util';

/** The overview card: the capability's level, a badge per scorecard and its next step. */
export const EntityCapabilityLevelCard = () => {
  const { entity } = useEntity();
  const api = useApi(capabilityScorecardsApiRef);
  const name = entityName(entity);
  const state = useAsync(
    async () => ({
      result: await api.getCapability(name),
      base: await api.baseUrl(),
    }),
    [api, name.kind, name.namespace, name.name],
  );
  return (
    <InfoCard title="Capability level">
      <Loadable state={state}>
        {({ result, base }) => {
          const next = result.scorecards.flatMap(s => s.nextSteps)[0];
          const path = `${base}/api/scorecards/badges/${name.kind}/${name.namespace}/${name.name}`;
          return (
            <div data-testid="capability-level-card">
              <Typography variant="h5">
                {result.level ?? 'below the first rung'}
              </Typography>
              <div>
                {result.scorecards.map(s => (
                  <img
                    key={s.id}
                    src={`${path}/${s.id}.svg`}
                    alt={`${s.name}: ${s.level ?? 'none'}`}
                    style={{ marginRight: 4 }}
                  />
                ))}
              </div>
              <Typography variant="body2">
                {next
                  ? `Next step: ${next.name}. ${next.remediation}`
                  : 'No next step.'}
              </Typography>
            </div>
          );
        }}
      </Loadable>
    </InfoCard>
  );
};
