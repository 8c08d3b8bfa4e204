import {
  MAX_REVIEW_REASON_LENGTH,
  ReviewDecisionKind,
  ReviewItem,
} from '@aws-governance/plugin-aws-organizations-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorMessage } from '../common/ApiErrorPanel';
import { pluralize } from '../common/format';

/** What the dialog records: a decision, or a hand-over to a team. */
export type ReviewAction =
  | { kind: ReviewDecisionKind; items: ReviewItem[] }
  | { kind: 'handover'; items: ReviewItem[] };

const TITLES = { keep: 'Keep', revoke: 'Revoke', handover: 'Hand over' };

/**
 * Asks for the reason of a keep, revoke or hand-over of one or more items
 * (required to keep a privileged grant, as the backend requires) and the
 * team for a hand-over, then runs it; the backend records all items or
 * none.
 */
export function DecisionDialog(props: {
  action: ReviewAction;
  onClose: () => void;
  onSubmit: (options: { reason: string; toTeamRef: string }) => Promise<void>;
}) {
  const { action } = props;
  const [reason, setReason] = useState('');
  const [team, setTeam] = useState('');
  const privileged = action.items.filter(i => i.privileged).length;
  const reasonRequired = action.kind === 'keep' && privileged > 0;
  const valid =
    (!reasonRequired || reason.trim().length > 0) &&
    (action.kind !== 'handover' || team.trim().length > 0);
  const [state, submit] = useAsyncFn(
    () => props.onSubmit({ reason: reason.trim(), toTeamRef: team.trim() }),
    [props.onSubmit, reason, team],
  );
  const what = pluralize(action.items.length, 'item');
  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="aws-decision-title"
    >
      <DialogTitle id="aws-decision-title">
        {TITLES[action.kind]} {what}
      </DialogTitle>
      <DialogContent>
        <form
          id="aws-decision-form"
          onSubmit={e => {
            e.preventDefault();
            if (valid) submit();
          }}
        >
          {action.items.length === 1 && (
            <Typography variant="body2" paragraph>
              {action.items[0].principalName} ·{' '}
              {action.items[0].permissionSetName} ·{' '}
              {action.items[0].accountName} ({action.items[0].accountId})
            </Typography>
          )}
          {action.kind === 'revoke' && (
            <Typography variant="body2" paragraph>
              Each revocation becomes a remediation entry with the AWS CLI
              command that removes the assignment; the portal never changes AWS
              itself. A later sync closes the entry once it is gone.
            </Typography>
          )}
          {action.kind === 'handover' && (
            <TextField
              id="aws-handover-team"
              label="Team"
              required
              fullWidth
              margin="dense"
              placeholder="group:default/payments"
              helperText="The team that decides instead (an entity ref or a group name)"
              value={team}
              onChange={e => setTeam(e.target.value)}
            />
          )}
          <TextField
            id="aws-decision-reason"
            label="Reason"
            required={reasonRequired}
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            value={reason}
            inputProps={{ maxLength: MAX_REVIEW_REASON_LENGTH }}
            onChange={e => setReason(e.target.value)}
            helperText={
              reasonRequired
                ? `Required: keeping ${pluralize(
                    privileged,
                    'privileged grant',
                  )}`
                : 'Optional; kept in the evidence'
            }
          />
        </form>
        {state.error && (
          <Typography
            variant="body2"
            color="error"
            role="alert"
            data-testid="aws-decision-error"
          >
            {errorMessage(state.error)}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          type="submit"
          form="aws-decision-form"
          color="primary"
          variant="contained"
          disabled={!valid || state.loading}
          data-testid="aws-decision-submit"
        >
          {TITLES[action.kind]}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
