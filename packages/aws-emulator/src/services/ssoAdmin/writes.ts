import { AwsError } from '../../protocol/errors';
import {
  addAssignment,
  addPermissionSet,
  removeAssignment,
  removePermissionSet,
} from '../../state/identityCenter';
import { AssignmentRecord, IdentityCenterState } from '../../state/types';
import { epochSeconds, OperationContext, OperationTable } from '../types';
import {
  ACCOUNT_ID,
  checkSessionDuration,
  conflict,
  findPermissionSet,
  notFound,
  permissionSetShape,
  PERMISSION_SET_ARN,
  PERMISSION_SET_NAME,
  PRINCIPAL_ID,
  requireInstance,
} from './lookups';

const MANAGED_POLICY_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::aws:policy\/.+$/;

function customerManagedReference(ctx: OperationContext, name: string) {
  const ref = ctx.input.object(name);
  if (typeof ref.Name !== 'string' || !/^[\w+=,.@-]{1,128}$/.test(ref.Name)) {
    throw new AwsError('ValidationException', `${name}.Name is invalid.`);
  }
  const path = typeof ref.Path === 'string' ? ref.Path : '/';
  return { name: ref.Name, path };
}

function readAssignment(
  ctx: OperationContext,
  ic: IdentityCenterState,
): AssignmentRecord {
  const accountId = ctx.input.string('TargetId', ACCOUNT_ID);
  ctx.input.enumValue('TargetType', ['AWS_ACCOUNT'] as const);
  const permissionSetArn = findPermissionSet(ctx, ic).arn;
  const principalType = ctx.input.enumValue('PrincipalType', [
    'USER',
    'GROUP',
  ] as const);
  const principalId = ctx.input.string('PrincipalId', PRINCIPAL_ID);
  if (!ctx.state.accounts.has(accountId)) {
    throw notFound(`Account ${accountId} is not in the organization.`);
  }
  const principals = principalType === 'USER' ? ic.users : ic.groups;
  if (!principals.has(principalId)) {
    throw notFound(`Could not find ${principalType} ${principalId}.`);
  }
  return { accountId, permissionSetArn, principalType, principalId };
}

function assignmentStatus(ctx: OperationContext, a: AssignmentRecord) {
  return {
    Status: 'SUCCEEDED',
    RequestId: ctx.state.ids.uuid(),
    TargetId: a.accountId,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: a.permissionSetArn,
    PrincipalType: a.principalType,
    PrincipalId: a.principalId,
    CreatedDate: epochSeconds(new Date()),
  };
}

