import {
  AccountState,
  AccountSummary,
  ComplianceStatus,
  OrgTreeNode,
  Page,
} from '@aws-governance/plugin-aws-organizations-common';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import {
  AccountsQuery,
  awsOrganizationsApiRef,
} from '../../api/AwsOrganizationsApi';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ComplianceStatusLabel } from '../common/ComplianceStatusLabel';
import { formatState } from '../common/format';
import { flattenTree } from '../common/tree';
import { NO_WRAP } from '../common/cellStyles';
import { useSnapshotWatch } from '../common/useSnapshot';

/** The filters of the account search; unset ones are empty strings. */
export interface AccountFilters {
  q: string;
  owner: string;
  state: '' | AccountState;
  compliance: '' | ComplianceStatus;
  ou: string;
}

/** No filter set. */
export const NO_FILTERS: AccountFilters = {
  q: '',
  owner: '',
  state: '',
  compliance: '',
  ou: '',
};

const STATES: AccountState[] = [
  'ACTIVE',
  'SUSPENDED',
  'PENDING_ACTIVATION',
  'PENDING_CLOSURE',
  'CLOSED',
];

const COMPLIANCE: { value: ComplianceStatus; label: string }[] = [
  { value: 'fail', label: 'Non-compliant' },
  { value: 'warn', label: 'Warning' },
  { value: 'pass', label: 'Compliant' },
  { value: 'unknown', label: 'Unknown' },
];

/** Rows of a page of the account table, at first. */
export const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

interface AccountColumn {
  title: string;
  noWrap?: boolean;
  render: (account: AccountSummary) => ReactNode;
}

const columns: AccountColumn[] = [
  {
    title: 'Account',
    noWrap: true,
    // Through the account lookup (relative to the explorer): the catalog
    // page once the catalog has the account, until then what the
    // organization says of it and when to expect it in the catalog.
    render: a => <Link to={`accounts/${a.id}`}>{a.name}</Link>,
  },
  { title: 'Account id', noWrap: true, render: a => a.id },
  {
    title: 'Path',
    render: a => a.path.map(p => p.name).join(' / '),
  },
  {
    title: 'Owner',
    render: a =>
      a.owner.ref ? (
        <EntityRefLink entityRef={a.owner.ref} defaultKind="group" />
      ) : (
        <Typography variant="body2" color="textSecondary">
          none
        </Typography>
      ),
  },
  { title: 'State', render: a => formatState(a.state) },
  {
    title: 'Compliance',
    noWrap: true,
    render: a => <ComplianceStatusLabel status={a.compliance.status} />,
  },
];

const PAGE_SIZES = [PAGE_SIZE, 50, 100];

/**
 * One page of accounts, paged on the server: a plain MUI table (the
 * explorer's first render at 5,000 accounts spent most of its time
 * mounting material-table and rendering its remote data twice).
 */
