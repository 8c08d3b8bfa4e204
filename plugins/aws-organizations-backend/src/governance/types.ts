import {
  Account,
  AccountAssignment,
  IdentityStoreGroup,
  IdentityStoreUser,
  OrganizationSnapshot,
  OrganizationalUnit,
  PermissionSet,
  ResolvedPrincipal,
  ServiceControlPolicy,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';

/** Options of {@link buildGovernanceIndex}. */
export interface GovernanceOptions {
  /**
   * Catalog namespace of the entities the catalog module emits
   * (`awsOrganizations.catalog.namespace`). Default `default`.
   */
  namespace?: string;
  /**
   * The IAM Identity Center access portal URL, when it has a custom alias.
   * Default `https://<identityStoreId>.awsapps.com/start`.
   */
  accessPortalUrl?: string;
}

/** Catalog refs of the entities the catalog module emits for a snapshot. */
export interface GovernanceRefs {
  account(accountId: string): string;
  /** The root or an OU. */
  unit(unitId: string): string;
  policy(policyId: string): string;
  permissionSet(permissionSetArn: string): string;
}

/** The OUs and accounts directly under a parent (the root or an OU). */
export interface GovernanceChildren {
  units: OrganizationalUnit[];
  accounts: Account[];
}

/**
 * Lookups over one stored snapshot and its resolution, built once per
 * snapshot by {@link buildGovernanceIndex} and read by every view. Treat it
 * (and the snapshot it holds) as immutable.
 */
export interface GovernanceIndex {
  readonly snapshot: OrganizationSnapshot;
  readonly resolution: SnapshotResolution;
  readonly namespace: string;
  /** The access portal URL, when Identity Center is available. */
  readonly accessPortalUrl?: string;
  readonly refs: GovernanceRefs;
  readonly accounts: ReadonlyMap<string, Account>;
  /** Accounts ordered by name, then id: the order of account lists. */
  readonly accountsInOrder: readonly Account[];
  /** Lower-cased `name`, `id` and `email` per account id, for text search. */
  readonly searchText: ReadonlyMap<string, string>;
  /** OUs by id (the root is `snapshot.root`, not in this map). */
  readonly units: ReadonlyMap<string, OrganizationalUnit>;
  /** Name of the root or an OU by id. */
  unitName(unitId: string): string | undefined;
  /** Direct children per parent id (the root id or an OU id). */
  readonly children: ReadonlyMap<string, GovernanceChildren>;
  readonly policies: ReadonlyMap<string, ServiceControlPolicy>;
  readonly permissionSets: ReadonlyMap<string, PermissionSet>;
  readonly assignmentsByAccount: ReadonlyMap<string, AccountAssignment[]>;
  readonly assignmentsByPrincipal: ReadonlyMap<string, AccountAssignment[]>;
  /** User ids per group id. */
  readonly groupMembers: ReadonlyMap<string, string[]>;
  /** Group ids per user id. */
  readonly groupsOfUser: ReadonlyMap<string, string[]>;
  readonly users: ReadonlyMap<string, IdentityStoreUser>;
  readonly groups: ReadonlyMap<string, IdentityStoreGroup>;
  /**
   * The Identity Store principals a catalog Group or User ref (compared
   * case-insensitively) maps to: by the resolution's refs, and for a
   * principal the catalog lacks, by the `aws-group-…`/`aws-user-…` entity
   * the catalog module may emit for it.
   */
  principalsOf(entityRef: string): ResolvedPrincipal[];
  /** The principal as resolved, or a bare one when the resolution lacks it. */
  principal(type: 'USER' | 'GROUP', id: string): ResolvedPrincipal;
}
