import { useState, FormEvent } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  capabilityScorecardsApiRef,
  EntityName,
} from '../api/CapabilityScorecardsClient';
import { Loadable } from './util';

/** Satisfaction: the current ratings' summary and a 1–5 vote with a comment; the signed-in user votes. */
export const SatisfactionCard = ({ name }: { name: EntityName }) => {
  const api = useApi(capabilityScorecardsApiRef);
  const identityApi = useApi(identityApiRef);
  const feedback = useAsyncRetry(() => api.getFeedback(name), [api, name]);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<Error>();
  const [note, setNote] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!score) return;
    setPosting(true);
    setError(undefined);
    try {
      const { userEntityRef } = await identityApi.getBackstageIdentity();
      const answer = await api.rate(name, {
        score,
        voter: userEntityRef,
        ...(comment.trim() ? { comment } : {}),
      });
      setNote(
        answer.vote.replacedEarlierVote
          ? 'Your vote replaced your earlier one.'
          : 'Thank you for your vote.',
      );
      setComment('');
      feedback.retry();
    } catch (e) {
      setError(e as Error);
    } finally {
      setPosting(false);
    }
  };

  return (
    <InfoCard title="Satisfaction">
      <Loadable state={feedback}>
        {summary => (
          <div data-testid="satisfaction">
            <Typography variant="body1">
              {summary.n === 0
                ? 'No ratings yet.'
                : `Mean ${summary.mean?.toFixed(2)} of 5 from ${
                    summary.n
                  } rating${summary.n === 1 ? '' : 's'} · CSAT ${
                    summary.csat
                  }%`}
            </Typography>
            {summary.recentComments.map(c => (
              <Typography variant="body2" key={`${c.voter}-${c.at}`}>
                {c.score}/5 · {c.voter}: {c.comment}
              </Typography>
            ))}
          </div>
        )}
      </Loadable>
      <form onSubmit={submit} aria-label="Rate this capability">
        <RadioGroup
          row
          aria-label="Score from 1 to 5"
          name="capability-rating"
          value={score ? String(score) : ''}
          onChange={e => setScore(Number(e.target.value))}
        >
          {[1, 2, 3, 4, 5].map(v => (
            <FormControlLabel
              key={v}
              value={String(v)}
              control={<Radio color="primary" />}
              label={String(v)}
            />
          ))}
        </RadioGroup>
        <TextField
          id="capability-rating-comment"
          label="Comment (optional)"
          value={comment}
          onChange={e => setComment(e.target.value)}
          inputProps={{ maxLength: 1000 }}
          fullWidth
          multiline
        />
        <Button type="submit" color="primary" disabled={!score || posting}>
          Vote
        </Button>
        {note ? <Typography variant="body2">{note}</Typography> : null}
        {error ? <ResponseErrorPanel error={error} /> : null}
      </form>
    </InfoCard>
  );
};
