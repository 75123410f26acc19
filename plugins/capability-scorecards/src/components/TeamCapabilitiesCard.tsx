import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { capabilityScorecardsApiRef } from '../api/CapabilityScorecardsClient';
import { Loadable } from './util';

/** On a Group's page: the capabilities it owns and those it consumes, with levels; a bottleneck warning. */
export const TeamCapabilitiesCard = () => {
  const { entity } = useEntity();
  const api = useApi(capabilityScorecardsApiRef);
  const { namespace, name } = getCompoundEntityRef(entity);
  const state = useAsync(async () => {
    const [team, graph] = await Promise.all([
      api.getTeam(namespace, name),
      api.getTeamGraph(),
    ]);
    return { team, node: graph.teams.find(t => t.ref === team.teamRef) };
  }, [api, namespace, name]);
  return (
    <InfoCard title="Capabilities">
      <Loadable state={state}>
        {({ team, node }) => (
          <div data-testid="team-capabilities">
            {node?.bottleneck ? (
              <WarningPanel
                title="This team is a bottleneck"
                message={`${
                  Math.round(node.share * 1000) / 10
                }% of the paths between other teams run through it (betweenness ${
                  node.betweenness
                }).`}
              />
            ) : null}
            <Typography variant="h6">Owns ({team.produces.length})</Typography>
            <ul>
              {team.produces.map(c => (
                <li key={c.entityRef}>
                  <EntityRefLink entityRef={c.entityRef} />: {c.level ?? 'none'}
                </li>
              ))}
            </ul>
            <Typography variant="h6">
              Consumes ({team.consumes.length})
            </Typography>
            <ul>
              {team.consumes.map(c => (
                <li key={c.entityRef}>
                  <EntityRefLink entityRef={c.entityRef} />: {c.level ?? 'none'}{' '}
                  (via {c.via.length} entit{c.via.length === 1 ? 'y' : 'ies'})
                </li>
              ))}
            </ul>
          </div>
        )}
      </Loadable>
    </InfoCard>
  );
};
