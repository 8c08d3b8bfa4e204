import {
  AccountSummary,
  OrganizationComplianceSummary,
  OrgTreeNode,
  Page,
} from '@aws-governance/plugin-aws-organizations-common';
import { AwsOrganizationsApi } from '../../api/AwsOrganizationsApi';
import { PAGE_SIZE } from '../AccountSearch/AccountSearch';
import { INITIAL_TREE_DEPTH } from '../OrgTree/useOrganizationTree';

/** What the explorer shows first, requested together. */
export interface ExplorerData {
  etag: string;
  tree: Promise<OrgTreeNode>;
  summary: Promise<OrganizationComplianceSummary>;
  /** The account table's first page without filters. */
  firstAccounts: Promise<Page<AccountSummary>>;
}

const loaded = new WeakMap<AwsOrganizationsApi, ExplorerData>();

/**
 * Starts (once per snapshot ETag and API instance) the explorer's first
 * requests: the tree's first levels, the compliance summary and the first
 * page of accounts. Called as soon as the status names a snapshot, so the
 * three travel at once, before the explorer's components are rendered and
 * their effects would send them one by one.
 */
export function explorerData(
  api: AwsOrganizationsApi,
  etag: string,
): ExplorerData {
  const current = loaded.get(api);
  if (current?.etag === etag) return current;
  const data: ExplorerData = {
    etag,
    tree: api.getOrganizationTree({
      depth: INITIAL_TREE_DEPTH,
      accounts: false,
    }),
    summary: api.getComplianceSummary(),
    firstAccounts: api.listAccounts({ offset: 0, limit: PAGE_SIZE }),
  };
  // Each view handles its own failure (none is left unhandled meanwhile);
  // the next explorer opened asks again.
  for (const promise of [data.tree, data.summary, data.firstAccounts]) {
    promise.catch(() => {
      if (loaded.get(api) === data) loaded.delete(api);
    });
  }
  loaded.set(api, data);
  return data;
}
