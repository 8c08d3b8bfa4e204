import {
  AccountState,
  AccountSummary,
  ComplianceStatus,
  OrgTreeNode,
  Page,
} from '@aws-governance/plugin-aws-organizations-common';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
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

const columns: TableColumn<AccountSummary>[] = [
  {
    title: 'Account',
    cellStyle: NO_WRAP,
    field: 'name',
    // Through the account lookup (relative to the explorer): the catalog
    // page once the catalog has the account, until then what the
    // organization says of it and when to expect it in the catalog.
    render: a => <Link to={`accounts/${a.id}`}>{a.name}</Link>,
  },
  { title: 'Account id', cellStyle: NO_WRAP, field: 'id' },
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
    cellStyle: NO_WRAP,
    render: a => <ComplianceStatusLabel status={a.compliance.status} />,
  },
];

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
  const api = useApi(awsOrganizationsApiRef);
  // A new snapshot lists the accounts again (states and compliance change).
  const { generation } = useSnapshotWatch();
  const [text, setText] = useState(filters.q);
  // What failed, said above the table (which then lists no rows).
  const [listError, setListError] = useState<Error>();
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
      {listError && <ApiErrorPanel error={listError} subject="the accounts" />}
      <div data-testid="aws-account-table">
        <Table<AccountSummary>
          // A new query, or a new snapshot, starts again on the first page.
          key={`${generation} ${JSON.stringify(query)}`}
          title="Accounts"
          options={{
            search: false,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [PAGE_SIZE, 50, 100],
            padding: 'dense',
            emptyRowsWhenPaging: false,
          }}
          columns={columns}
          data={async tableQuery => {
            let page;
            const unfilteredFirstPage =
              tableQuery.page === 0 &&
              tableQuery.pageSize === PAGE_SIZE &&
              Object.values(query).every(value => value === undefined);
            try {
              page =
                unfilteredFirstPage && props.firstPage
                  ? await props.firstPage
                  : await api.listAccounts({
                      ...query,
                      offset: tableQuery.page * tableQuery.pageSize,
                      limit: tableQuery.pageSize,
                    });
              setListError(undefined);
            } catch (error) {
              // Said once, above the table, not again in material-table's
              // error overlay (whose retry icon reads "replay").
              setListError(error as Error);
              return { data: [], page: 0, totalCount: 0 };
            }
            return {
              data: page.items,
              page: Math.floor(page.offset / Math.max(1, tableQuery.pageSize)),
              totalCount: page.totalCount,
            };
          }}
          // emptyContent applies to local data only; this is remote data.
          localization={{
            body: { emptyDataSourceMessage: 'No account matches the filters.' },
          }}
        />
      </div>
    </>
  );
}
