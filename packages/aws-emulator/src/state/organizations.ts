import { IdFactory } from './ids';
import {
  AWS_MANAGED_POLICIES,
  awsManagedPolicyOf,
  RCP,
  SCP,
} from './policyTypes';
import {
  AccountRecord,
  AccountState,
  ChildrenRecord,
  EmulatorState,
  OrganizationalUnitRecord,
  PolicyRecord,
  TagMap,
} from './types';

/** The id of the AWS managed FullAWSAccess SCP. @public */
export const FULL_AWS_ACCESS_POLICY_ID = AWS_MANAGED_POLICIES[SCP].id;

/** The id of the AWS managed RCPFullAWSAccess RCP. @public */
export const RCP_FULL_AWS_ACCESS_POLICY_ID = AWS_MANAGED_POLICIES[RCP].id;

/**
 * An empty state: no organization (Organizations answers
 * AWSOrganizationsNotInUseException) and no Identity Center.
 *
 * @public
 */
export function createEmptyState(seed = 1): EmulatorState {
  return {
    ids: new IdFactory(seed),
    organization: null,
    root: null,
    organizationalUnits: new Map(),
    accounts: new Map(),
    children: new Map(),
    policies: new Map(),
    policyTargets: new Map(),
    targetPolicies: new Map(),
    tags: new Map(),
    identityCenter: null,
  };
}

function childrenOf(state: EmulatorState, parentId: string): ChildrenRecord {
  let children = state.children.get(parentId);
  if (!children) {
    children = { organizationalUnits: new Set(), accounts: new Set() };
    state.children.set(parentId, children);
  }
  return children;
}

function requireOrganization(state: EmulatorState) {
  if (!state.organization || !state.root) {
    throw new Error('The state has no organization; call createOrganization');
  }
  return { organization: state.organization, root: state.root };
}

/**
 * Creates the organization with all features, its root (SCPs enabled, the
 * AWS managed FullAWSAccess policy attached) and its management account.
 *
 * @public
 */
export function createOrganization(
  state: EmulatorState,
  options: {
    managementAccountId?: string;
    managementAccountName?: string;
    managementAccountEmail?: string;
    organizationId?: string;
    rootId?: string;
  } = {},
): AccountRecord {
  const managementAccountId =
    options.managementAccountId ?? state.ids.accountId();
  state.ids.reserve(managementAccountId);
  const id = options.organizationId ?? state.ids.organizationId();
  const rootId = options.rootId ?? state.ids.rootId();
  const email =
    options.managementAccountEmail ?? `aws+management@${id}.example`;
  state.organization = {
    id,
    arn: `arn:aws:organizations::${managementAccountId}:organization/${id}`,
    featureSet: 'ALL',
    managementAccountId,
    managementAccountEmail: email,
  };
  state.root = {
    id: rootId,
    arn: `arn:aws:organizations::${managementAccountId}:root/${id}/${rootId}`,
    name: 'Root',
    policyTypes: [],
  };
  childrenOf(state, rootId);
  enablePolicyType(state, SCP);
  return addAccount(state, {
    id: managementAccountId,
    name: options.managementAccountName ?? 'management',
    email,
    parentId: rootId,
    joinedMethod: 'INVITED',
  });
}

/**
 * Adds an OU under a parent; as AWS does, the AWS managed policy of each
 * enabled authorization type (FullAWSAccess, RCPFullAWSAccess) is attached.
 *
 * @public
 */
export function addOrganizationalUnit(
  state: EmulatorState,
  options: { parentId: string; name: string; id?: string; tags?: TagMap },
): OrganizationalUnitRecord {
  const { organization, root } = requireOrganization(state);
  const id = options.id ?? state.ids.organizationalUnitId(root.id);
  state.ids.reserve(id);
  const ou: OrganizationalUnitRecord = {
    id,
    arn: `arn:aws:organizations::${organization.managementAccountId}:ou/${organization.id}/${id}`,
    name: options.name,
    parentId: options.parentId,
  };
  state.organizationalUnits.set(id, ou);
  childrenOf(state, options.parentId).organizationalUnits.add(id);
  childrenOf(state, id);
  if (options.tags) setTags(state, id, options.tags);
  attachManagedPolicies(state, id);
  return ou;
}

/** Removes an empty OU with its tags and policy attachments. @public */
export function removeOrganizationalUnit(state: EmulatorState, id: string) {
  const ou = state.organizationalUnits.get(id);
  if (!ou) return;
  state.organizationalUnits.delete(id);
  state.children.get(ou.parentId)?.organizationalUnits.delete(id);
  state.children.delete(id);
  state.tags.delete(id);
  for (const policyId of state.targetPolicies.get(id) ?? []) {
    state.policyTargets.get(policyId)?.delete(id);
  }
  state.targetPolicies.delete(id);
}

/**
 * Adds an account under a parent; as AWS does, the AWS managed policy of
 * each enabled authorization type is attached.
 *
 * @public
 */
export function addAccount(
  state: EmulatorState,
  options: {
    parentId: string;
    name: string;
    id?: string;
    email?: string;
    state?: AccountState;
    joinedMethod?: 'INVITED' | 'CREATED';
    joinedTimestamp?: Date;
    tags?: TagMap;
  },
): AccountRecord {
  const { organization } = requireOrganization(state);
  const id = options.id ?? state.ids.accountId();
  state.ids.reserve(id);
  const account: AccountRecord = {
    id,
    arn: `arn:aws:organizations::${organization.managementAccountId}:account/${organization.id}/${id}`,
    name: options.name,
    email: options.email ?? `aws+${options.name}@${organization.id}.example`,
    state: options.state ?? 'ACTIVE',
    joinedMethod: options.joinedMethod ?? 'CREATED',
    joinedTimestamp:
      options.joinedTimestamp ?? new Date(Date.UTC(2021, 0, 4, 9, 30)),
    parentId: options.parentId,
  };
  state.accounts.set(id, account);
  childrenOf(state, options.parentId).accounts.add(id);
  if (options.tags) setTags(state, id, options.tags);
  attachManagedPolicies(state, id);
  return account;
}

