import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  InstanceMetadata,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
} from '@aws-sdk/client-sso-admin';
import type {
  Knowable,
  PermissionSet,
  PermissionsBoundary,
} from '@aws-governance/plugin-aws-organizations-common';
import { isNotFound } from './errors';
import { PAGE_SIZE, ReadContext } from './context';
import { readPermissionSetTags } from './tags';

const service = 'ssoAdmin' as const;
const pageSize = PAGE_SIZE.ssoAdmin;

/** The organization instance of IAM Identity Center. */
export interface IdentityCenterInstance {
  instanceArn: string;
  identityStoreId: string;
}

/**
 * Finds the organization instance of IAM Identity Center: the one owned by
 * the management account (account instances of member accounts are not it).
 * `undefined` when Identity Center is not enabled for the organization.
 */
export async function readIdentityCenterInstance(
  ctx: ReadContext,
  managementAccountId: string,
): Promise<IdentityCenterInstance | undefined> {
  const instances: InstanceMetadata[] = await ctx.paginate(
    { service, operation: 'ListInstances', resource: 'identity-center' },
    NextToken => new ListInstancesCommand({ NextToken, MaxResults: pageSize }),
    out => out.Instances,
  );
  const usable = instances.filter(
    i =>
      i.InstanceArn && i.IdentityStoreId && (i.Status ?? 'ACTIVE') === 'ACTIVE',
  );
  const instance =
    usable.find(i => i.OwnerAccountId === managementAccountId) ??
    usable.find(i => i.OwnerAccountId === undefined);
  return instance
    ? {
        instanceArn: instance.InstanceArn!,
        identityStoreId: instance.IdentityStoreId!,
      }
    : undefined;
}

/** The ARNs of all permission sets of the instance. */
export function listPermissionSetArns(
  ctx: ReadContext,
  instanceArn: string,
): Promise<string[]> {
  return ctx.paginate(
    { service, operation: 'ListPermissionSets', resource: instanceArn },
    NextToken =>
      new ListPermissionSetsCommand({
        InstanceArn: instanceArn,
        NextToken,
        MaxResults: pageSize,
      }),
    out => out.PermissionSets,
  );
}

async function readBoundary(
  ctx: ReadContext,
  instanceArn: string,
  arn: string,
): Promise<Knowable<PermissionsBoundary>> {
  const target = {
    service,
    operation: 'GetPermissionsBoundaryForPermissionSet',
    resource: arn,
  };
  return ctx.optional(target, async optionalCtx => {
    try {
      const { PermissionsBoundary: b } = await optionalCtx.send(
        target,
        new GetPermissionsBoundaryForPermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: arn,
        }),
      );
      if (b?.ManagedPolicyArn) {
        return { type: 'managed', managedPolicyArn: b.ManagedPolicyArn };
      }
      if (b?.CustomerManagedPolicyReference?.Name) {
        return {
          type: 'customer-managed',
          reference: {
            name: b.CustomerManagedPolicyReference.Name,
            path: b.CustomerManagedPolicyReference.Path ?? '/',
          },
        };
      }
      return { type: 'none' };
    } catch (error) {
      // AWS answers ResourceNotFoundException when the set has no boundary.
      if (isNotFound(error)) {
        return { type: 'none' };
      }
      throw error;
    }
  });
}

/** Reads one permission set: its description, policies, boundary and tags. */
export async function readPermissionSet(
  ctx: ReadContext,
  instanceArn: string,
  arn: string,
): Promise<PermissionSet> {
  const ids = { InstanceArn: instanceArn, PermissionSetArn: arn };
  const cmpTarget = {
    service,
    operation: 'ListCustomerManagedPolicyReferencesInPermissionSet',
    resource: arn,
  };
  const [described, managed, customerManaged, inline, boundary, tags] =
    await Promise.all([
      ctx.send(
        { service, operation: 'DescribePermissionSet', resource: arn },
        new DescribePermissionSetCommand(ids),
      ),
      ctx.paginate(
        {
          service,
          operation: 'ListManagedPoliciesInPermissionSet',
          resource: arn,
        },
        NextToken =>
          new ListManagedPoliciesInPermissionSetCommand({
            ...ids,
            NextToken,
            MaxResults: pageSize,
          }),
        out => out.AttachedManagedPolicies,
      ),
      ctx.optional(cmpTarget, async optionalCtx =>
        (
          await optionalCtx.paginate(
            cmpTarget,
            NextToken =>
              new ListCustomerManagedPolicyReferencesInPermissionSetCommand({
                ...ids,
                NextToken,
                MaxResults: pageSize,
              }),
            out => out.CustomerManagedPolicyReferences,
          )
        ).map(r => ({ name: r.Name ?? '', path: r.Path ?? '/' })),
      ),
      ctx.send(
        {
          service,
          operation: 'GetInlinePolicyForPermissionSet',
          resource: arn,
        },
        new GetInlinePolicyForPermissionSetCommand(ids),
      ),
      readBoundary(ctx, instanceArn, arn),
      readPermissionSetTags(ctx, instanceArn, arn),
    ]);
  const p = described.PermissionSet ?? {};
  return {
    arn,
    name: p.Name ?? '',
    ...(p.Description ? { description: p.Description } : {}),
    sessionDuration: p.SessionDuration ?? 'PT1H',
    ...(p.RelayState ? { relayState: p.RelayState } : {}),
    ...(p.CreatedDate
      ? { createdDate: new Date(p.CreatedDate).toISOString() }
      : {}),
    managedPolicies: managed.map(m => ({
      arn: m.Arn ?? '',
      name: m.Name ?? '',
    })),
    customerManagedPolicies: customerManaged,
    inlinePolicy: inline.InlinePolicy ? inline.InlinePolicy : null,
    permissionsBoundary: boundary,
    tags,
  };
}
