import { AwsError } from '../../protocol/errors';
import {
  addAccount,
  addOrganizationalUnit,
  addPolicy,
  attachPolicy,
  detachPolicy,
  moveAccount,
  removeOrganizationalUnit,
  disablePolicyType,
  enablePolicyType,
  removePolicy,
  setAccountState,
  setTags,
} from '../../state/organizations';
import {
  awsManagedPolicyOf,
  maxPoliciesPerTarget,
  POLICY_TYPES,
} from '../../state/policyTypes';
import { checkPolicyContent } from './policyRules';
import { EmulatorState } from '../../state/types';
import { epochSeconds, OperationContext, OperationTable } from '../types';
import {
  ACCOUNT_ID,
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
  ROOT_ID,
  rootShape,
  TARGET_ID,
} from './lookups';

const MAX_OU_DEPTH = 5;

function constraint(reason: string, message: string) {
  return new AwsError('ConstraintViolationException', message, 400, {
    Reason: reason,
  });
}

function ouDepth(state: EmulatorState, parentId: string): number {
  let depth = 0;
  for (let id = parentId; !id.startsWith('r-'); depth++) {
    id = state.organizationalUnits.get(id)!.parentId;
  }
  return depth;
}

function checkOuNameFree(
  ctx: OperationContext,
  parentId: string,
  name: string,
) {
  for (const id of ctx.state.children.get(parentId)!.organizationalUnits) {
    if (ctx.state.organizationalUnits.get(id)!.name === name) {
      throw new AwsError(
        'DuplicateOrganizationalUnitException',
        'An OU with the same name already exists.',
      );
    }
  }
}

function rootNotFound(): AwsError {
  return new AwsError(
    'RootNotFoundException',
    "We can't find a root with the RootId that you specified.",
  );
}

function policyTypeNotEnabled(): AwsError {
  return new AwsError(
    'PolicyTypeNotEnabledException',
    'The specified policy type isn\u2019t currently enabled in this root. You can\u2019t attach policies of the specified type to entities in a root until you enable that type in the root.',
  );
}

/** Policy types need all features (PolicyTypeNotAvailableForOrganization). */
function requireAllFeatures(featureSet: string) {
  if (featureSet !== 'ALL') {
    throw new AwsError(
      'PolicyTypeNotAvailableForOrganizationException',
      'You can\u2019t use a policy type in an organization that has only consolidated billing features enabled.',
    );
  }
}

/** How many of the attached policies are of a type. */
function sameType(ctx: OperationContext, attached: Set<string>, type: string) {
  return [...attached].filter(id => ctx.state.policies.get(id)?.type === type)
    .length;
}

function findTaggable(ctx: OperationContext, id: string) {
  if (id.startsWith('p-')) findPolicy(ctx, id);
  else findTarget(ctx, id);
}

