import {
  Account,
  AccountState,
  AccountSummary,
  ComplianceStatus,
  Page,
  ResolvedOwner,
  normalizeEntityRef,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';
import { accountStatus } from './complianceCounts';
import { GovernanceIndex } from './types';

/** Default page size of {@link listAccounts}. */
export const DEFAULT_ACCOUNTS_LIMIT = 100;

/** Filters and paging of {@link listAccounts}; unset filters match all. */
export interface AccountsFilter {
  /** The root or an OU id: accounts in it and below. */
  ou?: string;
  /**
   * Owner entity ref, compared case-insensitively; a bare name means a
   * Group in the catalog namespace (`payments` → `group:default/payments`).
   */
  owner?: string;
  state?: AccountState;
  compliance?: ComplianceStatus;
  /** Free text over name, id and email, case-insensitive. */
  q?: string;
  offset?: number;
  /** Default {@link DEFAULT_ACCOUNTS_LIMIT}; 0 only counts. */
  limit?: number;
}

const NO_OWNER: ResolvedOwner = { source: 'none', resolvable: false };

/** The owner the resolution found for an account. */
export function accountOwner(
  index: GovernanceIndex,
  accountId: string,
): ResolvedOwner {
  return index.resolution.accountOwners[accountId] ?? NO_OWNER;
}

/** The row of one account, as `GET /accounts` lists it. */
export function accountSummary(
  index: GovernanceIndex,
  report: ComplianceReport,
  account: Account,
): AccountSummary {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    state: account.state,
    parentId: account.parentId,
    path: account.path.map(id => ({ id, name: index.unitName(id) ?? id })),
    owner: accountOwner(index, account.id),
    compliance: accountStatus(report, account.id),
    entityRef: index.refs.account(account.id),
  };
}

function normalizeOwner(owner: string, namespace: string): string {
  return (
    normalizeEntityRef(owner.trim(), {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }) ?? owner.trim().toLowerCase()
  );
}

/**
 * The ids of the accounts an owner owns (its ref compared
 * case-insensitively, a bare name meaning a Group as in
 * {@link AccountsFilter}), in the accounts' order.
 */
export function ownedAccountIds(
  index: GovernanceIndex,
  owner: string,
): string[] {
  const ref = normalizeOwner(owner, index.namespace);
  return index.accountsInOrder
    .filter(
      account => accountOwner(index, account.id).ref?.toLowerCase() === ref,
    )
    .map(account => account.id);
}

function toCount(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value)
    ? fallback
    : Math.max(0, Math.floor(value));
}

/**
 * `GET /accounts`: the accounts matching every given filter, ordered by
 * name then id, one page of them.
 */
export function listAccounts(
  index: GovernanceIndex,
  report: ComplianceReport,
  filter: AccountsFilter = {},
): Page<AccountSummary> {
  const offset = toCount(filter.offset, 0);
  const limit = toCount(filter.limit, DEFAULT_ACCOUNTS_LIMIT);
  const owner =
    filter.owner === undefined
      ? undefined
      : normalizeOwner(filter.owner, index.namespace);
  const text = filter.q?.trim().toLowerCase() || undefined;
  const { ou, state, compliance } = filter;

  const matches = (account: Account): boolean =>
    (state === undefined || account.state === state) &&
    (ou === undefined || account.path.includes(ou)) &&
    (text === undefined || index.searchText.get(account.id)!.includes(text)) &&
    (owner === undefined ||
      accountOwner(index, account.id).ref?.toLowerCase() === owner) &&
    (compliance === undefined ||
      accountStatus(report, account.id).status === compliance);

  const items: AccountSummary[] = [];
  let totalCount = 0;
  for (const account of index.accountsInOrder) {
    if (!matches(account)) continue;
    if (totalCount >= offset && items.length < limit) {
      items.push(accountSummary(index, report, account));
    }
    totalCount++;
  }
  return { items, totalCount, offset, limit };
}
