/*
 * The emulator's live records. What they share with the snapshot the reader
 * makes of them (account states, tags, principals, assignments, the
 * Identity Store shapes) is the snapshot model of -common, so the emulator
 * and the reader cannot drift apart; the records differ where AWS's own
 * data does (dates as Date, the emulator's ids and indexes).
 */
import type {
  AccountAssignment,
  AccountState,
  CustomerManagedPolicyRef,
  ExternalId,
  GroupMembership,
  IdentityStoreGroup,
  IdentityStoreUser,
  OrganizationInfo,
  PrincipalType,
  Tags,
} from '@aws-governance/plugin-aws-organizations-common';
import { IdFactory } from './ids';
import type { IamState } from './iamTypes';
import type { SignalsState } from './signalsTypes';

export type { AccountState, PrincipalType };

/** Tags of a resource, key to value. @public */
export type TagMap = Tags;

/** @public */
export interface OrganizationRecord
  extends Pick<
    OrganizationInfo,
    'id' | 'arn' | 'featureSet' | 'managementAccountId'
  > {
  managementAccountEmail: string;
}

/** @public */
export interface RootRecord {
  id: string;
  arn: string;
  name: string;
  /** The policy types enabled on the root, in the order they were enabled. */
  policyTypes: string[];
}

/** @public */
export interface OrganizationalUnitRecord {
  id: string;
  arn: string;
  name: string;
  parentId: string;
}

/** @public */
export interface AccountRecord {
  id: string;
  arn: string;
  name: string;
  email: string;
  state: AccountState;
  joinedMethod: 'INVITED' | 'CREATED';
  joinedTimestamp: Date;
  parentId: string;
}

/** An organization policy of any type (SCP, RCP, tag policy ...). @public */
export interface PolicyRecord {
  id: string;
  arn: string;
  name: string;
  description: string;
  awsManaged: boolean;
  content: string;
  /** The policy type, e.g. SERVICE_CONTROL_POLICY or TAG_POLICY. */
  type: string;
}

/** @public */
export type CustomerManagedPolicyReferenceRecord = CustomerManagedPolicyRef;

/** @public */
export type PermissionsBoundaryRecord =
  | { managedPolicyArn: string }
  | { customerManagedPolicyReference: CustomerManagedPolicyReferenceRecord };

/** @public */
export interface PermissionSetRecord {
  arn: string;
  name: string;
  description?: string;
  sessionDuration: string;
  relayState?: string;
  createdDate: Date;
  managedPolicyArns: string[];
  customerManagedPolicies: CustomerManagedPolicyReferenceRecord[];
  inlinePolicy: string | null;
  permissionsBoundary: PermissionsBoundaryRecord | null;
  tags: TagMap;
  /** Accounts the permission set is provisioned to. */
  provisionedTo: Set<string>;
}

/** @public */
export type ExternalIdRecord = ExternalId;

/** An Identity Store user: the snapshot's, with the name parts. @public */
export interface UserRecord extends IdentityStoreUser {
  givenName?: string;
  familyName?: string;
}

/** @public */
export type GroupRecord = IdentityStoreGroup;

/** A group membership with its Identity Store membership id. @public */
export interface MembershipRecord extends GroupMembership {
  id: string;
}

/** @public */
export type AssignmentRecord = AccountAssignment;

/**
 * IAM Identity Center (one organization instance) with its identity store.
 * The `...By...` maps are indexes: change the data through the functions in
 * this package (e.g. {@link addAssignment}) so that they stay consistent.
 *
 * @public
 */
export interface IdentityCenterState {
  instanceArn: string;
  identityStoreId: string;
  ownerAccountId: string;
  name: string;
  createdDate: Date;
  permissionSets: Map<string, PermissionSetRecord>;
  users: Map<string, UserRecord>;
  groups: Map<string, GroupRecord>;
  memberships: Map<string, MembershipRecord>;
  membershipsByGroup: Map<string, Set<string>>;
  membershipsByUser: Map<string, Set<string>>;
  /** Keyed by {@link assignmentKey}. */
  assignments: Map<string, AssignmentRecord>;
  /** `accountId|permissionSetArn` to assignment keys. */
  assignmentsByTarget: Map<string, Set<string>>;
  /** Principal id to assignment keys. */
  assignmentsByPrincipal: Map<string, Set<string>>;
}

/** The children of a root or OU, in creation order. @public */
export interface ChildrenRecord {
  organizationalUnits: Set<string>;
  accounts: Set<string>;
}

/**
 * The live data of the emulator. Maps keep creation order, which is the
 * order the list operations return. Change it through the functions of this
 * package (createOrganization, addAccount, attachPolicy, addAssignment...) so
 * the indexes (`children`, `policyTargets`, `targetPolicies`, ...) stay
 * consistent.
 *
 * @public
 */
export interface EmulatorState {
  ids: IdFactory;
  organization: OrganizationRecord | null;
  root: RootRecord | null;
  organizationalUnits: Map<string, OrganizationalUnitRecord>;
  accounts: Map<string, AccountRecord>;
  /** Parent id (root or OU) to its children. */
  children: Map<string, ChildrenRecord>;
  policies: Map<string, PolicyRecord>;
  /** Policy id to target ids. */
  policyTargets: Map<string, Set<string>>;
  /** Target id to policy ids. */
  targetPolicies: Map<string, Set<string>>;
  /** Organizations resource id (root, OU, account, policy) to its tags. */
  tags: Map<string, TagMap>;
  identityCenter: IdentityCenterState | null;
  /** IAM, STS and AWS Config; created on first use (see `iamOf`). */
  iam?: IamState;
  /** AWS's detectors (Security Hub, Access Analyzer, Config compliance, CloudTrail); see `signalsOf`. */
  signals?: SignalsState;
}

/** How many of each thing a data set holds. @public */
export interface DatasetCounts {
  accounts: number;
  organizationalUnits: number;
  /** Service control policies, FullAWSAccess included. */
  policies: number;
  /** Resource control policies, RCPFullAWSAccess included. */
  resourceControlPolicies: number;
  /** Policies of the other types (tag, backup, declarative ...). */
  otherPolicies: number;
  permissionSets: number;
  assignments: number;
  groups: number;
  users: number;
  memberships: number;
}