/** The write operations of AWS Organizations the emulator supports. */
export const organizationsWrites: OperationTable = {
  CreateOrganizationalUnit: ctx => {
    requireOrganization(ctx.state);
    const parentId = ctx.input.string('ParentId', PARENT_ID);
    const name = ctx.input.string('Name', /^[\s\S]{1,128}$/);
    requireParent(ctx, parentId);
    checkOuNameFree(ctx, parentId, name);
    if (ouDepth(ctx.state, parentId) >= MAX_OU_DEPTH) {
      throw constraint(
        'OU_DEPTH_LIMIT_EXCEEDED',
        'You attempted to create an OU tree that is too many levels deep.',
      );
    }
    const tags = ctx.input.tags();
    const ou = addOrganizationalUnit(ctx.state, { parentId, name, tags });
    return { OrganizationalUnit: ouShape(ou) };
  },

  UpdateOrganizationalUnit: ctx => {
    requireOrganization(ctx.state);
    const ou = findOu(ctx, ctx.input.string('OrganizationalUnitId', OU_ID));
    const name = ctx.input.optionalString('Name', /^[\s\S]{1,128}$/);
    if (name !== undefined && name !== ou.name) {
      checkOuNameFree(ctx, ou.parentId, name);
      ou.name = name;
    }
    return { OrganizationalUnit: ouShape(ou) };
  },

  DeleteOrganizationalUnit: ctx => {
    requireOrganization(ctx.state);
    const ou = findOu(ctx, ctx.input.string('OrganizationalUnitId', OU_ID));
    const children = ctx.state.children.get(ou.id)!;
    if (children.accounts.size > 0 || children.organizationalUnits.size > 0) {
      throw new AwsError(
        'OrganizationalUnitNotEmptyException',
        'The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.',
      );
    }
    removeOrganizationalUnit(ctx.state, ou.id);
    return {};
  },

  CreateAccount: ctx => {
    const { root } = requireOrganization(ctx.state);
    const email = ctx.input.string('Email', /^[^\s@]{1,64}@[^\s@]{1,250}$/);
    const name = ctx.input.string('AccountName', /^[\u0020-\u007E]{1,50}$/);
    const tags = ctx.input.tags();
    const now = new Date();
    const status = {
      Id: ctx.state.ids.createAccountRequestId(),
      AccountName: name,
      RequestedTimestamp: epochSeconds(now),
      CompletedTimestamp: epochSeconds(now),
    };
    const taken = [...ctx.state.accounts.values()].some(a => a.email === email);
    if (taken) {
      return {
        CreateAccountStatus: {
          ...status,
          State: 'FAILED',
          FailureReason: 'EMAIL_ALREADY_EXISTS',
        },
      };
    }
    const account = addAccount(ctx.state, {
      parentId: root.id,
      name,
      email,
      joinedTimestamp: now,
      tags,
    });
    return {
      CreateAccountStatus: {
        ...status,
        State: 'SUCCEEDED',
        AccountId: account.id,
      },
    };
  },

  CloseAccount: ctx => {
    const { organization } = requireOrganization(ctx.state);
    const account = findAccount(ctx, ctx.input.string('AccountId', ACCOUNT_ID));
    if (account.id === organization.managementAccountId) {
      throw new AwsError(
        'AccessDeniedException',
        'You can\u2019t close the management account with CloseAccount.',
      );
    }
    if (account.state !== 'ACTIVE') {
      throw new AwsError(
        'AccountAlreadyClosedException',
        'You attempted to close an account that is already closed.',
      );
    }
    setAccountState(ctx.state, account.id, 'SUSPENDED');
    return {};
  },

  MoveAccount: ctx => {
    requireOrganization(ctx.state);
    const accountId = ctx.input.string('AccountId', ACCOUNT_ID);
    const sourceId = ctx.input.string('SourceParentId', PARENT_ID);
    const destinationId = ctx.input.string('DestinationParentId', PARENT_ID);
    requireParent(ctx, sourceId, 'SourceParentNotFoundException');
    requireParent(ctx, destinationId, 'DestinationParentNotFoundException');
    const account = findAccount(ctx, accountId);
    if (account.parentId !== sourceId) {
      throw new AwsError(
        'AccountNotFoundException',
        "We can't find an AWS account that you specified in the source parent.",
      );
    }
    if (sourceId === destinationId) {
      throw new AwsError(
        'DuplicateAccountException',
        'That account is already present in the specified destination.',
      );
    }
    moveAccount(ctx.state, accountId, destinationId);
    return {};
  },

  CreatePolicy: ctx => {
    const { organization } = requireOrganization(ctx.state);
    const content = ctx.input.string('Content');
    const description = ctx.input.string('Description', /^[\s\S]{0,512}$/);
    const name = ctx.input.string('Name', /^[\s\S]{1,128}$/);
    const type = ctx.input.enumValue('Type', POLICY_TYPES);
    requireAllFeatures(organization.featureSet);
    checkPolicyContent(type, content);
    if (
      [...ctx.state.policies.values()].some(
        p => p.name === name && p.type === type,
      )
    ) {
      throw new AwsError(
        'DuplicatePolicyException',
        'A policy with the same name already exists.',
      );
    }
    const tags = ctx.input.tags();
    const policy = addPolicy(ctx.state, {
      name,
      description,
      content,
      type,
      tags,
    });
    return {
      Policy: { PolicySummary: policySummary(policy), Content: content },
    };
  },

  EnablePolicyType: ctx => {
    const { organization, root } = requireOrganization(ctx.state);
    const rootId = ctx.input.string('RootId', ROOT_ID);
    const type = ctx.input.enumValue('PolicyType', POLICY_TYPES);
    if (rootId !== root.id) throw rootNotFound();
    requireAllFeatures(organization.featureSet);
    if (root.policyTypes.includes(type)) {
      throw new AwsError(
        'PolicyTypeAlreadyEnabledException',
        'The specified policy type is already enabled.',
      );
    }
    enablePolicyType(ctx.state, type);
    return { Root: rootShape(root) };
  },

  DisablePolicyType: ctx => {
    const { root } = requireOrganization(ctx.state);
    const rootId = ctx.input.string('RootId', ROOT_ID);
    const type = ctx.input.enumValue('PolicyType', POLICY_TYPES);
    if (rootId !== root.id) throw rootNotFound();
    if (!root.policyTypes.includes(type)) throw policyTypeNotEnabled();
    disablePolicyType(ctx.state, type);
    return { Root: rootShape(ctx.state.root!) };
  },

  UpdatePolicy: ctx => {
    requireOrganization(ctx.state);
    const policy = findPolicy(ctx, ctx.input.string('PolicyId', POLICY_ID));
    if (policy.awsManaged) {
      throw new AwsError(
        'AccessDeniedException',
        'You can\u2019t modify an AWS managed policy.',
      );
    }
    const content = ctx.input.optionalString('Content');
    if (content !== undefined) checkPolicyContent(policy.type, content);
    policy.name = ctx.input.optionalString('Name') ?? policy.name;
    policy.description =
      ctx.input.optionalString('Description') ?? policy.description;
    policy.content = content ?? policy.content;
    return {
      Policy: { PolicySummary: policySummary(policy), Content: policy.content },
    };
  },

  DeletePolicy: ctx => {
    requireOrganization(ctx.state);
    const policy = findPolicy(ctx, ctx.input.string('PolicyId', POLICY_ID));
    if (policy.awsManaged) {
      throw new AwsError(
        'AccessDeniedException',
        'You can\u2019t delete an AWS managed policy.',
      );
    }
    if ((ctx.state.policyTargets.get(policy.id)?.size ?? 0) > 0) {
      throw new AwsError(
        'PolicyInUseException',
        'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
      );
    }
    removePolicy(ctx.state, policy.id);
    return {};
  },

  AttachPolicy: ctx => {
    const { root } = requireOrganization(ctx.state);
    const policy = findPolicy(ctx, ctx.input.string('PolicyId', POLICY_ID));
    const targetId = ctx.input.string('TargetId', TARGET_ID);
    findTarget(ctx, targetId);
    if (!root.policyTypes.includes(policy.type)) throw policyTypeNotEnabled();
    const attached = ctx.state.targetPolicies.get(targetId) ?? new Set();
    if (attached.has(policy.id)) {
      throw new AwsError(
        'DuplicatePolicyAttachmentException',
        'The selected policy is already attached to the specified target.',
      );
    }
    if (
      sameType(ctx, attached, policy.type) >= maxPoliciesPerTarget(policy.type)
    ) {
      throw constraint(
        'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
        'You attempted to exceed the number of policies of a certain type that can be attached to an entity at one time.',
      );
    }
    attachPolicy(ctx.state, policy.id, targetId);
    return {};
  },

  DetachPolicy: ctx => {
    requireOrganization(ctx.state);
    const policy = findPolicy(ctx, ctx.input.string('PolicyId', POLICY_ID));
    const targetId = ctx.input.string('TargetId', TARGET_ID);
    findTarget(ctx, targetId);
    const attached = ctx.state.targetPolicies.get(targetId) ?? new Set();
    if (!attached.has(policy.id)) {
      throw new AwsError(
        'PolicyNotAttachedException',
        'The policy isn\u2019t attached to the specified target in the specified root.',
      );
    }
    const managed = awsManagedPolicyOf(policy.type);
    // RCPFullAWSAccess: "You cannot detach this policy" (RCP syntax). AWS
    // does not document the error; the emulator answers the minimum
    // attachment constraint, as for the last SCP of a target.
    const lastScp =
      managed?.detachable === true &&
      sameType(ctx, attached, policy.type) === 1;
    const undetachable =
      managed?.detachable === false && policy.id === managed.id;
    if (lastScp || undetachable) {
      throw constraint(
        'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
        'You attempted to detach the last policy of a certain type from an entity.',
      );
    }
    detachPolicy(ctx.state, policy.id, targetId);
    return {};
  },

  TagResource: ctx => {
    requireOrganization(ctx.state);
    const id = ctx.input.string('ResourceId', RESOURCE_ID);
    findTaggable(ctx, id);
    setTags(ctx.state, id, ctx.input.tags());
    return {};
  },

  UntagResource: ctx => {
    requireOrganization(ctx.state);
    const id = ctx.input.string('ResourceId', RESOURCE_ID);
    findTaggable(ctx, id);
    const tags = { ...ctx.state.tags.get(id) };
    for (const key of ctx.input.array('TagKeys')) delete tags[String(key)];
    ctx.state.tags.set(id, tags);
    return {};
  },
};