function AccountTable(props: {
  query: AccountsQuery;
  /** Changes with each snapshot: the table lists again, from page 1. */
  generation: number;
  firstPage?: Promise<Page<AccountSummary>>;
}) {
  const { query, firstPage } = props;
  const api = useApi(awsOrganizationsApiRef);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const queryKey = JSON.stringify(query);
  // A new query, or a new snapshot, starts again on the first page (in the
  // same render: no request for the old page of the new query).
  const listKey = `${props.generation} ${queryKey}`;
  const [paging, setPaging] = useState({ listKey, page: 0 });
  const page = paging.listKey === listKey ? paging.page : 0;
  const setPage = (next: number) => setPaging({ listKey, page: next });
  const unfiltered = Object.values(query).every(v => v === undefined);
  const accounts = useAsync(
    () =>
      page === 0 && pageSize === PAGE_SIZE && unfiltered && firstPage
        ? firstPage
        : api.listAccounts({
            ...query,
            offset: page * pageSize,
            limit: pageSize,
          }),
    // The query's content, not its object, decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, queryKey, page, pageSize, props.generation, firstPage],
  );
  const value = accounts.value;
  return (
    <Paper>
      <Box px={2} pt={2}>
        <Typography variant="h5" component="h2">
          Accounts
        </Typography>
      </Box>
      {accounts.error && (
        <ApiErrorPanel error={accounts.error} subject="the accounts" />
      )}
      <Box height={4}>{accounts.loading && <LinearProgress />}</Box>
      <Table size="small">
        <TableHead>
          <TableRow>
            {columns.map(c => (
              <TableCell key={c.title}>{c.title}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {value?.items.map(account => (
            <TableRow key={account.id} data-testid="aws-account-row">
              {columns.map(c => (
                <TableCell key={c.title} style={c.noWrap ? NO_WRAP : undefined}>
                  {c.render(account)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {value && value.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length}>
                <Typography variant="body2" color="textSecondary">
                  No account matches the filters.
                </Typography>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={value?.totalCount ?? 0}
        page={value && value.totalCount > 0 ? page : 0}
        rowsPerPage={pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={event => {
          setPageSize(Number(event.target.value));
          setPage(0);
        }}
      />
    </Paper>
  );
}

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <TextField
      id={props.id}
      select
      fullWidth
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">Any</option>
      {props.options.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

/**
 * Owner options shown at once: an organization can have thousands of
 * owning teams; the backend narrows them to what is typed
 * (`GET /compliance/owners?q=`), a page of this many.
 */
export const MAX_OWNER_OPTIONS = 50;
// The options are the backend's matches already.
const keepOptions = (options: string[]) => options;

function OwnerFilter(props: {
  value: string;
  onChange: (value: string) => void;
}) {
  const api = useApi(awsOrganizationsApiRef);
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useDebounce(() => setQ(input.trim()), SEARCH_DEBOUNCE_MS, [input]);
  // Asked only while the list is open: the page loads no owner list.
  const owners = useAsync(
    async () =>
      open
        ? api.listOwners({ q: q || undefined, limit: MAX_OWNER_OPTIONS })
        : undefined,
    [api, open, q],
  );
  const page = owners.value;
  const more = page ? page.totalCount - page.items.length : 0;
  return (
    <Autocomplete
      id="aws-filter-owner"
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={page?.items.map(o => o.ref) ?? []}
      loading={open && owners.loading}
      value={props.value || null}
      onChange={(_event: unknown, value: string | null) =>
        props.onChange(value ?? '')
      }
      inputValue={input}
      onInputChange={(_event: unknown, value: string) => setInput(value)}
      filterOptions={keepOptions}
      noOptionsText={owners.error ? 'Could not load the owners' : 'No owner'}
      renderInput={params => (
        <TextField
          {...params}
          label="Owner"
          placeholder="Any"
          helperText={
            open && more > 0 ? `${more} more: type to narrow` : undefined
          }
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
        />
      )}
    />
  );
}

/**
 * Account search over `GET /accounts`: free text, owner, state, compliance
 * and OU filters, paged on the server (fine for thousands of accounts).
 */
export function AccountSearch(props: {
  tree?: OrgTreeNode;
  filters: AccountFilters;
  onFiltersChange: (filters: AccountFilters) => void;
  /**
   * The first page without filters, already requested (with the rest of
   * the explorer's first data): shown without asking again.
   */
  firstPage?: Promise<Page<AccountSummary>>;
}) {
  const { filters, onFiltersChange } = props;
  // A new snapshot lists the accounts again (states and compliance change).
  const { generation } = useSnapshotWatch();
  const [text, setText] = useState(filters.q);
  useDebounce(
    () => {
      if (text !== filters.q) {
        onFiltersChange({ ...filters, q: text });
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  const set = (key: keyof AccountFilters) => (value: string) =>
    onFiltersChange({ ...filters, [key]: value });

  const unitOptions = useMemo(
    () =>
      props.tree
        ? flattenTree(props.tree).map(({ node, depth }) => ({
            value: node.id,
            label: `${'\u00a0\u00a0'.repeat(depth)}${node.name}`,
          }))
        : [],
    [props.tree],
  );

  const query: AccountsQuery = {
    q: filters.q || undefined,
    owner: filters.owner || undefined,
    state: filters.state || undefined,
    compliance: filters.compliance || undefined,
    ou: filters.ou || undefined,
  };

  return (
    <>
      <Grid container spacing={2} data-testid="aws-account-filters">
        <Grid item xs={12} md={4}>
          <TextField
            id="aws-account-search"
            label="Search accounts"
            placeholder="Name, id or email"
            fullWidth
            value={text}
            onChange={e => setText(e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
        </Grid>
        <Grid item xs={6} md={2}>
          <OwnerFilter value={filters.owner} onChange={set('owner')} />
        </Grid>
        <Grid item xs={6} md={2}>
          <FilterSelect
            id="aws-filter-state"
            label="State"
            value={filters.state}
            onChange={set('state')}
            options={STATES.map(s => ({ value: s, label: formatState(s) }))}
          />
        </Grid>
        <Grid item xs={6} md={2}>
          <FilterSelect
            id="aws-filter-compliance"
            label="Compliance"
            value={filters.compliance}
            onChange={set('compliance')}
            options={COMPLIANCE}
          />
        </Grid>
        <Grid item xs={6} md={2}>
          <FilterSelect
            id="aws-filter-ou"
            label="Organizational unit"
            value={filters.ou}
            onChange={set('ou')}
            options={unitOptions}
          />
        </Grid>
      </Grid>
      <div data-testid="aws-account-table">
        <AccountTable
          query={query}
          generation={generation}
          firstPage={props.firstPage}
        />
      </div>
    </>
  );
}
