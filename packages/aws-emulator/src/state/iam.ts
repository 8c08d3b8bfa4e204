import {
  AccountIamRecord,
  ConfigAggregatorRecord,
  IamAttachedPolicyRecord,
  IamInlinePolicyRecord,
  IamManagedPolicyRecord,
  IamRoleRecord,
  IamState,
  IamUserRecord,
} from './iamTypes';
import { EmulatorState, TagMap } from './types';

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * An IAM-style unique id (`AROA...`, `AIDA...`, `ANPA...`, `AKIA...`)
 * derived from a text, so that generated data needs no stored state.
 *
 * @public
 */
export function iamId(prefix: string, text: string, length = 17): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x85ebca6b) >>> 0;
  }
  let out = prefix;
  for (let i = 0; out.length < prefix.length + length; i++) {
    const h = i % 2 === 0 ? h1 : h2;
    out += ID_CHARS[(h >>> (i * 5) % 27) & 31];
    if (i % 2 === 1) {
      h1 = Math.imul(h1 ^ i, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ i, 0x85ebca6b) >>> 0;
    }
  }
  return out;
}

/** The IAM part of a state, created on first use. @public */
export function iamOf(state: EmulatorState): IamState {
  state.iam ??= {
    accounts: new Map(),
    awsManagedPolicies: new Map(),
    sessions: new Map(),
    aggregators: new Map(),
  };
  return state.iam;
}

/**
 * The IAM data of an account: what was added by hand, else what the data
 * set generates, else none (the account has no IAM data in the emulator).
 *
 * @public
 */
export function accountIam(
  state: EmulatorState,
  accountId: string,
): AccountIamRecord | undefined {
  const iam = state.iam;
  if (!iam) return undefined;
  return iam.accounts.get(accountId) ?? iam.generate?.(accountId);
}

function ownAccountIam(state: EmulatorState, accountId: string) {
  const iam = iamOf(state);
  let record = iam.accounts.get(accountId);
  if (!record) {
    // Adding to a generated account keeps what it generates.
    const generated = iam.generate?.(accountId);
    record = generated
      ? {
          roles: [...generated.roles],
          users: [...generated.users],
          policies: [...generated.policies],
        }
      : { roles: [], users: [], policies: [] };
    iam.accounts.set(accountId, record);
  }
  return record;
}

/** What a new role needs; the rest has defaults. @public */
export interface IamRoleSpec {
  name: string;
  path?: string;
  trustPolicy: string | object;
  description?: string;
  attachedPolicies?: IamAttachedPolicyRecord[];
  inlinePolicies?: IamInlinePolicyRecord[];
  permissionsBoundary?: string;
  tags?: TagMap;
  createDate?: Date;
  lastUsed?: { date: Date; region: string };
}

const DEFAULT_CREATED = new Date('2023-03-01T09:00:00Z');

/** Builds a role record of an account (not stored). @public */
export function makeIamRole(
  accountId: string,
  spec: IamRoleSpec,
): IamRoleRecord {
  const path = spec.path ?? '/';
  const arn = `arn:aws:iam::${accountId}:role${path}${spec.name}`;
  return {
    name: spec.name,
    path,
    roleId: iamId('AROA', arn),
    arn,
    createDate: spec.createDate ?? DEFAULT_CREATED,
    description: spec.description,
    trustPolicy:
      typeof spec.trustPolicy === 'string'
        ? spec.trustPolicy
        : JSON.stringify(spec.trustPolicy),
    attachedPolicies: spec.attachedPolicies ?? [],
    inlinePolicies: spec.inlinePolicies ?? [],
    permissionsBoundary: spec.permissionsBoundary,
    tags: spec.tags ?? {},
    lastUsed: spec.lastUsed,
  };
}

/** Adds (or replaces, by name) a role in an account. @public */
export function addIamRole(
  state: EmulatorState,
  accountId: string,
  spec: IamRoleSpec,
): IamRoleRecord {
  const record = ownAccountIam(state, accountId);
  const role = makeIamRole(accountId, spec);
  record.roles = record.roles.filter(r => r.name !== role.name);
  record.roles.push(role);
  return role;
}

/** Removes a role from an account; true when it was there. @public */
export function removeIamRole(
  state: EmulatorState,
  accountId: string,
  roleName: string,
): boolean {
  const record = ownAccountIam(state, accountId);
  const before = record.roles.length;
  record.roles = record.roles.filter(r => r.name !== roleName);
  return record.roles.length < before;
}

/** What a new IAM user needs. @public */
export interface IamUserSpec {
  name: string;
  path?: string;
  attachedPolicies?: IamAttachedPolicyRecord[];
  inlinePolicies?: IamInlinePolicyRecord[];
  groups?: string[];
  permissionsBoundary?: string;
  tags?: TagMap;
  createDate?: Date;
  /** Access keys to give the user (ids are derived from the user). */
  accessKeys?: { status?: 'Active' | 'Inactive'; createDate?: Date }[];
}

