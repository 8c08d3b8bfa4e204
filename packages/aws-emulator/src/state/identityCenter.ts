import {
  AssignmentRecord,
  CustomerManagedPolicyReferenceRecord,
  EmulatorState,
  ExternalIdRecord,
  GroupRecord,
  IdentityCenterState,
  MembershipRecord,
  PermissionSetRecord,
  PermissionsBoundaryRecord,
  TagMap,
  UserRecord,
} from './types';

function requireIdentityCenter(state: EmulatorState): IdentityCenterState {
  if (!state.identityCenter) {
    throw new Error(
      'Identity Center is not enabled; call enableIdentityCenter',
    );
  }
  return state.identityCenter;
}

function addToIndex(index: Map<string, Set<string>>, key: string, v: string) {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(v);
}

/**
 * Enables IAM Identity Center: an organization instance owned by the
 * management account, with an empty identity store.
 *
 * @public
 */
export function enableIdentityCenter(
  state: EmulatorState,
  options: { instanceSuffix?: string; identityStoreId?: string } = {},
): IdentityCenterState {
  const suffix = options.instanceSuffix ?? state.ids.ssoInstanceSuffix();
  state.identityCenter = {
    instanceArn: `arn:aws:sso:::instance/${suffix}`,
    identityStoreId: options.identityStoreId ?? state.ids.identityStoreId(),
    ownerAccountId: state.organization?.managementAccountId ?? '000000000000',
    name: 'default',
    createdDate: new Date(Date.UTC(2021, 1, 1)),
    permissionSets: new Map(),
    users: new Map(),
    groups: new Map(),
    memberships: new Map(),
    membershipsByGroup: new Map(),
    membershipsByUser: new Map(),
    assignments: new Map(),
    assignmentsByTarget: new Map(),
    assignmentsByPrincipal: new Map(),
  };
  return state.identityCenter;
}

/** Adds a permission set. @public */
export function addPermissionSet(
  state: EmulatorState,
  options: {
    name: string;
    description?: string;
    sessionDuration?: string;
    relayState?: string;
    managedPolicyArns?: string[];
    customerManagedPolicies?: CustomerManagedPolicyReferenceRecord[];
    inlinePolicy?: string;
    permissionsBoundary?: PermissionsBoundaryRecord;
    tags?: TagMap;
  },
): PermissionSetRecord {
  const ic = requireIdentityCenter(state);
  const instance = ic.instanceArn.split('/')[1];
  const permissionSet: PermissionSetRecord = {
    arn: `arn:aws:sso:::permissionSet/${instance}/${state.ids.permissionSetSuffix()}`,
    name: options.name,
    description: options.description,
    sessionDuration: options.sessionDuration ?? 'PT1H',
    relayState: options.relayState,
    createdDate: new Date(Date.UTC(2022, 2, 14, 12)),
    managedPolicyArns: options.managedPolicyArns ?? [],
    customerManagedPolicies: options.customerManagedPolicies ?? [],
    inlinePolicy: options.inlinePolicy ?? null,
    permissionsBoundary: options.permissionsBoundary ?? null,
    tags: options.tags ?? {},
    provisionedTo: new Set(),
  };
  ic.permissionSets.set(permissionSet.arn, permissionSet);
  return permissionSet;
}

/** Removes a permission set. @public */
export function removePermissionSet(state: EmulatorState, arn: string) {
  requireIdentityCenter(state).permissionSets.delete(arn);
}

/** Adds an identity store user. @public */
export function addUser(
  state: EmulatorState,
  options: Omit<UserRecord, 'id' | 'emails' | 'externalIds'> & {
    emails?: UserRecord['emails'];
    externalIds?: ExternalIdRecord[];
  },
): UserRecord {
  const ic = requireIdentityCenter(state);
  const user: UserRecord = {
    id: state.ids.identityStoreObjectId(ic.identityStoreId.slice(2)),
    emails: [],
    externalIds: [],
    ...options,
  };
  ic.users.set(user.id, user);
  return user;
}

