import { parseEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  capabilityScorecardsApiRef,
  CapabilityResult,
  EntityName,
} from '../api/CapabilityScorecardsClient';
import { Ladder } from './Ladder';
import { SatisfactionCard } from './SatisfactionCard';
import { ScorecardChecks } from './ScorecardChecks';
import {
  AdoptionCard,
  BypassesCard,
  ConsumersCard,
  TrendCard,
} from './AdoptionCards';
import { entityName, isCapability, Loadable, StateChip } from './util';

const ExemptionsCard = ({ entityRef }: { entityRef: string }) => {
  const api = useApi(capabilityScorecardsApiRef);
  const exemptions = useAsync(
    () => api.getExemptions(entityRef),
    [api, entityRef],
  );
  return (
    <InfoCard title="Exemptions">
      <Loadable state={exemptions}>
        {list =>
          list.items.length === 0 ? (
            <Typography variant="body1">No active exemption.</Typography>
          ) : (
            <ul>
              {list.items.map(e => (
                <li key={e.id}>
                  <b>{e.checkId}</b>: {e.reason} (by {e.author},{' '}
                  {e.expiresAt ? `expires ${e.expiresAt}` : 'no expiry'})
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </InfoCard>
  );
};

const CapabilityDetail = (props: {
  name: EntityName;
  capability: CapabilityResult;
}) => {
  const { capability, name } = props;
  const ladder = capability.scorecards[0];
  // a check can be the next step of several scorecards (the ladder and its own): shown once
  const nextSteps = capability.scorecards
    .flatMap(s => s.nextSteps)
    .filter(
      (step, i, all) => all.findIndex(o => o.checkId === step.checkId) === i,
    );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={`Level: ${capability.level ?? 'below the first rung'}`}
          subheader={`Evaluated ${capability.evaluatedAt}`}
        >
          <Ladder ladder={ladder} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Next steps">
          {nextSteps.length === 0 ? (
            <Typography variant="body1">
              No next step: every rung is held.
            </Typography>
          ) : (
            <ol data-testid="next-steps">
              {nextSteps.map(step => (
                <li key={step.checkId}>
                  <StateChip state={step.state} /> <b>{step.name}</b> (
                  {step.reason}). {step.remediation}
                </li>
              ))}
            </ol>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <ExemptionsCard entityRef={capability.entityRef} />
      </Grid>
      <Grid item xs={12} md={6}>
        <AdoptionCard adoption={capability.adoption} />
      </Grid>
      <Grid item xs={12} md={6}>
        <SatisfactionCard name={name} />
      </Grid>
      <Grid item xs={12} md={6}>
        <TrendCard name={name} />
      </Grid>
      <Grid item xs={12} md={6}>
        <BypassesCard bypasses={capability.adoption.bypasses} />
      </Grid>
      <Grid item xs={12}>
        <ConsumersCard name={name} />
      </Grid>
      {capability.scorecards.map(scorecard => (
        <Grid item xs={12} key={scorecard.id}>
          <ScorecardChecks scorecard={scorecard} />
        </Grid>
      ))}
    </Grid>
  );
};

const CapabilityView = ({ name }: { name: EntityName }) => {
  const api = useApi(capabilityScorecardsApiRef);
  const result = useAsync(() => api.getCapability(name), [api, name]);
  return (
    <Loadable state={result}>
      {capability => <CapabilityDetail name={name} capability={capability} />}
    </Loadable>
  );
};

/** The capability's tab: ladder, scorecards, next steps, exemptions, adoption, trends, satisfaction, bypasses. */
export const EntityCapabilityScorecardsContent = () => {
  const { entity } = useEntity();
  if (!isCapability(entity)) {
    const system = (entity.spec as { system?: string } | undefined)?.system;
    if (!system) {
      return (
        <EmptyState
          missing="info"
          title="Not a capability"
          description="This entity is not a capability and is not part of a system."
        />
      );
    }
    const ref = parseEntityRef(system, {
      defaultKind: 'system',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
    return (
      <InfoCard title="Part of a capability">
        <Typography variant="body1">
          This {entity.kind} is part of the capability{' '}
          <EntityRefLink entityRef={ref} />; its scorecards are on that
          capability's page.
        </Typography>
      </InfoCard>
    );
  }
  return <CapabilityView name={entityName(entity)} />;
};
