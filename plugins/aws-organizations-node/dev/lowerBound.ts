import { accountIam, type EmulatorState } from '@aws-governance/aws-emulator';

/** The fewest calls per service and operation that can read a state. */
export type CallBound = Record<string, Record<string, number>>;

const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/**
 * Computes, from the emulator's data, the fewest API calls that read all of
 * it at maximum page size: per parent one page at least of OUs and of
 * accounts, per resource (root, OU, account, customer managed policy) one
 * tag page at least, per policy type read (SCPs, and every other type
 * enabled on the root) its policy pages, per policy of those types a
 * description, its target pages and (customer managed) a tag page, per
 * permission set its six reads, and for
 * assignments the cheaper of the two plans (per permission set or per
 * principal), counted exactly.
 */
export function lowerBound(state: EmulatorState): CallBound {
  const types = new Set([
    'SERVICE_CONTROL_POLICY',
    ...(state.root?.policyTypes ?? []),
  ]);
  const read = [...state.policies].filter(([, p]) => types.has(p.type));
  const org: Record<string, number> = {
    DescribeOrganization: 1,
    ListRoots: 1,
    ListOrganizationalUnitsForParent: 0,
    ListAccountsForParent: 0,
    ListTagsForResource: 0,
    ListPolicies: [...types].reduce(
      (n, type) =>
        n + pages(read.filter(([, p]) => p.type === type).length, 20),
      0,
    ),
    DescribePolicy: read.length,
    ListTargetsForPolicy: 0,
  };
  const parents = [state.root!.id, ...state.organizationalUnits.keys()];
  for (const parent of parents) {
    const children = state.children.get(parent);
    org.ListOrganizationalUnitsForParent += pages(
      children?.organizationalUnits.size ?? 0,
      20,
    );
    org.ListAccountsForParent += pages(children?.accounts.size ?? 0, 20);
  }
  for (const id of [...parents, ...state.accounts.keys()]) {
    org.ListTagsForResource += pages(
      Object.keys(state.tags.get(id) ?? {}).length,
      20,
    );
  }
  for (const [id, policy] of read) {
    org.ListTargetsForPolicy += pages(
      state.policyTargets.get(id)?.size ?? 0,
      20,
    );
    if (!policy.awsManaged) {
      org.ListTagsForResource += pages(
        Object.keys(state.tags.get(id) ?? {}).length,
        20,
      );
    }
  }
  const ic = state.identityCenter;
  if (!ic) {
    return { organizations: org, ssoAdmin: { ListInstances: 1 } };
  }
  const sets = [...ic.permissionSets.values()];
  const sso: Record<string, number> = {
    ListInstances: 1,
    ListPermissionSets: pages(sets.length, 100),
    DescribePermissionSet: sets.length,
    ListManagedPoliciesInPermissionSet: sets.reduce(
      (n, s) => n + pages(s.managedPolicyArns.length, 100),
      0,
    ),
    ListCustomerManagedPolicyReferencesInPermissionSet: sets.reduce(
      (n, s) => n + pages(s.customerManagedPolicies.length, 100),
      0,
    ),
    GetInlinePolicyForPermissionSet: sets.length,
    GetPermissionsBoundaryForPermissionSet: sets.length,
    ListTagsForResource: sets.reduce(
      (n, s) => n + pages(Object.keys(s.tags).length, 100),
      0,
    ),
  };
  let provisioned = 0;
  let perPair = 0;
  for (const set of sets) {
    provisioned += pages(set.provisionedTo.size, 100);
    for (const accountId of set.provisionedTo) {
      perPair += pages(
        ic.assignmentsByTarget.get(`${accountId}|${set.arn}`)?.size ?? 0,
        100,
      );
    }
  }
  const principals = [...ic.groups.keys(), ...ic.users.keys()];
  const perPrincipal = principals.reduce(
    (n, id) => n + pages(ic.assignmentsByPrincipal.get(id)?.size ?? 0, 100),
    0,
  );
  if (provisioned + perPair <= perPrincipal) {
    sso.ListAccountsForProvisionedPermissionSet = provisioned;
    sso.ListAccountAssignments = perPair;
  } else {
    sso.ListAccountAssignmentsForPrincipal = perPrincipal;
  }
  const identityStore: Record<string, number> = {
    ListGroups: pages(ic.groups.size, 100),
    ListUsers: pages(ic.users.size, 100),
    ListGroupMemberships: [...ic.groups.keys()].reduce(
      (n, id) => n + pages(ic.membershipsByGroup.get(id)?.size ?? 0, 100),
      0,
    ),
  };
  return { organizations: org, ssoAdmin: sso, identityStore };
}

/**
 * The fewest calls that read the roles part of a state, per source, on a
 * first sync (every managed policy document read once): per active
 * account one AssumeRole, its GetAccountAuthorizationDetails pages (1,000
 * items) and a ListAccessKeys per user; or, from the aggregator, one
 * AssumeRole, one DescribeConfigurationAggregators and the query pages
 * (100 results) of roles, users and customer managed policies; and per
 * AWS managed policy the roles attach a GetPolicy and a GetPolicyVersion.
 * Identity Center's policies are counted apart (`withPermissionSets`).
 */
export function rolesLowerBound(
  state: EmulatorState,
): Record<'account-role' | 'config-aggregator', CallBound> {
  let active = 0;
  let gaad = 0;
  let accessKeys = 0;
  let roles = 0;
  let users = 0;
  let policies = 0;
  const awsManaged = new Set<string>();
  for (const account of state.accounts.values()) {
    const iam = accountIam(state, account.id);
    if (account.state === 'ACTIVE') active++;
    if (!iam) continue;
    roles += iam.roles.length;
    users += iam.users.length;
    policies += iam.policies.length;
    if (account.state === 'ACTIVE') {
      gaad += pages(
        iam.roles.length + iam.users.length + iam.policies.length,
        1000,
      );
      accessKeys += iam.users.length;
    }
    for (const entity of [...iam.roles, ...iam.users]) {
      for (const p of entity.attachedPolicies) {
        if (p.arn.startsWith('arn:aws:iam::aws:')) awsManaged.add(p.arn);
      }
      if (entity.permissionsBoundary?.startsWith('arn:aws:iam::aws:')) {
        awsManaged.add(entity.permissionsBoundary);
      }
    }
  }
  const documents = {
    GetPolicy: awsManaged.size,
    GetPolicyVersion: awsManaged.size,
  };
  return {
    'account-role': {
      sts: { AssumeRole: active },
      iam: {
        GetAccountAuthorizationDetails: gaad,
        ListAccessKeys: accessKeys,
        ...documents,
      },
    },
    'config-aggregator': {
      sts: { AssumeRole: 1 },
      config: {
        DescribeConfigurationAggregators: 1,
        SelectAggregateResourceConfig:
          pages(roles, 100) + pages(users, 100) + pages(policies, 100),
      },
      iam: documents,
    },
  };
}
