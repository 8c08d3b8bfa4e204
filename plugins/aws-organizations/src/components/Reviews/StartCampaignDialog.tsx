import {
  AccountSummary,
  REVIEW_RECURRENCE_INTERVALS,
  ReviewCampaign,
  ReviewRecurrenceInterval,
} from '@aws-governance/plugin-aws-organizations-common';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useDebounce from 'react-use/esm/useDebounce';
import { awsOrganizationsApiRef } from '../../api/AwsOrganizationsApi';
import { errorMessage } from '../common/ApiErrorPanel';
import { flattenTree } from '../common/tree';

interface UnitOption {
  id: string;
  label: string;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a date in the browser's time zone. */
function dateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** The end of a `YYYY-MM-DD` day in the browser's time zone, as ISO 8601. */
export function endOfDay(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}

function UnitPicker(props: {
  value: UnitOption[];
  onChange: (value: UnitOption[]) => void;
}) {
  const api = useApi(awsOrganizationsApiRef);
  const tree = useAsync(
    () => api.getOrganizationTree({ accounts: false }),
    [api],
  );
  const options: UnitOption[] = tree.value
    ? flattenTree(tree.value).map(({ node, depth }) => ({
        id: node.id,
        label: `${'\u00a0\u00a0'.repeat(depth)}${node.name} (${node.id})`,
      }))
    : [];
  return (
    <Autocomplete<UnitOption, true, false, false>
      id="aws-review-scope-units"
      multiple
      options={options}
      loading={tree.loading}
      value={props.value}
      getOptionLabel={o => o.label.trim()}
      getOptionSelected={(o, v) => o.id === v.id}
      onChange={(_e: unknown, value: UnitOption[]) => props.onChange(value)}
      noOptionsText={tree.error ? 'Could not load the OUs' : 'No OU'}
      renderInput={params => (
        <TextField
          {...params}
          label="Organizational units"
          placeholder="Any (every account below them)"
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
        />
      )}
    />
  );
}

function AccountPicker(props: {
  value: AccountSummary[];
  onChange: (value: AccountSummary[]) => void;
}) {
  const api = useApi(awsOrganizationsApiRef);
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  useDebounce(() => setQ(input.trim()), 300, [input]);
  const accounts = useAsync(
    async () =>
      open ? api.listAccounts({ q: q || undefined, limit: 20 }) : undefined,
    [api, open, q],
  );
  return (
    <Autocomplete<AccountSummary, true, false, false>
      id="aws-review-scope-accounts"
      multiple
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={accounts.value?.items ?? []}
      loading={open && accounts.loading}
      filterOptions={o => o}
      value={props.value}
      getOptionLabel={a => `${a.name} (${a.id})`}
      getOptionSelected={(o, v) => o.id === v.id}
      onChange={(_e: unknown, value: AccountSummary[]) => props.onChange(value)}
      inputValue={input}
      onInputChange={(_e: unknown, value: string) => setInput(value)}
      noOptionsText={accounts.error ? 'Could not load the accounts' : 'None'}
      renderInput={params => (
        <TextField
          {...params}
          label="Accounts"
          placeholder="Name or id"
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
        />
      )}
    />
  );
}

/**
 * The admin's form to start a campaign: a name, the scope (OUs and
 * accounts, none of either for the whole organization; privileged
 * permission sets only or all), the due date and an optional recurrence.
 * The backend pins the current snapshot's grants as the campaign's items.
 */
export function StartCampaignDialog(props: {
  open: boolean;
  onClose: () => void;
  onStarted: (campaign: ReviewCampaign) => void;
}) {
  const api = useApi(awsOrganizationsApiRef);
  const [name, setName] = useState('');
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [permissionSets, setPermissionSets] = useState<'all' | 'privileged'>(
    'all',
  );
  const [due, setDue] = useState(() =>
    dateInput(new Date(Date.now() + 30 * DAY_MS)),
  );
  const [recurrence, setRecurrence] = useState<'' | ReviewRecurrenceInterval>(
    '',
  );
  const [state, start] = useAsyncFn(async () => {
    const campaign = await api.startReviewCampaign({
      name: name.trim(),
      scope: {
        organizationalUnitIds: units.map(u => u.id),
        accountIds: accounts.map(a => a.id),
        permissionSets,
      },
      dueAt: endOfDay(due),
      ...(recurrence ? { recurrence: { interval: recurrence } } : {}),
    });
    props.onStarted(campaign);
    return campaign;
  }, [api, name, units, accounts, permissionSets, due, recurrence]);
  const valid = name.trim().length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(due);
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="aws-start-campaign-title"
    >
      <DialogTitle id="aws-start-campaign-title">
        Start an access review
      </DialogTitle>
      <DialogContent>
        <form
          id="aws-start-campaign-form"
          data-testid="aws-start-campaign-form"
          onSubmit={e => {
            e.preventDefault();
            if (valid) start();
          }}
        >
          <TextField
            id="aws-review-name"
            label="Name"
            required
            fullWidth
            margin="dense"
            value={name}
            onChange={e => setName(e.target.value)}
            placeholder="e.g. Q3 access review"
          />
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            Scope (nothing chosen: the whole organization)
          </Typography>
          <UnitPicker value={units} onChange={setUnits} />
          <AccountPicker value={accounts} onChange={setAccounts} />
          <FormControl component="fieldset" margin="dense">
            <FormLabel component="legend">Permission sets</FormLabel>
            <RadioGroup
              row
              value={permissionSets}
              onChange={e =>
                setPermissionSets(e.target.value as 'all' | 'privileged')
              }
            >
              <FormControlLabel value="all" control={<Radio />} label="All" />
              <FormControlLabel
                value="privileged"
                control={<Radio />}
                label="Privileged only"
              />
            </RadioGroup>
          </FormControl>
          <TextField
            id="aws-review-due"
            label="Due"
            type="date"
            required
            fullWidth
            margin="dense"
            value={due}
            onChange={e => setDue(e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            id="aws-review-recurrence"
            label="Recurrence"
            select
            fullWidth
            margin="dense"
            value={recurrence}
            onChange={e =>
              setRecurrence(e.target.value as '' | ReviewRecurrenceInterval)
            }
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            helperText="A recurring campaign starts the next one by itself, due as long after its start as this one"
          >
            <option value="">None</option>
            {REVIEW_RECURRENCE_INTERVALS.map(interval => (
              <option key={interval} value={interval}>
                {interval.charAt(0).toUpperCase() + interval.slice(1)}
              </option>
            ))}
          </TextField>
        </form>
        {state.error && (
          <Typography
            variant="body2"
            color="error"
            role="alert"
            data-testid="aws-start-campaign-error"
          >
            Could not start the campaign: {errorMessage(state.error)}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          type="submit"
          form="aws-start-campaign-form"
          color="primary"
          variant="contained"
          disabled={!valid || state.loading}
        >
          Start campaign
        </Button>
      </DialogActions>
    </Dialog>
  );
}
