import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import { ScorecardResult } from '../api/CapabilityScorecardsClient';

/** The ladder's rungs, the ones held marked done and the rung held named. */
export const Ladder = ({ ladder }: { ladder: ScorecardResult }) => (
  <div data-testid="ladder">
    <Stepper activeStep={ladder.levelIndex + 1} alternativeLabel>
      {ladder.levels.map((level, i) => (
        <Step key={level} completed={i <= ladder.levelIndex}>
          <StepLabel>{level}</StepLabel>
        </Step>
      ))}
    </Stepper>
  </div>
);
