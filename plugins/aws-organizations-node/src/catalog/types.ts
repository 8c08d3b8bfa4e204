import { Entity } from '@backstage/catalog-model';
import {
  Account,
  OrganizationalUnit,
  OrganizationRoot,
  OwnerSource,
  PermissionSet,
  ResolvedPrincipal,
  ResourceControlPolicy,
  ServiceControlPolicy,
  SnapshotEnvelope,
  SnapshotIndex,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * Full entity refs (`resource:<namespace>/<name>`) of the entities the
 * catalog module emits, so that a transformer points at the same names as
 * the others.
 *
 * @public
 */
export interface AwsOrganizationsEntityRefs {
  account(accountId: string): string;
  organizationRoot(rootId: string): string;
  organizationalUnit(unitId: string): string;
  /** The ref of a parent: the root for the root id, else the OU. */
  parent(parentId: string): string;
  serviceControlPolicy(policyId: string): string;
  resourceControlPolicy(policyId: string): string;
  permissionSet(permissionSetArn: string): string;
  /**
   * The catalog ref of an Identity Store principal: the backend's mapping,
   * or the emitted `aws-group-`/`aws-user-` entity when
   * `emitMissingPrincipals` is on and the catalog lacks it; undefined
   * otherwise.
   */
  principal(principalId: string): string | undefined;
}

/**
 * An owner as the catalog module resolved it: a full entity ref and where
 * it came from (`none` means the configured fallback owner was used).
 *
 * @public
 */
export interface AwsOrganizationsOwner {
  ref: string;
  source: OwnerSource;
}

/**
 * What every transformer gets besides the item it transforms.
 *
 * @public
 */
export interface AwsOrganizationsTransformerContext {
  /** The snapshot and the backend's owner and principal resolution. */
  envelope: SnapshotEnvelope;
  /** Namespace of the emitted entities (`awsOrganizations.catalog.namespace`). */
  namespace: string;
  refs: AwsOrganizationsEntityRefs;
  /**
   * The one index of the snapshot (-common's `indexSnapshot`), shared with
   * the backend's views and the compliance engine: assignments by account
   * and by principal, group members, groups of a user, permission sets,
   * groups and users by id. Treat it as read-only.
   */
  index: SnapshotIndex;
  /** The owner of an account. */
  accountOwner(accountId: string): AwsOrganizationsOwner;
  /** The owner of an OU or the root. */
  unitOwner(unitId: string): AwsOrganizationsOwner;
  /** The owner of an SCP: its own owner tag, else the root's owner. */
  policyOwner(policyId: string): AwsOrganizationsOwner;
  /** The owner of a permission set: its own owner tag, else the root's owner. */
  permissionSetOwner(permissionSetArn: string): AwsOrganizationsOwner;
}

/**
 * Turns an account into an entity; undefined leaves it out of the catalog.
 *
 * @public
 */
export type AwsAccountTransformer = (
  account: Account,
  context: AwsOrganizationsTransformerContext,
) => Promise<Entity | undefined>;

/** Turns an organizational unit into an entity. @public */
export type AwsOrganizationalUnitTransformer = (
  unit: OrganizationalUnit,
  context: AwsOrganizationsTransformerContext,
) => Promise<Entity | undefined>;

/** Turns the organization root into an entity. @public */
export type AwsOrganizationRootTransformer = (
  root: OrganizationRoot,
  context: AwsOrganizationsTransformerContext,
) => Promise<Entity | undefined>;

/** Turns a service control policy into an entity. @public */
export type AwsServiceControlPolicyTransformer = (
  policy: ServiceControlPolicy,
  context: AwsOrganizationsTransformerContext,
) => Promise<Entity | undefined>;

/** Turns a resource control policy into an entity. @public */
export type AwsResourceControlPolicyTransformer = (
  policy: ResourceControlPolicy,
  context: AwsOrganizationsTransformerContext,
) => Promise<Entity | undefined>;

/** Turns an IAM Identity Center permission set into an entity. @public */
export type AwsPermissionSetTransformer = (
  permissionSet: PermissionSet,
  context: AwsOrganizationsTransformerContext,
) => Promise<Entity | undefined>;

/**
 * Turns an Identity Center principal the catalog lacks into a Group or User
 * entity; only called when `awsOrganizations.catalog.emitMissingPrincipals`
 * is on. The entity must be named `refs.principal(principal.id)`.
 *
 * @public
 */
export type AwsPrincipalTransformer = (
  principal: ResolvedPrincipal,
  context: AwsOrganizationsTransformerContext,
) => Promise<Entity | undefined>;

/**
 * One way into an account, as listed in an account entity's
 * `spec.accessGrants`. The relation processor turns grants with a
 * `principal` and `via: direct` into `hasAccessTo`/`accessibleBy`, and each
 * permission set into `provisionedIn`/`hasPermissionSet`. The default
 * transformer lists group grants only: a user grant here is readable by
 * everyone who may read the account entity.
 *
 * @public
 */
export interface AwsAccessGrantSpec {
  /** Catalog ref of the Group or User, absent when the principal maps to none. */
  principal?: string;
  principalType: 'GROUP' | 'USER';
  principalId: string;
  /** Group display name or user name in the Identity Store. */
  principalName: string;
  /** Ref of the permission set entity. */
  permissionSet: string;
  permissionSetName: string;
  /** `direct`: assigned to this principal; `group`: a member of `group`. */
  via: 'direct' | 'group';
  /** For `via: group`: the Identity Store group id and its catalog ref. */
  groupId?: string;
  group?: string;
}

/**
 * The spec fields the relation processor reads. Replacement transformers
 * that keep them get the same relations.
 *
 * - root: none; OU and account: `parent` (ref) → `partOf`/`hasPart`
 * - SCP and RCP: `targets` (refs) → `appliesTo`/`governedBy`
 * - account: `accessGrants` → `hasAccessTo`/`accessibleBy`,
 *   `provisionedIn`/`hasPermissionSet`; `permissionSets` (refs) →
 *   `provisionedIn`/`hasPermissionSet`
 *
 * @public
 */
export interface AwsRelationSpecFields {
  parent?: string;
  targets?: string[];
  accessGrants?: AwsAccessGrantSpec[];
  /** Every permission set assigned in the account, whoever holds it. */
  permissionSets?: string[];
}
