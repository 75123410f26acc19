import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import {
  capabilityScorecardsApiRef,
  CapabilityListQuery,
} from '../api/CapabilityScorecardsClient';
import { Loadable, percent } from './util';

const SORTS: [NonNullable<CapabilityListQuery['sort']>, string][] = [
  ['name', 'Name'],
  ['-level', 'Level, highest first'],
  ['level', 'Level, lowest first'],
  ['-consumers', 'Most consumers'],
  ['-adoption', 'Highest adoption'],
  ['adoption', 'Lowest adoption'],
];

/** The capabilities, filtered by text, kind and level, sorted, one page at a time (the service's cursors). */
export const CapabilityListCard = () => {
  const api = useApi(capabilityScorecardsApiRef);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [level, setLevel] = useState('');
  const [sort, setSort] = useState<CapabilityListQuery['sort']>('name');
  // the cursors of the pages before the current one, and the current one's
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync(
    () =>
      api.listCapabilities(
        cursor
          ? { cursor, limit: 20 }
          : {
              limit: 20,
              sort,
              ...(q ? { q } : {}),
              ...(kind ? { kind } : {}),
              ...(level ? { level } : {}),
            },
      ),
    [api, cursor, q, kind, level, sort],
  );
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setCursors([]);
      set(v);
    };
  return (
    <InfoCard title="Capabilities">
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <TextField
          id="capability-search"
          label="Search"
          value={q}
          onChange={e => reset(setQ)(e.target.value)}
        />
        <TextField
          id="capability-kind"
          select
          label="Kind"
          value={kind}
          onChange={e => reset(setKind)(e.target.value)}
          style={{ minWidth: 120 }}
        >
          <MenuItem value="">Any</MenuItem>
          <MenuItem value="system">System</MenuItem>
          <MenuItem value="api">API</MenuItem>
          <MenuItem value="component">Component</MenuItem>
          <MenuItem value="resource">Resource</MenuItem>
        </TextField>
        <TextField
          id="capability-level"
          label="Level"
          value={level}
          onChange={e => reset(setLevel)(e.target.value)}
          helperText="e.g. Integrated, or none"
        />
        <TextField
          id="capability-sort"
          select
          label="Sort"
          value={sort}
          onChange={e =>
            reset(setSort)(e.target.value as CapabilityListQuery['sort'])
          }
          style={{ minWidth: 200 }}
        >
          {SORTS.map(([value, title]) => (
            <MenuItem key={value} value={value}>
              {title}
            </MenuItem>
          ))}
        </TextField>
      </div>
      <Loadable state={page}>
        {list => (
          <>
            <Table size="small" aria-label="Capabilities">
              <TableHead>
                <TableRow>
                  <TableCell>Capability</TableCell>
                  <TableCell>Owner</TableCell>
                  <TableCell>Level</TableCell>
                  <TableCell>Consumers</TableCell>
                  <TableCell>Teams</TableCell>
                  <TableCell>Adoption</TableCell>
                  <TableCell>Bypasses</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.items.map(c => (
                  <TableRow key={c.entityRef}>
                    <TableCell>
                      <EntityRefLink entityRef={c.entityRef} title={c.title} />
                    </TableCell>
                    <TableCell>
                      {c.owner ? <EntityRefLink entityRef={c.owner} /> : '–'}
                    </TableCell>
                    <TableCell>{c.level ?? 'none'}</TableCell>
                    <TableCell>{c.consumers}</TableCell>
                    <TableCell>{c.consumingTeams}</TableCell>
                    <TableCell>{percent(c.adoptionRate)}</TableCell>
                    <TableCell>{c.bypasses}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <div data-testid="capability-count">
              {list.totalItems} capabilit{list.totalItems === 1 ? 'y' : 'ies'} ·{' '}
              <Button
                disabled={cursors.length === 0}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                Previous
              </Button>
              <Button
                disabled={!list.pageInfo.nextCursor}
                onClick={() =>
                  setCursors([...cursors, list.pageInfo.nextCursor!])
                }
              >
                Next
              </Button>
            </div>
          </>
        )}
      </Loadable>
    </InfoCard>
  );
};