/** The write operations of SSO Admin the emulator supports. */
export const ssoAdminWrites: OperationTable = {
  CreatePermissionSet: ctx => {
    const ic = requireInstance(ctx);
    const name = ctx.input.string('Name', PERMISSION_SET_NAME);
    const sessionDuration = ctx.input.optionalString('SessionDuration');
    if (sessionDuration) checkSessionDuration(ctx, sessionDuration);
    if ([...ic.permissionSets.values()].some(p => p.name === name)) {
      throw conflict(`PermissionSet with name ${name} already exists.`);
    }
    const ps = addPermissionSet(ctx.state, {
      name,
      description: ctx.input.optionalString('Description'),
      sessionDuration,
      relayState: ctx.input.optionalString('RelayState'),
      tags: ctx.input.tags(),
    });
    ps.createdDate = new Date();
    return { PermissionSet: permissionSetShape(ps) };
  },

  UpdatePermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const sessionDuration = ctx.input.optionalString('SessionDuration');
    if (sessionDuration) {
      checkSessionDuration(ctx, sessionDuration);
      ps.sessionDuration = sessionDuration;
    }
    ps.description = ctx.input.optionalString('Description') ?? ps.description;
    ps.relayState = ctx.input.optionalString('RelayState') ?? ps.relayState;
    return {};
  },

  DeletePermissionSet: ctx => {
    const ic = requireInstance(ctx);
    const ps = findPermissionSet(ctx, ic);
    const inUse = [...ic.assignments.values()].some(
      a => a.permissionSetArn === ps.arn,
    );
    if (inUse) {
      throw conflict(
        'The permission set is assigned to accounts; delete the assignments first.',
      );
    }
    removePermissionSet(ctx.state, ps.arn);
    return {};
  },

  AttachManagedPolicyToPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const arn = ctx.input.string('ManagedPolicyArn', MANAGED_POLICY_ARN);
    if (ps.managedPolicyArns.includes(arn)) {
      throw conflict(`Managed policy ${arn} is already attached.`);
    }
    ps.managedPolicyArns.push(arn);
    return {};
  },

  DetachManagedPolicyFromPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const arn = ctx.input.string('ManagedPolicyArn', MANAGED_POLICY_ARN);
    if (!ps.managedPolicyArns.includes(arn)) {
      throw notFound(`Managed policy ${arn} is not attached.`);
    }
    ps.managedPolicyArns = ps.managedPolicyArns.filter(a => a !== arn);
    return {};
  },

  AttachCustomerManagedPolicyReferenceToPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const ref = customerManagedReference(ctx, 'CustomerManagedPolicyReference');
    if (
      ps.customerManagedPolicies.some(
        r => r.name === ref.name && r.path === ref.path,
      )
    ) {
      throw conflict(
        `Customer managed policy ${ref.name} is already attached.`,
      );
    }
    ps.customerManagedPolicies.push(ref);
    return {};
  },

  DetachCustomerManagedPolicyReferenceFromPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const ref = customerManagedReference(ctx, 'CustomerManagedPolicyReference');
    const kept = ps.customerManagedPolicies.filter(
      r => r.name !== ref.name || r.path !== ref.path,
    );
    if (kept.length === ps.customerManagedPolicies.length) {
      throw notFound(`Customer managed policy ${ref.name} is not attached.`);
    }
    ps.customerManagedPolicies = kept;
    return {};
  },

  /**
   * Completes at once (every provisioned set is at its latest version):
   * provisions to an account (`AWS_ACCOUNT`) or re-provisions everywhere
   * (`ALL_PROVISIONED_ACCOUNTS`).
   */
  ProvisionPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const targetType = ctx.input.enumValue('TargetType', [
      'AWS_ACCOUNT',
      'ALL_PROVISIONED_ACCOUNTS',
    ] as const);
    let accountId: string | undefined;
    if (targetType === 'AWS_ACCOUNT') {
      accountId = ctx.input.string('TargetId', ACCOUNT_ID);
      if (!ctx.state.accounts.has(accountId)) {
        throw notFound(`Account ${accountId} is not in the organization.`);
      }
      ps.provisionedTo.add(accountId);
    }
    return {
      PermissionSetProvisioningStatus: {
        Status: 'SUCCEEDED',
        RequestId: ctx.state.ids.uuid(),
        ...(accountId ? { AccountId: accountId } : {}),
        PermissionSetArn: ps.arn,
        CreatedDate: epochSeconds(new Date()),
      },
    };
  },

  PutInlinePolicyToPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const policy = ctx.input.string('InlinePolicy', /^[\s\S]{1,32768}$/);
    try {
      JSON.parse(policy);
    } catch {
      throw new AwsError('ValidationException', 'The policy is malformed.');
    }
    ps.inlinePolicy = policy;
    return {};
  },

  DeleteInlinePolicyFromPermissionSet: ctx => {
    findPermissionSet(ctx, requireInstance(ctx)).inlinePolicy = null;
    return {};
  },

  PutPermissionsBoundaryToPermissionSet: ctx => {
    const ps = findPermissionSet(ctx, requireInstance(ctx));
    const boundary = ctx.input.object('PermissionsBoundary');
    if (typeof boundary.ManagedPolicyArn === 'string') {
      ps.permissionsBoundary = { managedPolicyArn: boundary.ManagedPolicyArn };
    } else if (boundary.CustomerManagedPolicyReference) {
      ctx.input.body.Reference = boundary.CustomerManagedPolicyReference;
      ps.permissionsBoundary = {
        customerManagedPolicyReference: customerManagedReference(
          ctx,
          'Reference',
        ),
      };
    } else {
      throw new AwsError(
        'ValidationException',
        'PermissionsBoundary needs ManagedPolicyArn or CustomerManagedPolicyReference.',
      );
    }
    return {};
  },

  DeletePermissionsBoundaryFromPermissionSet: ctx => {
    findPermissionSet(ctx, requireInstance(ctx)).permissionsBoundary = null;
    return {};
  },

  CreateAccountAssignment: ctx => {
    const ic = requireInstance(ctx);
    const assignment = readAssignment(ctx, ic);
    addAssignment(ctx.state, assignment);
    return {
      AccountAssignmentCreationStatus: assignmentStatus(ctx, assignment),
    };
  },

  DeleteAccountAssignment: ctx => {
    const ic = requireInstance(ctx);
    const assignment = readAssignment(ctx, ic);
    if (!removeAssignment(ctx.state, assignment)) {
      throw notFound('The account assignment does not exist.');
    }
    return {
      AccountAssignmentDeletionStatus: assignmentStatus(ctx, assignment),
    };
  },

  TagResource: ctx => {
    const ic = requireInstance(ctx);
    const arn = ctx.input.string('ResourceArn', PERMISSION_SET_ARN);
    const ps = ic.permissionSets.get(arn);
    if (!ps) throw notFound(`Could not find resource ${arn}.`);
    ps.tags = { ...ps.tags, ...ctx.input.tags() };
    return {};
  },
};
