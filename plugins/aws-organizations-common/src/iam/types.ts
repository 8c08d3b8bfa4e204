/**
 * The roles part of a snapshot: per account, the IAM roles (trust policy,
 * attached and inline policies, permissions boundary, last use) and IAM
 * users (with their access keys where the source shows them), or unknown
 * with a reason. An account whose roles were not read is unknown, never
 * "no roles".
 */
import type { Knowable, Tags } from '../snapshot';

/** A managed policy attached to a role or user. @public */
export interface IamAttachedPolicy {
  arn: string;
  name: string;
}

/** An inline policy of a role or user, its document as JSON text. @public */
export interface IamInlinePolicy {
  name: string;
  /** The policy document (URL-decoded JSON, as IAM stores it). */
  document: string;
}

/**
 * When a role was last used, as IAM reports it (`RoleLastUsed`). No
 * `lastUsedDate` means IAM has no record of a use in its tracking period.
 *
 * @public
 */
export interface IamRoleLastUsed {
  lastUsedDate?: string;
  region?: string;
}

/** An IAM role. @public */
export interface IamRole {
  arn: string;
  name: string;
  /** e.g. `/` or `/aws-reserved/sso.amazonaws.com/`. */
  path: string;
  roleId?: string;
  createDate?: string;
  /** The trust policy (`AssumeRolePolicyDocument`), URL-decoded JSON. */
  trustPolicy: string;
  attachedPolicies: IamAttachedPolicy[];
  inlinePolicies: IamInlinePolicy[];
  /** The boundary's policy ARN, `null` for none. */
  permissionsBoundary: Knowable<string | null>;
  lastUsed: Knowable<IamRoleLastUsed>;
  tags?: Knowable<Tags>;
}

/** An access key of an IAM user. @public */
export interface IamAccessKey {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
  createDate?: string;
  lastUsedDate?: string;
}

/** An IAM user. @public */
export interface IamUser {
  arn: string;
  name: string;
  path: string;
  userId?: string;
  createDate?: string;
  passwordLastUsed?: string;
  attachedPolicies: IamAttachedPolicy[];
  inlinePolicies: IamInlinePolicy[];
  /** Names of the IAM groups the user belongs to. */
  groups: string[];
  permissionsBoundary: Knowable<string | null>;
  /** Unknown where the source does not show access keys. */
  accessKeys: Knowable<IamAccessKey[]>;
}

/**
 * Where the roles of an account were read: an AWS Config aggregator
 * (organization-wide) or a read-only role assumed in the account.
 *
 * @public
 */
export type IamSource = 'config-aggregator' | 'account-role';

/**
 * The roles and users of one account, or why they are unknown (a listing
 * that failed, a role that could not be assumed).
 *
 * @public
 */
export type AccountIam =
  | {
      status: 'known';
      source: IamSource;
      roles: IamRole[];
      users: IamUser[];
    }
  | { status: 'unknown'; reason: string };

/**
 * A managed policy document (AWS managed or customer managed), the default
 * version's document, by policy ARN.
 *
 * @public
 */
export interface IamManagedPolicy {
  arn: string;
  name: string;
  awsManaged: boolean;
  defaultVersionId?: string;
  /** Unknown when the document could not be read. */
  document: Knowable<string>;
}

/**
 * The roles part of a snapshot. An account of the organization that has no
 * entry in `accounts` was not read: its roles are unknown.
 *
 * @public
 */
export interface IamSnapshot {
  /** By account id. */
  accounts: Record<string, AccountIam>;
  /** The managed policy documents the roles and permission sets attach. */
  managedPolicies: IamManagedPolicy[];
}