/** Moves an account to another parent. @public */
export function moveAccount(
  state: EmulatorState,
  accountId: string,
  destinationParentId: string,
) {
  const account = state.accounts.get(accountId);
  if (!account) throw new Error(`No account ${accountId}`);
  state.children.get(account.parentId)?.accounts.delete(accountId);
  childrenOf(state, destinationParentId).accounts.add(accountId);
  account.parentId = destinationParentId;
}

/** Sets an account's `State` (AWS has no API for this). @public */
export function setAccountState(
  state: EmulatorState,
  accountId: string,
  accountState: AccountState,
) {
  const account = state.accounts.get(accountId);
  if (!account) throw new Error(`No account ${accountId}`);
  account.state = accountState;
}

/**
 * Adds a customer managed policy of a type (default: a service control
 * policy). The type need not be enabled, as with CreatePolicy.
 *
 * @public
 */
export function addPolicy(
  state: EmulatorState,
  options: {
    name: string;
    content: string;
    type?: string;
    description?: string;
    id?: string;
    tags?: TagMap;
  },
): PolicyRecord {
  const { organization } = requireOrganization(state);
  const id = options.id ?? state.ids.policyId();
  const type = options.type ?? SCP;
  state.ids.reserve(id);
  const policy: PolicyRecord = {
    id,
    arn: `arn:aws:organizations::${organization.managementAccountId}:policy/${
      organization.id
    }/${type.toLowerCase()}/${id}`,
    name: options.name,
    description: options.description ?? '',
    awsManaged: false,
    content: options.content,
    type,
  };
  state.policies.set(id, policy);
  if (options.tags) setTags(state, id, options.tags);
  return policy;
}

/** Attaches the AWS managed policies of the enabled types to a target. */
function attachManagedPolicies(state: EmulatorState, targetId: string) {
  for (const type of state.root?.policyTypes ?? []) {
    const managed = awsManagedPolicyOf(type);
    if (managed) attachPolicy(state, managed.id, targetId);
  }
}

/** Every root, OU and account id of the organization. */
function allTargets(state: EmulatorState): string[] {
  return [
    ...(state.root ? [state.root.id] : []),
    ...state.organizationalUnits.keys(),
    ...state.accounts.keys(),
  ];
}

/**
 * Enables a policy type on the root, as EnablePolicyType does. For SCPs and
 * RCPs, their AWS managed policy (FullAWSAccess, RCPFullAWSAccess) is
 * created when missing and attached to the root, every OU and every
 * account. Does nothing when the type is already enabled.
 *
 * @public
 */
export function enablePolicyType(state: EmulatorState, type: string) {
  const { root } = requireOrganization(state);
  if (root.policyTypes.includes(type)) return;
  root.policyTypes.push(type);
  const managed = awsManagedPolicyOf(type);
  if (!managed) return;
  if (!state.policies.has(managed.id)) {
    state.policies.set(managed.id, {
      id: managed.id,
      arn: managed.arn,
      name: managed.name,
      description: managed.description,
      awsManaged: true,
      content: managed.content,
      type,
    });
  }
  for (const target of allTargets(state)) {
    attachPolicy(state, managed.id, target);
  }
}

/**
 * Disables a policy type on the root, as DisablePolicyType does: every
 * policy of the type is detached from every target (the policies remain).
 *
 * @public
 */
export function disablePolicyType(state: EmulatorState, type: string) {
  const { root } = requireOrganization(state);
  root.policyTypes = root.policyTypes.filter(t => t !== type);
  for (const policy of state.policies.values()) {
    if (policy.type !== type) continue;
    for (const target of [...(state.policyTargets.get(policy.id) ?? [])]) {
      detachPolicy(state, policy.id, target);
    }
  }
}

/** Removes a policy and its attachments. @public */
export function removePolicy(state: EmulatorState, policyId: string) {
  for (const targetId of state.policyTargets.get(policyId) ?? []) {
    state.targetPolicies.get(targetId)?.delete(policyId);
  }
  state.policyTargets.delete(policyId);
  state.policies.delete(policyId);
  state.tags.delete(policyId);
}

/** Attaches a policy to a root, OU or account. @public */
export function attachPolicy(
  state: EmulatorState,
  policyId: string,
  targetId: string,
) {
  if (!state.policyTargets.has(policyId)) {
    state.policyTargets.set(policyId, new Set());
  }
  state.policyTargets.get(policyId)!.add(targetId);
  if (!state.targetPolicies.has(targetId)) {
    state.targetPolicies.set(targetId, new Set());
  }
  state.targetPolicies.get(targetId)!.add(policyId);
}

/** Detaches a policy from a target. @public */
export function detachPolicy(
  state: EmulatorState,
  policyId: string,
  targetId: string,
) {
  state.policyTargets.get(policyId)?.delete(targetId);
  state.targetPolicies.get(targetId)?.delete(policyId);
}

/** Merges tags into a resource's tags. @public */
export function setTags(
  state: EmulatorState,
  resourceId: string,
  tags: TagMap,
) {
  state.tags.set(resourceId, { ...state.tags.get(resourceId), ...tags });
}
