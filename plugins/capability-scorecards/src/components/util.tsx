import { ReactElement } from 'react';
import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import { EntityName } from '../api/CapabilityScorecardsClient';

/**
 * Whether the entity is a capability under the service's default filter (`scorecards.capabilities.filter`):
 * every System, every API, and every entity annotated `scorecards.dev/capability: "true"`.
 */
export function isCapability(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    kind === 'system' ||
    kind === 'api' ||
    entity.metadata.annotations?.['scorecards.dev/capability'] === 'true'
  );
}

/** The entity as the service's paths name it (kind lower-cased). */
export function entityName(entity: Entity): EntityName {
  const ref = getCompoundEntityRef(entity);
  return {
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace,
    name: ref.name,
  };
}

const STATE_COLOURS: Record<string, string> = {
  PASS: '#2e7d32',
  FAIL: '#c62828',
  EXEMPT: '#6a1b9a',
  NOT_APPLICABLE: '#616161',
  NOT_REPORTED: '#ef6c00',
  ERROR: '#ad1457',
};

/** A check's state as a coloured chip. */
export const StateChip = ({ state }: { state: string }) => (
  <Chip
    size="small"
    label={state}
    style={{
      backgroundColor: STATE_COLOURS[state] ?? '#616161',
      color: '#fff',
    }}
  />
);

/** Renders Backstage's loading and error states, else the children. */
export function Loadable<T>(props: {
  state: { loading: boolean; error?: Error; value?: T };
  children: (value: T) => ReactElement | null;
}) {
  const { loading, error, value } = props.state;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value === undefined) return null;
  return props.children(value);
}

export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined
    ? '–'
    : `${Math.round(rate * 1000) / 10}%`;

/** A small line chart of values over time (inline SVG, no chart library). */
export const Sparkline = (props: {
  title: string;
  points: { at: string; value: number }[];
  labels?: (v: number) => string;
}) => {
  const { points, title } = props;
  const width = 320;
  const height = 80;
  if (points.length === 0) return null;
  const max = Math.max(1, ...points.map(p => p.value));
  const x = (i: number) =>
    points.length === 1
      ? width / 2
      : 8 + (i * (width - 16)) / (points.length - 1);
  const y = (v: number) => height - 8 - (v / max) * (height - 16);
  const path = points
    .map((p, i) => `${i ? 'L' : 'M'}${x(i)},${y(p.value)}`)
    .join(' ');
  const last = points[points.length - 1];
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <svg width={width} height={height} role="img">
        <title>{title}</title>
        <path d={path} fill="none" stroke="#1976d2" strokeWidth={2} />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.value)} r={3} fill="#1976d2" />
        ))}
      </svg>
      <figcaption>
        {title}: {props.labels ? props.labels(last.value) : last.value} (
        {points.length} change{points.length === 1 ? '' : 's'})
      </figcaption>
    </figure>
  );
};