/** Builds a user record of an account (not stored). @public */
export function makeIamUser(
  accountId: string,
  spec: IamUserSpec,
): IamUserRecord {
  const path = spec.path ?? '/';
  const arn = `arn:aws:iam::${accountId}:user${path}${spec.name}`;
  return {
    name: spec.name,
    path,
    userId: iamId('AIDA', arn),
    arn,
    createDate: spec.createDate ?? DEFAULT_CREATED,
    attachedPolicies: spec.attachedPolicies ?? [],
    inlinePolicies: spec.inlinePolicies ?? [],
    groups: spec.groups ?? [],
    permissionsBoundary: spec.permissionsBoundary,
    tags: spec.tags ?? {},
    accessKeys: (spec.accessKeys ?? []).map((key, i) => ({
      accessKeyId: iamId('AKIA', `${arn}#${i}`, 16),
      status: key.status ?? 'Active',
      createDate: key.createDate ?? spec.createDate ?? DEFAULT_CREATED,
    })),
  };
}

/** Adds (or replaces, by name) an IAM user in an account. @public */
export function addIamUser(
  state: EmulatorState,
  accountId: string,
  spec: IamUserSpec,
): IamUserRecord {
  const record = ownAccountIam(state, accountId);
  const user = makeIamUser(accountId, spec);
  record.users = record.users.filter(u => u.name !== user.name);
  record.users.push(user);
  return user;
}

/** What a new managed policy needs. @public */
export interface IamManagedPolicySpec {
  name: string;
  path?: string;
  /** The versions' documents, oldest first; the last is the default. */
  documents: (string | object)[];
  createDate?: Date;
}

/**
 * Builds a managed policy: AWS managed with `accountId` `aws`, else
 * customer managed in that account.
 *
 * @public
 */
export function makeManagedPolicy(
  accountId: string,
  spec: IamManagedPolicySpec,
): IamManagedPolicyRecord {
  const path = spec.path ?? '/';
  const arn = `arn:aws:iam::${accountId}:policy${path}${spec.name}`;
  const created = spec.createDate ?? DEFAULT_CREATED;
  const versions = spec.documents.map((doc, i) => ({
    versionId: `v${i + 1}`,
    document: typeof doc === 'string' ? doc : JSON.stringify(doc),
    createDate: new Date(created.getTime() + i * 86_400_000),
  }));
  return {
    name: spec.name,
    path,
    policyId: iamId('ANPA', arn),
    arn,
    awsManaged: accountId === 'aws',
    defaultVersionId: versions[versions.length - 1].versionId,
    versions,
    createDate: created,
    updateDate: versions[versions.length - 1].createDate,
  };
}

/** Adds an AWS managed policy (served to every account). @public */
export function addAwsManagedIamPolicy(
  state: EmulatorState,
  spec: IamManagedPolicySpec,
): IamManagedPolicyRecord {
  const policy = makeManagedPolicy('aws', spec);
  iamOf(state).awsManagedPolicies.set(policy.arn, policy);
  return policy;
}

/** Adds a customer managed policy to an account. @public */
export function addCustomerManagedIamPolicy(
  state: EmulatorState,
  accountId: string,
  spec: IamManagedPolicySpec,
): IamManagedPolicyRecord {
  const record = ownAccountIam(state, accountId);
  const policy = makeManagedPolicy(accountId, spec);
  record.policies = record.policies.filter(p => p.arn !== policy.arn);
  record.policies.push(policy);
  return policy;
}

/** Adds a new default version to a managed policy. @public */
export function addIamPolicyVersion(
  policy: IamManagedPolicyRecord,
  document: string | object,
): void {
  const versionId = `v${policy.versions.length + 1}`;
  const createDate = new Date(policy.updateDate.getTime() + 86_400_000);
  policy.versions.push({
    versionId,
    document:
      typeof document === 'string' ? document : JSON.stringify(document),
    createDate,
  });
  policy.defaultVersionId = versionId;
  policy.updateDate = createDate;
}

/** Adds an AWS Config aggregator owned by an account. @public */
export function addConfigAggregator(
  state: EmulatorState,
  spec: Omit<ConfigAggregatorRecord, 'arn' | 'createdAt'> & {
    region?: string;
  },
): ConfigAggregatorRecord {
  const region = spec.region ?? 'us-east-1';
  const record: ConfigAggregatorRecord = {
    name: spec.name,
    accountId: spec.accountId,
    source: spec.source,
    allAwsRegions: spec.allAwsRegions,
    arn: `arn:aws:config:${region}:${
      spec.accountId
    }:config-aggregator/config-aggregator-${iamId(
      '',
      spec.name,
      8,
    ).toLowerCase()}`,
    createdAt: DEFAULT_CREATED,
  };
  iamOf(state).aggregators.set(record.name, record);
  return record;
}

/** How many IAM roles and users the state holds (generated ones included). @public */
export function countIam(state: EmulatorState): {
  roles: number;
  users: number;
  accessKeys: number;
} {
  let roles = 0;
  let users = 0;
  let accessKeys = 0;
  for (const accountId of state.accounts.keys()) {
    const record = accountIam(state, accountId);
    roles += record?.roles.length ?? 0;
    users += record?.users.length ?? 0;
    accessKeys +=
      record?.users.reduce((n, u) => n + u.accessKeys.length, 0) ?? 0;
  }
  return { roles, users, accessKeys };
}
