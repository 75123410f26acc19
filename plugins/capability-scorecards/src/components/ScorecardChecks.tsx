import { InfoCard, Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ScorecardResult } from '../api/CapabilityScorecardsClient';
import { StateChip } from './util';

/** One scorecard: its level and every check with its state, reason, remediation and link. */
export const ScorecardChecks = ({
  scorecard,
}: {
  scorecard: ScorecardResult;
}) => (
  <InfoCard
    title={`${scorecard.name}: ${scorecard.level ?? 'no level yet'}`}
    subheader={`${scorecard.percentage}% of the checks hold${
      scorecard.nextLevel ? ` · next level: ${scorecard.nextLevel}` : ''
    }`}
  >
    <Table size="small" aria-label={`${scorecard.name} checks`}>
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Level</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Remediation</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {scorecard.checks.map(check => (
          <TableRow key={check.id}>
            <TableCell>{check.name}</TableCell>
            <TableCell>{check.level}</TableCell>
            <TableCell>
              <StateChip state={check.state} />
            </TableCell>
            <TableCell>{check.reason}</TableCell>
            <TableCell>
              {check.remediation}
              {check.link ? (
                <>
                  {' '}
                  <Link to={check.link}>Learn more</Link>
                </>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </InfoCard>
);
