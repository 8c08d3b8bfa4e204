import {
  classifyPermissionSet,
  isUnknown,
  PermissionSet,
  PermissionSetView,
} from '@aws-governance/plugin-aws-organizations-common';
import { GovernanceIndex } from './types';

const views = new WeakMap<GovernanceIndex, Map<string, PermissionSetView>>();

function toView(
  index: GovernanceIndex,
  permissionSet: PermissionSet,
): PermissionSetView {
  const classification = classifyPermissionSet(permissionSet);
  return {
    arn: permissionSet.arn,
    name: permissionSet.name,
    entityRef: index.refs.permissionSet(permissionSet.arn),
    sessionDuration: permissionSet.sessionDuration,
    privileged: classification.privileged,
    privilegeReasons: [
      ...classification.reasons,
      ...classification.uncertain.map(u => `could not be judged: ${u}`),
    ],
    managedPolicies: permissionSet.managedPolicies.map(p => p.arn),
    customerManagedPolicies: isUnknown(permissionSet.customerManagedPolicies)
      ? null
      : permissionSet.customerManagedPolicies.map(p => `${p.path}${p.name}`),
    hasInlinePolicy: permissionSet.inlinePolicy !== null,
    permissionsBoundary: isUnknown(permissionSet.permissionsBoundary)
      ? null
      : permissionSet.permissionsBoundary,
  };
}

/** A set an assignment names but the snapshot lacks: nothing is known. */
function missingView(index: GovernanceIndex, arn: string): PermissionSetView {
  return {
    arn,
    name: arn.slice(arn.lastIndexOf('/') + 1),
    entityRef: index.refs.permissionSet(arn),
    sessionDuration: '',
    privileged: false,
    privilegeReasons: [
      'could not be judged: the permission set is not in the snapshot',
    ],
    managedPolicies: [],
    customerManagedPolicies: null,
    hasInlinePolicy: false,
    permissionsBoundary: null,
  };
}

/**
 * A permission set as the access views show it: its policies, boundary and
 * whether it is privileged (with the reasons, and what could not be
 * judged, from `classifyPermissionSet`). Computed once per set and index.
 */
export function permissionSetView(
  index: GovernanceIndex,
  permissionSetArn: string,
): PermissionSetView {
  let cache = views.get(index);
  if (!cache) views.set(index, (cache = new Map()));
  let view = cache.get(permissionSetArn);
  if (!view) {
    const permissionSet = index.permissionSets.get(permissionSetArn);
    view = permissionSet
      ? toView(index, permissionSet)
      : missingView(index, permissionSetArn);
    cache.set(permissionSetArn, view);
  }
  return view;
}
