import { visibleToCaller } from '../../knobs/caller';
import { paginate } from '../../protocol/pagination';
import { assignmentTargetKey } from '../../state/identityCenter';
import { AssignmentRecord } from '../../state/types';
import { epochSeconds, OperationTable, tagList } from '../types';
import {
  ACCOUNT_ID,
  findPermissionSet,
  notFound,
  permissionSetShape,
  PERMISSION_SET_ARN,
  PRINCIPAL_ID,
  requireInstance,
} from './lookups';

const PROVISIONING_STATUSES = [
  'LATEST_PERMISSION_SET_PROVISIONED',
  'LATEST_PERMISSION_SET_NOT_PROVISIONED',
] as const;

function assignmentShape(a: AssignmentRecord) {
  return {
    AccountId: a.accountId,
    PermissionSetArn: a.permissionSetArn,
    PrincipalType: a.principalType,
    PrincipalId: a.principalId,
  };
}

/** Every permission set is provisioned at its latest version. */
function provisioningFilterMatches(value: string | undefined) {
  return value !== 'LATEST_PERMISSION_SET_NOT_PROVISIONED';
}

/** The read operations of SSO Admin. */
export const ssoAdminReads: OperationTable = {
  ListInstances: ctx => {
    const ic = ctx.state.identityCenter;
    const page = paginate(ctx, ctx.input, ic ? [ic] : []);
    return {
      Instances: page.items.map(i => ({
        InstanceArn: i.instanceArn,
        IdentityStoreId: i.identityStoreId,
        OwnerAccountId: i.ownerAccountId,
        Name: i.name,
        CreatedDate: epochSeconds(i.createdDate),
        Status: 'ACTIVE',
      })),
      NextToken: page.nextToken,
    };
  },

  ListPermissionSets: ctx => {
    const ic = requireInstance(ctx);
    const caller = ctx.caller ?? 'management-account';
    const arns = [...ic.permissionSets.values()]
      .filter(ps => visibleToCaller(caller, ctx.state, ps))
      .map(ps => ps.arn);
    const page = paginate(ctx, ctx.input, arns);
    return { PermissionSets: page.items, NextToken: page.nextToken };
  },

  DescribePermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    return { PermissionSet: permissionSetShape(ps) };
  },

  ListManagedPoliciesInPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const page = paginate(ctx, ctx.input, ps.managedPolicyArns);
    return {
      AttachedManagedPolicies: page.items.map(arn => ({
        Arn: arn,
        Name: arn.slice(arn.lastIndexOf('/') + 1),
      })),
      NextToken: page.nextToken,
    };
  },

  ListCustomerManagedPolicyReferencesInPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const page = paginate(ctx, ctx.input, ps.customerManagedPolicies);
    return {
      CustomerManagedPolicyReferences: page.items.map(r => ({
        Name: r.name,
        Path: r.path,
      })),
      NextToken: page.nextToken,
    };
  },

  GetInlinePolicyForPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    return ps.inlinePolicy === null ? {} : { InlinePolicy: ps.inlinePolicy };
  },

  GetPermissionsBoundaryForPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const boundary = ps.permissionsBoundary;
    if (!boundary) {
      throw notFound(
        `Could not find a permissions boundary for PermissionSet ${ps.arn}.`,
      );
    }
    return {
      PermissionsBoundary:
        'managedPolicyArn' in boundary
          ? { ManagedPolicyArn: boundary.managedPolicyArn }
          : {
              CustomerManagedPolicyReference: {
                Name: boundary.customerManagedPolicyReference.name,
                Path: boundary.customerManagedPolicyReference.path,
              },
            },
    };
  },

  ListTagsForResource: ctx => {
    const ic = requireInstance(ctx);
    const arn = ctx.input.string('ResourceArn', PERMISSION_SET_ARN);
    const ps = ic.permissionSets.get(arn);
    if (!ps) throw notFound(`Could not find resource ${arn}.`);
    const page = paginate(ctx, ctx.input, tagList(ps.tags), {
      maxResults: false,
    });
    return { Tags: page.items, NextToken: page.nextToken };
  },

  ListAccountsForProvisionedPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const status = ctx.input.optionalString('ProvisioningStatus');
    if (status)
      ctx.input.enumValue('ProvisioningStatus', PROVISIONING_STATUSES);
    const ids = provisioningFilterMatches(status) ? [...ps.provisionedTo] : [];
    const page = paginate(ctx, ctx.input, ids);
    return { AccountIds: page.items, NextToken: page.nextToken };
  },

  ListPermissionSetsProvisionedToAccount: ctx => {
    const ic = requireInstance(ctx);
    const accountId = ctx.input.string('AccountId', ACCOUNT_ID);
    const status = ctx.input.optionalString('ProvisioningStatus');
    if (status)
      ctx.input.enumValue('ProvisioningStatus', PROVISIONING_STATUSES);
    const arns = provisioningFilterMatches(status)
      ? [...ic.permissionSets.values()]
          .filter(ps => ps.provisionedTo.has(accountId))
          .map(ps => ps.arn)
      : [];
    const page = paginate(ctx, ctx.input, arns);
    return { PermissionSets: page.items, NextToken: page.nextToken };
  },

  ListAccountAssignments: ctx => {
    const ic = requireInstance(ctx);
    const accountId = ctx.input.string('AccountId', ACCOUNT_ID);
    const ps = findPermissionSet(ctx, ic);
    const keys = ic.assignmentsByTarget.get(
      assignmentTargetKey(accountId, ps.arn),
    );
    const page = paginate(ctx, ctx.input, [...(keys ?? [])]);
    return {
      AccountAssignments: page.items.map(k =>
        assignmentShape(ic.assignments.get(k)!),
      ),
      NextToken: page.nextToken,
    };
  },

  /**
   * Direct assignments of the principal only: for a USER, the assignments
   * it holds through its groups are not listed (query each group).
   */
  ListAccountAssignmentsForPrincipal: ctx => {
    const ic = requireInstance(ctx);
    const principalId = ctx.input.string('PrincipalId', PRINCIPAL_ID);
    const principalType = ctx.input.enumValue('PrincipalType', [
      'USER',
      'GROUP',
    ] as const);
    const filter = ctx.input.optionalObject('Filter');
    const accountId = filter?.AccountId as string | undefined;
    const known =
      principalType === 'USER'
        ? ic.users.has(principalId)
        : ic.groups.has(principalId);
    if (!known) {
      throw notFound(`Could not find ${principalType} ${principalId}.`);
    }
    const assignments = [...(ic.assignmentsByPrincipal.get(principalId) ?? [])]
      .map(k => ic.assignments.get(k)!)
      .filter(a => a.principalType === principalType)
      .filter(a => !accountId || a.accountId === accountId);
    const page = paginate(ctx, ctx.input, assignments);
    return {
      AccountAssignments: page.items.map(assignmentShape),
      NextToken: page.nextToken,
    };
  },
};
