import {
  Account,
  ResolvedPrincipal,
  SnapshotChildren,
  SnapshotIndex,
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

/**
 * The OUs and accounts directly under a parent (the root or an OU), sorted
 * by name then id: the -common index's children in the order of lists.
 */
export type GovernanceChildren = SnapshotChildren;

/**
 * Lookups over one stored snapshot and its resolution, built once per
 * snapshot by {@link buildGovernanceIndex} and read by every view: the
 * lookups of the one -common snapshot index (the same maps, not copies),
 * plus what only the views need (order, search text, refs, principals).
 * Treat it (and the snapshot it holds) as immutable.
 */
export interface GovernanceIndex
  extends Pick<
    SnapshotIndex,
    | 'snapshot'
    | 'accounts'
    | 'units'
    | 'unitName'
    | 'policies'
    | 'permissionSets'
    | 'assignmentsByAccount'
    | 'assignmentsByPrincipal'
    | 'groupMembers'
    | 'groupsOfUser'
    | 'users'
    | 'groups'
  > {
  readonly resolution: SnapshotResolution;
  readonly namespace: string;
  /** The access portal URL, when Identity Center is available. */
  readonly accessPortalUrl?: string;
  readonly refs: GovernanceRefs;
  /** Accounts ordered by name, then id: the order of account lists. */
  readonly accountsInOrder: readonly Account[];
  /** Lower-cased `name`, `id` and `email` per account id, for text search. */
  readonly searchText: ReadonlyMap<string, string>;
  /** Direct children per parent id (the root id or an OU id), sorted. */
  readonly children: ReadonlyMap<string, GovernanceChildren>;
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
