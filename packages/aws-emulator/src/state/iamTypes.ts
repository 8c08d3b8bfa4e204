import { TagMap } from './types';

/** A managed policy attached to a role or user. @public */
export interface IamAttachedPolicyRecord {
  name: string;
  arn: string;
}

/** An inline policy; `document` is JSON text, as IAM stores it. @public */
export interface IamInlinePolicyRecord {
  name: string;
  document: string;
}

/** An IAM role of one account. @public */
export interface IamRoleRecord {
  name: string;
  path: string;
  roleId: string;
  arn: string;
  createDate: Date;
  description?: string;
  /** The trust policy (AssumeRolePolicyDocument), JSON text. */
  trustPolicy: string;
  attachedPolicies: IamAttachedPolicyRecord[];
  inlinePolicies: IamInlinePolicyRecord[];
  /** ARN of the permissions boundary policy. */
  permissionsBoundary?: string;
  tags: TagMap;
  /** Absent: IAM has no record of a use in its tracking period. */
  lastUsed?: { date: Date; region: string };
}

/** An access key of an IAM user. @public */
export interface IamAccessKeyRecord {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
  createDate: Date;
}

/** An IAM user of one account. @public */
export interface IamUserRecord {
  name: string;
  path: string;
  userId: string;
  arn: string;
  createDate: Date;
  attachedPolicies: IamAttachedPolicyRecord[];
  inlinePolicies: IamInlinePolicyRecord[];
  /** Names of the IAM groups the user is in. */
  groups: string[];
  permissionsBoundary?: string;
  tags: TagMap;
  accessKeys: IamAccessKeyRecord[];
}

/** One version of a managed policy. @public */
export interface IamPolicyVersionRecord {
  versionId: string;
  /** JSON text. */
  document: string;
  createDate: Date;
}

/** A managed policy: AWS managed (`arn:aws:iam::aws:policy/...`) or customer managed. @public */
export interface IamManagedPolicyRecord {
  name: string;
  path: string;
  policyId: string;
  arn: string;
  awsManaged: boolean;
  defaultVersionId: string;
  versions: IamPolicyVersionRecord[];
  createDate: Date;
  updateDate: Date;
}

/** The IAM data of one account. @public */
export interface AccountIamRecord {
  roles: IamRoleRecord[];
  users: IamUserRecord[];
  /** Customer managed policies of the account. */
  policies: IamManagedPolicyRecord[];
}

/** Temporary credentials issued by STS AssumeRole, and whose they are. @public */
export interface IamSessionRecord {
  accessKeyId: string;
  accountId: string;
  roleName: string;
  roleArn: string;
  roleId: string;
  sessionName: string;
  expiration: Date;
}

/** An AWS Config configuration aggregator. @public */
export interface ConfigAggregatorRecord {
  name: string;
  arn: string;
  /** The account that owns the aggregator. */
  accountId: string;
  /** `organization`: every account of the organization; else these accounts. */
  source: 'organization' | { accountIds: string[] };
  allAwsRegions: boolean;
  createdAt: Date;
}

/**
 * IAM, STS and AWS Config state. Accounts of a generated data set have
 * their IAM data made on demand by `generate` (deterministic, never
 * stored), so that 150,000 roles cost no memory; `accounts` holds what was
 * added by hand (the demo, tests) and wins over `generate`.
 *
 * @public
 */
export interface IamState {
  accounts: Map<string, AccountIamRecord>;
  generate?: (accountId: string) => AccountIamRecord | undefined;
  /** AWS managed policies, by ARN. */
  awsManagedPolicies: Map<string, IamManagedPolicyRecord>;
  /** STS sessions by access key id (the newest 100,000 are kept). */
  sessions: Map<string, IamSessionRecord>;
  /** Config aggregators, by name. */
  aggregators: Map<string, ConfigAggregatorRecord>;
}
