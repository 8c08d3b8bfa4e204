import {
  Page,
  ReviewCampaign,
  ReviewItem,
  ReviewItemState,
} from '@aws-governance/plugin-aws-organizations-common';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { memo, useCallback, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import {
  awsOrganizationsApiRef,
  ReviewItemsFilter,
} from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { NO_WRAP } from '../common/cellStyles';
import { formatDateTime, pluralize } from '../common/format';
import { DecisionDialog, ReviewAction } from './DecisionDialog';

/** Rows per page at first: the server pages, the page renders only these. */
export const QUEUE_PAGE_SIZE = 50;
const PAGE_SIZES = [50, 100, 250, 500];

/** The queue's filters; unset ones are empty. */
export interface QueueFilters {
  mine: boolean;
  state: '' | ReviewItemState;
  privileged: '' | 'true' | 'false';
  q: string;
}

/**
 * Why the caller may not decide an item, in words (the backend's
 * `canDecide` is false): decided already, the campaign closed, nobody
 * assigned yet, or another team's item.
 */
export function whyNotDecidable(
  item: ReviewItem,
  campaign: ReviewCampaign | undefined,
): string {
  if (item.state !== 'pending') return 'Decided (a decision is final)';
  // The campaign loads beside the items: until it is in, no guess.
  if (!campaign) return '';
  if (campaign.status !== 'active') return 'The campaign is closed';
  if (!item.assigneeRef) {
    return 'Unowned account: an admin hands it to a team first';
  }
  return `Assigned to ${item.assigneeRef}: only that team (aws-organizations.review.decide on the account) or an admin decides`;
}

function StateCell(props: { item: ReviewItem }) {
  const { item } = props;
  if (item.state === 'pending') {
    return <Chip size="small" variant="outlined" label="Pending" />;
  }
  const decision = item.decision;
  return (
    <Box>
      <Chip
        size="small"
        label={item.state === 'kept' ? 'Kept' : 'Revoked'}
        color={item.state === 'revoked' ? 'secondary' : 'primary'}
      />
      {decision && (
        <Typography variant="caption" component="div" color="textSecondary">
          by {decision.decidedBy} · {formatDateTime(decision.decidedAt)}
          {decision.reason ? ` · “${decision.reason}”` : ''}
        </Typography>
      )}
      {item.remediation && (
        <Typography variant="caption" component="div">
          Remediation {item.remediation.status}
        </Typography>
      )}
    </Box>
  );
}

/** One item; memoized so that selecting a row re-renders only that row. */
const QueueRow = memo(function ReviewQueueRow(props: {
  item: ReviewItem;
  campaign: ReviewCampaign | undefined;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onAction: (action: ReviewAction) => void;
}) {
  const { item, campaign, selected, onSelect, onAction } = props;
  return (
    <TableRow
      data-testid="aws-review-item"
      data-item-id={item.id}
      selected={selected}
    >
      <TableCell padding="checkbox">
        <Checkbox
          checked={selected}
          disabled={!item.canDecide}
          onChange={e => onSelect(item.id, e.target.checked)}
          inputProps={{
            'aria-label': `Select ${item.principalName} on ${item.accountName}`,
          }}
        />
      </TableCell>
      <TableCell style={NO_WRAP}>
        {item.accountName}
        <Typography variant="caption" component="div" color="textSecondary">
          {item.accountId}
        </Typography>
      </TableCell>
      <TableCell>
        {item.principalRef ? (
          <EntityRefLink
            entityRef={item.principalRef}
            title={item.principalName}
          />
        ) : (
          item.principalName
        )}
        <Typography variant="caption" component="div" color="textSecondary">
          {item.principalType === 'GROUP'
            ? `group, ${pluralize(item.memberCount, 'member')}`
            : 'user'}
        </Typography>
      </TableCell>
      <TableCell>
        {item.permissionSetName}{' '}
        {item.privileged && (
          <Chip size="small" label="Privileged" color="secondary" />
        )}
      </TableCell>
      <TableCell style={NO_WRAP}>
        {item.assigneeRef ? (
          <EntityRefLink entityRef={item.assigneeRef} defaultKind="group" />
        ) : (
          <Typography variant="body2" color="textSecondary">
            unassigned
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <StateCell item={item} />
      </TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        {item.canDecide ? (
          <>
            <Button
              size="small"
              color="primary"
              onClick={() => onAction({ kind: 'keep', items: [item] })}
            >
              Keep
            </Button>
            <Button
              size="small"
              color="secondary"
              onClick={() => onAction({ kind: 'revoke', items: [item] })}
            >
              Revoke
            </Button>
            <Button
              size="small"
              onClick={() => onAction({ kind: 'handover', items: [item] })}
            >
              Hand over
            </Button>
          </>
        ) : (
          <Typography
            variant="caption"
            color="textSecondary"
            data-testid="aws-review-why-not"
            style={{ whiteSpace: 'normal', display: 'block', maxWidth: 260 }}
          >
            {whyNotDecidable(item, campaign)}
          </Typography>
        )}
      </TableCell>
    </TableRow>
  );
});

function Filters(props: {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
}) {
  const { filters, onChange } = props;
  const [text, setText] = useState(filters.q);
  useDebounce(
    () => {
      if (text !== filters.q) onChange({ ...filters, q: text });
    },
    300,
    [text],
  );
  return (
    <Grid
      container
      spacing={2}
      alignItems="center"
      data-testid="aws-review-filters"
    >
      <Grid item xs={12} md={4}>
        <TextField
          id="aws-review-search"
          label="Search items"
          placeholder="Account, permission set or principal"
          fullWidth
          value={text}
          onChange={e => setText(e.target.value)}
          InputLabelProps={{ shrink: true }}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <TextField
          id="aws-review-state"
          label="State"
          select
          fullWidth
          value={filters.state}
          onChange={e => onChange({ ...filters, state: e.target.value as any })}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">Any</option>
          <option value="pending">Pending</option>
          <option value="kept">Kept</option>
          <option value="revoked">Revoked</option>
        </TextField>
      </Grid>
      <Grid item xs={6} md={2}>
        <TextField
          id="aws-review-privileged"
          label="Permission sets"
          select
          fullWidth
          value={filters.privileged}
          onChange={e =>
            onChange({ ...filters, privileged: e.target.value as any })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">Any</option>
          <option value="true">Privileged</option>
          <option value="false">Not privileged</option>
        </TextField>
      </Grid>
      <Grid item xs={12} md={4}>
        <FormControlLabel
          control={
            <Switch
              checked={filters.mine}
              onChange={e => onChange({ ...filters, mine: e.target.checked })}
              inputProps={{ 'aria-label': "Only my teams' items" }}
            />
          }
          label="Only my teams' items"
        />
      </Grid>
    </Grid>
  );
}

/**
 * A campaign's reviewer queue: the items the caller may see (all for
 * admins, the accounts their teams own or were handed for others), paged on
 * the server so that thousands of items render as fast as one page, with
 * filters, a keep, revoke or hand-over per item and for the selected items
 * at once, and for items the caller may not decide, why not.
 */
export function ReviewQueue(props: {
  campaignId: string;
  /**
   * For why an item may not be decided (a closed campaign); it may still be
   * loading: the queue's request does not wait for it.
   */
  campaign?: ReviewCampaign;
  /** After decisions: the campaign's counts and remediations changed. */
  onDecided?: () => void;
  initialFilters?: Partial<QueueFilters>;
}) {
  const { campaignId, campaign, onDecided } = props;
  const api = useApi(awsOrganizationsApiRef);
  const [filters, setFilters] = useState<QueueFilters>({
    mine: false,
    state: '',
    privileged: '',
    q: '',
    ...props.initialFilters,
  });
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState(QUEUE_PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<ReviewAction>();
  const [message, setMessage] = useState<string>();

  const query: ReviewItemsFilter = {
    ...(filters.mine ? { mine: true } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.privileged
      ? { privileged: filters.privileged === 'true' }
      : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    offset,
    limit,
  };
  const key = JSON.stringify(query);
  const page = useAsyncRetry(
    (): Promise<Page<ReviewItem>> => api.listReviewItems(campaignId, query),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, campaignId, key],
  );
  // A new page or new filters: nothing selected that is not in sight.
  useEffect(() => setSelected(new Set()), [key]);

  const onSelect = useCallback((id: string, on: boolean) => {
    setSelected(current => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onAction = useCallback((a: ReviewAction) => setAction(a), []);

  const items = page.value?.items ?? [];
  const decidable = items.filter(i => i.canDecide);
  const chosen = items.filter(i => selected.has(i.id));

  const run = async (options: { reason: string; toTeamRef: string }) => {
    if (!action) return;
    const itemIds = action.items.map(i => i.id);
    if (action.kind === 'handover') {
      await api.handOverReviewItems({
        itemIds,
        toTeamRef: options.toTeamRef,
        ...(options.reason ? { reason: options.reason } : {}),
      });
    } else {
      await api.decideReviewItems({
        itemIds,
        decision: action.kind,
        ...(options.reason ? { reason: options.reason } : {}),
      });
    }
    const verb = {
      keep: 'Kept',
      revoke: 'Revoked',
      handover: 'Handed over',
    }[action.kind];
    setMessage(`${verb} ${pluralize(itemIds.length, 'item')}.`);
    setAction(undefined);
    setSelected(new Set());
    page.retry();
    onDecided?.();
  };

  let body;
  if (page.error) {
    body = <ApiErrorPanel error={page.error} subject="the review items" />;
  } else if (!page.value) {
    body = <Typography>Loading the items…</Typography>;
  } else if (page.value.totalCount === 0) {
    body = (
      <Typography data-testid="aws-review-no-items">
        No item to show
        {filters.mine ? " (only your teams' items are shown)" : ''}.
      </Typography>
    );
  } else {
    body = (
      <>
        <Table size="small" data-testid="aws-review-queue">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={
                    decidable.length > 0 &&
                    decidable.every(i => selected.has(i.id))
                  }
                  indeterminate={
                    chosen.length > 0 && chosen.length < decidable.length
                  }
                  disabled={decidable.length === 0}
                  onChange={e =>
                    setSelected(
                      new Set(e.target.checked ? decidable.map(i => i.id) : []),
                    )
                  }
                  inputProps={{
                    'aria-label':
                      'Select every item you may decide on this page',
                  }}
                />
              </TableCell>
              <TableCell>Account</TableCell>
              <TableCell>Principal</TableCell>
              <TableCell>Permission set</TableCell>
              <TableCell>Assigned to</TableCell>
              <TableCell>Decision</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(item => (
              <QueueRow
                key={item.id}
                item={item}
                campaign={campaign}
                selected={selected.has(item.id)}
                onSelect={onSelect}
                onAction={onAction}
              />
            ))}
          </TableBody>
        </Table>
        <TablePagination
          component="div"
          count={page.value.totalCount}
          page={Math.floor(offset / limit)}
          rowsPerPage={limit}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_e, p) => setOffset(p * limit)}
          onRowsPerPageChange={e => {
            setLimit(Number(e.target.value));
            setOffset(0);
          }}
          data-testid="aws-review-pager"
        />
      </>
    );
  }

  return (
    <Paper data-testid="aws-review-queue-panel">
      <Box p={2}>
        <Filters
          filters={filters}
          onChange={next => {
            setFilters(next);
            setOffset(0);
          }}
        />
        <Box
          display="flex"
          alignItems="center"
          mt={2}
          minHeight={40}
          data-testid="aws-review-bulk"
        >
          <Typography variant="body2" style={{ marginRight: 16 }}>
            {page.value
              ? `${pluralize(page.value.totalCount, 'item')}${
                  chosen.length ? `, ${chosen.length} selected` : ''
                }`
              : ''}
          </Typography>
          {chosen.length > 0 && (
            <>
              <Button
                size="small"
                variant="outlined"
                color="primary"
                onClick={() => setAction({ kind: 'keep', items: chosen })}
              >
                Keep selected
              </Button>
              <Box mx={1}>
                <Button
                  size="small"
                  variant="outlined"
                  color="secondary"
                  onClick={() => setAction({ kind: 'revoke', items: chosen })}
                >
                  Revoke selected
                </Button>
              </Box>
              <Button
                size="small"
                variant="outlined"
                onClick={() => setAction({ kind: 'handover', items: chosen })}
              >
                Hand over selected
              </Button>
            </>
          )}
          {message && (
            <Typography
              variant="body2"
              role="status"
              data-testid="aws-review-message"
              style={{ marginLeft: 16 }}
            >
              {message}
            </Typography>
          )}
        </Box>
      </Box>
      {body}
      {action && (
        <DecisionDialog
          action={action}
          onClose={() => setAction(undefined)}
          onSubmit={run}
        />
      )}
    </Paper>
  );
}