/** Adds an identity store group. @public */
export function addGroup(
  state: EmulatorState,
  options: Omit<GroupRecord, 'id' | 'externalIds'> & {
    externalIds?: ExternalIdRecord[];
  },
): GroupRecord {
  const ic = requireIdentityCenter(state);
  const group: GroupRecord = {
    id: state.ids.identityStoreObjectId(ic.identityStoreId.slice(2)),
    externalIds: [],
    ...options,
  };
  ic.groups.set(group.id, group);
  return group;
}

/** Makes a user a member of a group. @public */
export function addMembership(
  state: EmulatorState,
  groupId: string,
  userId: string,
): MembershipRecord {
  const ic = requireIdentityCenter(state);
  const membership: MembershipRecord = {
    id: state.ids.identityStoreObjectId(ic.identityStoreId.slice(2)),
    groupId,
    userId,
  };
  ic.memberships.set(membership.id, membership);
  addToIndex(ic.membershipsByGroup, groupId, membership.id);
  addToIndex(ic.membershipsByUser, userId, membership.id);
  return membership;
}

/** Removes a group membership. @public */
export function removeMembership(state: EmulatorState, membershipId: string) {
  const ic = requireIdentityCenter(state);
  const membership = ic.memberships.get(membershipId);
  if (!membership) return;
  ic.memberships.delete(membershipId);
  ic.membershipsByGroup.get(membership.groupId)?.delete(membershipId);
  ic.membershipsByUser.get(membership.userId)?.delete(membershipId);
}

/**
 * Removes an identity store user or group and the group memberships it is
 * part of. Account assignments naming it stay: AWS documents no cascade.
 *
 * @public
 */
export function removePrincipal(
  state: EmulatorState,
  type: 'USER' | 'GROUP',
  id: string,
) {
  const ic = requireIdentityCenter(state);
  (type === 'USER' ? ic.users : ic.groups).delete(id);
  const index = type === 'USER' ? ic.membershipsByUser : ic.membershipsByGroup;
  for (const membershipId of [...(index.get(id) ?? [])]) {
    removeMembership(state, membershipId);
  }
  index.delete(id);
}

/** The key of an assignment in {@link IdentityCenterState.assignments}. @public */
export function assignmentKey(a: AssignmentRecord): string {
  return `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`;
}

/** `accountId|permissionSetArn`, the key of `assignmentsByTarget`. @public */
export function assignmentTargetKey(
  accountId: string,
  permissionSetArn: string,
): string {
  return `${accountId}|${permissionSetArn}`;
}

/**
 * Assigns a permission set to a principal in an account and provisions the
 * permission set to the account, as CreateAccountAssignment does. Returns
 * false when the assignment already existed.
 *
 * @public
 */
export function addAssignment(
  state: EmulatorState,
  assignment: AssignmentRecord,
): boolean {
  const ic = requireIdentityCenter(state);
  const key = assignmentKey(assignment);
  if (ic.assignments.has(key)) return false;
  ic.assignments.set(key, { ...assignment });
  addToIndex(
    ic.assignmentsByTarget,
    assignmentTargetKey(assignment.accountId, assignment.permissionSetArn),
    key,
  );
  addToIndex(ic.assignmentsByPrincipal, assignment.principalId, key);
  ic.permissionSets
    .get(assignment.permissionSetArn)
    ?.provisionedTo.add(assignment.accountId);
  return true;
}

/**
 * Removes an assignment. The permission set stays provisioned to the
 * account, as in AWS.
 *
 * @public
 */
export function removeAssignment(
  state: EmulatorState,
  assignment: AssignmentRecord,
): boolean {
  const ic = requireIdentityCenter(state);
  const key = assignmentKey(assignment);
  if (!ic.assignments.delete(key)) return false;
  ic.assignmentsByTarget
    .get(assignmentTargetKey(assignment.accountId, assignment.permissionSetArn))
    ?.delete(key);
  ic.assignmentsByPrincipal.get(assignment.principalId)?.delete(key);
  return true;
}
