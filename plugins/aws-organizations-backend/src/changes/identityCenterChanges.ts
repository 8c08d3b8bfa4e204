import {
  AccountAssignment,
  isUnknown,
  OrganizationSnapshot,
  PermissionSet,
} from '@aws-governance/plugin-aws-organizations-common';
import { sameJson } from './compare';
import { diffById } from './diffById';
import { ChangeDraft } from './types';
import { unifiedDiff } from './unifiedDiff';

type Context = {
  previous: OrganizationSnapshot;
  current: OrganizationSnapshot;
};

function identityCenterOf(snapshot: OrganizationSnapshot) {
  const ic = snapshot.identityCenter;
  return ic.status === 'available'
    ? ic
    : {
        permissionSets: [],
        assignments: [],
        groups: [],
        users: [],
        memberships: [],
      };
}

const PERMISSION_SET_FIELDS = [
  'description',
  'sessionDuration',
  'relayState',
  'managedPolicies',
  'customerManagedPolicies',
  'inlinePolicy',
  'permissionsBoundary',
  'tags',
] as const;

function changedFields(before: PermissionSet, after: PermissionSet) {
  return PERMISSION_SET_FIELDS.filter(field => {
    const a = before[field];
    const b = after[field];
    if (isUnknown(a as never) || isUnknown(b as never)) {
      return false;
    }
    return !sameJson(a ?? null, b ?? null);
  });
}

/** Permission sets created, changed (naming the fields) and removed. */
export function detectPermissionSetChanges({
  previous,
  current,
}: Context): ChangeDraft[] {
  const changes: ChangeDraft[] = [];
  const diff = diffById(
    identityCenterOf(previous).permissionSets,
    identityCenterOf(current).permissionSets,
    p => p.arn,
  );
  for (const [old, set] of diff.matched) {
    if (!old) {
      changes.push({
        kind: 'permission-set.created',
        subjectId: set.arn,
        summary: `Permission set ${set.name} created`,
        details: { name: set.name },
      });
      continue;
    }
    const fields = changedFields(old, set);
    if (fields.length > 0) {
      const values = Object.fromEntries(
        fields
          .filter(f => f !== 'inlinePolicy')
          .map(f => [f, { from: old[f] ?? null, to: set[f] ?? null }]),
      );
      changes.push({
        kind: 'permission-set.changed',
        subjectId: set.arn,
        summary: `Permission set ${set.name} changed: ${fields.join(', ')}`,
        details: {
          fields,
          ...values,
          ...(fields.includes('inlinePolicy')
            ? {
                inlinePolicyDiff: unifiedDiff(
                  `${set.name}.json`,
                  old.inlinePolicy,
                  set.inlinePolicy,
                ),
              }
            : {}),
        },
      });
    }
  }
  for (const set of diff.removed) {
    changes.push({
      kind: 'permission-set.removed',
      subjectId: set.arn,
      summary: `Permission set ${set.name} removed`,
      details: { name: set.name },
    });
  }
  return changes;
}

const assignmentKey = (a: AccountAssignment) =>
  `${a.accountId}|${a.permissionSetArn}|${a.principalType}|${a.principalId}`;

function nameIndex(...snapshots: OrganizationSnapshot[]) {
  const accounts = new Map<string, string>();
  const sets = new Map<string, string>();
  const principals = new Map<string, string>();
  for (const snapshot of snapshots) {
    const ic = identityCenterOf(snapshot);
    for (const a of snapshot.accounts) accounts.set(a.id, a.name);
    for (const p of ic.permissionSets) sets.set(p.arn, p.name);
    for (const g of ic.groups) principals.set(g.id, g.displayName);
    for (const u of ic.users) principals.set(u.id, u.userName);
  }
  return { accounts, sets, principals };
}

/** Account assignments granted and revoked. */
export function detectAssignmentChanges({
  previous,
  current,
}: Context): ChangeDraft[] {
  const { created: granted, removed: revoked } = diffById(
    identityCenterOf(previous).assignments,
    identityCenterOf(current).assignments,
    assignmentKey,
  );
  if (granted.length === 0 && revoked.length === 0) {
    return [];
  }
  const names = nameIndex(previous, current);
  const entry = (
    kind: 'assignment.granted' | 'assignment.revoked',
    a: AccountAssignment,
  ): ChangeDraft => {
    const who = `${a.principalType === 'GROUP' ? 'Group' : 'User'} ${
      names.principals.get(a.principalId) ?? a.principalId
    }`;
    const set = names.sets.get(a.permissionSetArn) ?? a.permissionSetArn;
    const account = names.accounts.get(a.accountId) ?? a.accountId;
    return {
      kind,
      accountId: a.accountId,
      subjectId: a.principalId,
      summary:
        kind === 'assignment.granted'
          ? `${who} granted ${set} on ${account}`
          : `${who} lost ${set} on ${account}`,
      details: {
        principalType: a.principalType,
        principalId: a.principalId,
        principalName: names.principals.get(a.principalId),
        permissionSetArn: a.permissionSetArn,
        permissionSetName: names.sets.get(a.permissionSetArn),
      },
    };
  };
  return [
    ...granted.map(a => entry('assignment.granted', a)),
    ...revoked.map(a => entry('assignment.revoked', a)),
  ];
}

/** Users added to and removed from Identity Store groups. */
export function detectMembershipChanges({
  previous,
  current,
}: Context): ChangeDraft[] {
  const { created: added, removed } = diffById(
    identityCenterOf(previous).memberships,
    identityCenterOf(current).memberships,
    m => `${m.groupId}|${m.userId}`,
  );
  if (added.length === 0 && removed.length === 0) {
    return [];
  }
  const names = nameIndex(previous, current);
  const entry = (
    kind: 'group-membership.added' | 'group-membership.removed',
    m: { groupId: string; userId: string },
  ): ChangeDraft => {
    const user = names.principals.get(m.userId) ?? m.userId;
    const group = names.principals.get(m.groupId) ?? m.groupId;
    return {
      kind,
      subjectId: m.groupId,
      summary:
        kind === 'group-membership.added'
          ? `${user} added to group ${group}`
          : `${user} removed from group ${group}`,
      details: { userId: m.userId, userName: user, groupName: group },
    };
  };
  return [
    ...added.map(m => entry('group-membership.added', m)),
    ...removed.map(m => entry('group-membership.removed', m)),
  ];
}
