import { AwsError } from '../../protocol/errors';
import { paginate } from '../../protocol/pagination';
import { OperationTable, tagList } from '../types';
import {
  accountShape,
  ACCOUNT_ID,
  CHILD_ID,
  findAccount,
  findOu,
  findPolicy,
  findTarget,
  ouShape,
  OU_ID,
  PARENT_ID,
  policySummary,
  POLICY_ID,
  requireOrganization,
  requireParent,
  RESOURCE_ID,
  rootShape,
  SCP,
  TARGET_ID,
} from './lookups';
import { POLICY_TYPES } from '../../state/policyTypes';

/** The read operations of AWS Organizations. */
export const organizationsReads: OperationTable = {
  DescribeOrganization: ({ state }) => {
    const { organization } = requireOrganization(state);
    return {
      Organization: {
        Id: organization.id,
        Arn: organization.arn,
        FeatureSet: organization.featureSet,
        MasterAccountArn: `arn:aws:organizations::${organization.managementAccountId}:account/${organization.id}/${organization.managementAccountId}`,
        MasterAccountId: organization.managementAccountId,
        MasterAccountEmail: organization.managementAccountEmail,
        AvailablePolicyTypes: [{ Type: SCP, Status: 'ENABLED' }],
      },
    };
  },

  ListRoots: ctx => {
    const { root } = requireOrganization(ctx.state);
    const page = paginate(ctx, ctx.input, [root]);
    return {
      Roots: page.items.map(rootShape),
      NextToken: page.nextToken,
    };
  },

  ListOrganizationalUnitsForParent: ctx => {
    requireOrganization(ctx.state);
    const parentId = ctx.input.string('ParentId', PARENT_ID);
    requireParent(ctx, parentId);
    const ids = [...ctx.state.children.get(parentId)!.organizationalUnits];
    const page = paginate(ctx, ctx.input, ids);
    return {
      OrganizationalUnits: page.items.map(id =>
        ouShape(ctx.state.organizationalUnits.get(id)!),
      ),
      NextToken: page.nextToken,
    };
  },

  ListAccountsForParent: ctx => {
    requireOrganization(ctx.state);
    const parentId = ctx.input.string('ParentId', PARENT_ID);
    requireParent(ctx, parentId);
    const ids = [...ctx.state.children.get(parentId)!.accounts];
    const page = paginate(ctx, ctx.input, ids);
    return {
      Accounts: page.items.map(id => accountShape(ctx.state.accounts.get(id)!)),
      NextToken: page.nextToken,
    };
  },

  ListAccounts: ctx => {
    requireOrganization(ctx.state);
    const page = paginate(ctx, ctx.input, [...ctx.state.accounts.values()]);
    return {
      Accounts: page.items.map(accountShape),
      NextToken: page.nextToken,
    };
  },

  DescribeAccount: ctx => {
    requireOrganization(ctx.state);
    const account = findAccount(ctx, ctx.input.string('AccountId', ACCOUNT_ID));
    return { Account: accountShape(account) };
  },

  DescribeOrganizationalUnit: ctx => {
    requireOrganization(ctx.state);
    const ou = findOu(ctx, ctx.input.string('OrganizationalUnitId', OU_ID));
    return { OrganizationalUnit: ouShape(ou) };
  },

  ListParents: ctx => {
    requireOrganization(ctx.state);
    const childId = ctx.input.string('ChildId', CHILD_ID);
    const child =
      ctx.state.accounts.get(childId) ??
      ctx.state.organizationalUnits.get(childId);
    if (!child) {
      throw new AwsError(
        'ChildNotFoundException',
        "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
      );
    }
    const page = paginate(ctx, ctx.input, [child.parentId]);
    return {
      Parents: page.items.map(id => ({
        Id: id,
        Type: id.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT',
      })),
      NextToken: page.nextToken,
    };
  },

  ListTagsForResource: ctx => {
    requireOrganization(ctx.state);
    const id = ctx.input.string('ResourceId', RESOURCE_ID);
    if (id.startsWith('p-')) findPolicy(ctx, id);
    else findTarget(ctx, id);
    const page = paginate(ctx, ctx.input, tagList(ctx.state.tags.get(id)), {
      maxResults: false,
    });
    return { Tags: page.items, NextToken: page.nextToken };
  },

  ListPolicies: ctx => {
    requireOrganization(ctx.state);
    const filter = ctx.input.enumValue('Filter', POLICY_TYPES);
    const policies = [...ctx.state.policies.values()].filter(
      p => p.type === filter,
    );
    const page = paginate(ctx, ctx.input, policies);
    return {
      Policies: page.items.map(policySummary),
      NextToken: page.nextToken,
    };
  },

  DescribePolicy: ctx => {
    requireOrganization(ctx.state);
    const policy = findPolicy(ctx, ctx.input.string('PolicyId', POLICY_ID));
    return {
      Policy: { PolicySummary: policySummary(policy), Content: policy.content },
    };
  },

  ListTargetsForPolicy: ctx => {
    requireOrganization(ctx.state);
    const policy = findPolicy(ctx, ctx.input.string('PolicyId', POLICY_ID));
    const targets = [...(ctx.state.policyTargets.get(policy.id) ?? [])];
    const page = paginate(ctx, ctx.input, targets);
    return {
      Targets: page.items.map(id => findTarget(ctx, id)),
      NextToken: page.nextToken,
    };
  },

  ListPoliciesForTarget: ctx => {
    requireOrganization(ctx.state);
    const targetId = ctx.input.string('TargetId', TARGET_ID);
    const filter = ctx.input.enumValue('Filter', POLICY_TYPES);
    findTarget(ctx, targetId);
    const ids = [...(ctx.state.targetPolicies.get(targetId) ?? [])].filter(
      id => ctx.state.policies.get(id)!.type === filter,
    );
    const page = paginate(ctx, ctx.input, ids);
    return {
      Policies: page.items.map(id =>
        policySummary(ctx.state.policies.get(id)!),
      ),
      NextToken: page.nextToken,
    };
  },
};
