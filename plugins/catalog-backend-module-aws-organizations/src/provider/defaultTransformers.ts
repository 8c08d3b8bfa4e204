import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_ORGANIZATION_ID,
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID,
  ANNOTATION_AWS_PERMISSION_SET_ARN,
  ANNOTATION_AWS_POLICY_ID,
  AWS_ENTITY_TYPES,
  isUnknown,
  LABEL_AWS_ACCOUNT_STATE,
  LABEL_AWS_MANAGED,
  LABEL_AWS_OWNER_SOURCE,
  Tags,
  Knowable,
  awsEntityNames,
  summarizeScp,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountTransformer,
  AwsOrganizationalUnitTransformer,
  AwsOrganizationRootTransformer,
  AwsOrganizationsOwner,
  AwsPermissionSetTransformer,
  AwsPrincipalTransformer,
  AwsResourceControlPolicyTransformer,
  AwsServiceControlPolicyTransformer,
} from '@aws-governance/plugin-aws-organizations-node';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { accountAccessGrants, accountPermissionSets } from './accessGrants';

/**
 * The transformers the module uses unless a module replaces them through
 * `awsOrganizationsCatalogExtensionPoint`.
 *
 * @public
 */
export interface AwsOrganizationsTransformers {
  account: AwsAccountTransformer;
  organizationalUnit: AwsOrganizationalUnitTransformer;
  organizationRoot: AwsOrganizationRootTransformer;
  serviceControlPolicy: AwsServiceControlPolicyTransformer;
  resourceControlPolicy: AwsResourceControlPolicyTransformer;
  permissionSet: AwsPermissionSetTransformer;
  principal: AwsPrincipalTransformer;
}

/** A value of an entity's spec. */
type JsonValue = NonNullable<Entity['spec']>[string];

/**
 * Snapshot data typed as entity JSON: it is plain JSON already (it came
 * over HTTP), its interfaces just lack index signatures.
 */
function json(value: object | null): JsonValue {
  return value as unknown as JsonValue;
}

function ownerLabels(owner: AwsOrganizationsOwner): Record<string, string> {
  return { [LABEL_AWS_OWNER_SOURCE]: owner.source };
}

/** AWS tags when they were read; omitted when unknown. */
function knownTags(tags: Knowable<Tags>): { awsTags?: JsonValue } {
  return isUnknown(tags) ? {} : { awsTags: json(tags) };
}

/**
 * A policy document as JSON when it parses, else the raw text and the
 * parse error.
 */
function policyDocument(content: string): {
  document: JsonValue;
  documentParseError?: string;
} {
  try {
    return { document: JSON.parse(content) };
  } catch (error) {
    return { document: content, documentParseError: (error as Error).message };
  }
}

/**
 * Account → `Resource` of `spec.type: cloud-account`, named
 * `aws-account-<id>`, titled with the account name. `spec.accessGrants`
 * holds the assignments of groups only (team-level reachability) and
 * `spec.permissionSets` every permission set assigned in the account; no
 * user grant and no member list: which people hold grants stays behind
 * `aws-organizations.access.read` in the backend's API.
 *
 * @public
 */
export const defaultAccountTransformer: AwsAccountTransformer = async (
  account,
  context,
) => {
  const { snapshot } = context.envelope;
  const owner = context.accountOwner(account.id);
  const management = account.id === snapshot.organization.managementAccountId;
  const state = account.state.toLocaleLowerCase('en-US').replace(/_/g, '-');
  const links = [];
  if (snapshot.identityCenter.status === 'available') {
    links.push({
      url: `https://${snapshot.identityCenter.identityStoreId}.awsapps.com/start`,
      title: 'AWS access portal',
      icon: 'dashboard',
    });
  }
  links.push({
    url: `https://${account.id}.signin.aws.amazon.com/console`,
    title: 'AWS console sign-in',
    icon: 'cloud',
  });
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: awsEntityNames.account(account.id),
      namespace: context.namespace,
      title: account.name,
      description: `AWS account ${account.name} (${account.id}), ${state}${
        management ? ', the management account of the organization' : ''
      }.`,
      annotations: {
        [ANNOTATION_AWS_ACCOUNT_ID]: account.id,
        [ANNOTATION_AWS_ARN]: account.arn,
        [ANNOTATION_AWS_ORGANIZATION_ID]: snapshot.organization.id,
      },
      labels: { [LABEL_AWS_ACCOUNT_STATE]: state, ...ownerLabels(owner) },
      links,
    },
    spec: {
      type: AWS_ENTITY_TYPES.account,
      owner: owner.ref,
      parent: context.refs.parent(account.parentId),
      state: account.state,
      managementAccount: management,
      joinedMethod: account.joinedMethod,
      joinedTimestamp: account.joinedTimestamp,
      ...knownTags(account.tags),
      accessGrants: json(accountAccessGrants(account.id, context)),
      permissionSets: accountPermissionSets(account.id, context),
    },
  };
};

/**
 * Organizational unit → `Resource` of `spec.type: aws-organizational-unit`,
 * named `aws-ou-<id>`.
 *
 * @public
 */
export const defaultOrganizationalUnitTransformer: AwsOrganizationalUnitTransformer =
  async (unit, context) => {
    const { snapshot } = context.envelope;
    const owner = context.unitOwner(unit.id);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: awsEntityNames.organizationalUnit(unit.id),
        namespace: context.namespace,
        title: unit.name,
        description: `AWS organizational unit ${unit.name} (${unit.id}).`,
        annotations: {
          [ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID]: unit.id,
          [ANNOTATION_AWS_ARN]: unit.arn,
          [ANNOTATION_AWS_ORGANIZATION_ID]: snapshot.organization.id,
        },
        labels: ownerLabels(owner),
      },
      spec: {
        type: AWS_ENTITY_TYPES.organizationalUnit,
        owner: owner.ref,
        parent: context.refs.parent(unit.parentId),
        ...knownTags(unit.tags),
      },
    };
  };

/**
 * Organization root → `Resource` of `spec.type: aws-organization-root`,
 * named `aws-root-<id>`.
 *
 * @public
 */
export const defaultOrganizationRootTransformer: AwsOrganizationRootTransformer =
  async (root, context) => {
    const { organization } = context.envelope.snapshot;
    const owner = context.unitOwner(root.id);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: awsEntityNames.organizationRoot(root.id),
        namespace: context.namespace,
        title: `AWS organization ${organization.id}`,
        description: `Root (${root.id}) of the AWS organization ${organization.id}, managed from account ${organization.managementAccountId}.`,
        annotations: {
          [ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID]: root.id,
          [ANNOTATION_AWS_ARN]: root.arn,
          [ANNOTATION_AWS_ORGANIZATION_ID]: organization.id,
        },
        labels: ownerLabels(owner),
        links: [
          {
            url: 'https://console.aws.amazon.com/organizations/v2/home',
            title: 'AWS Organizations console',
            icon: 'cloud',
          },
        ],
      },
      spec: {
        type: AWS_ENTITY_TYPES.organizationRoot,
        owner: owner.ref,
        organization: {
          id: organization.id,
          arn: organization.arn,
          featureSet: organization.featureSet,
          managementAccountId: organization.managementAccountId,
          managementAccount: context.refs.account(
            organization.managementAccountId,
          ),
          enabledPolicyTypes: organization.enabledPolicyTypes,
        },
        ...knownTags(root.tags),
      },
    };
  };

/**
 * Service control policy → `Resource` of
 * `spec.type: aws-service-control-policy`, named `aws-scp-<id>`, with its document,
 * targets and tags. Owned by its own owner tag, else by the root's owner:
 * SCPs are organization-wide.
 *
 * `spec.summary` holds one plain-language sentence per statement, from the
 * SCP evaluator's `summarizeScp`; the description is the policy's own, or
 * that summary when it has none.
 *
 * @public
 */
export const defaultServiceControlPolicyTransformer: AwsServiceControlPolicyTransformer =
  async (policy, context) => {
    const summary = summarizeScp(policy.content);
    return policyEntity(policy, context, {
      name: awsEntityNames.serviceControlPolicy(policy.id),
      type: AWS_ENTITY_TYPES.serviceControlPolicy,
      description: `Service control policy ${policy.name} (${policy.id}): ${summary.sentence}.`,
      summary: summary.ok
        ? summary.statements.map(statement => statement.sentence)
        : [summary.sentence],
    });
  };

/**
 * Resource control policy → `Resource` of
 * `spec.type: aws-resource-control-policy`, named `aws-rcp-<id>`, with its
 * document, targets and tags, like an SCP (`appliesTo` its targets). Owned
 * by its own owner tag, else by the root's owner.
 *
 * @public
 */
export const defaultResourceControlPolicyTransformer: AwsResourceControlPolicyTransformer =
  async (policy, context) =>
    policyEntity(policy, context, {
      name: awsEntityNames.resourceControlPolicy(policy.id),
      type: AWS_ENTITY_TYPES.resourceControlPolicy,
      description: `Resource control policy ${policy.name} (${policy.id}).`,
    });

/**
 * The entity of an SCP or an RCP: its document, targets (`appliesTo`) and
 * tags, owned by its own owner tag, else by the root's owner; the policy's
 * own description, else `kind.description`.
 */
function policyEntity(
  policy: Parameters<AwsServiceControlPolicyTransformer>[0],
  context: Parameters<AwsServiceControlPolicyTransformer>[1],
  kind: { name: string; type: string; description: string; summary?: string[] },
): Entity {
  const { snapshot } = context.envelope;
  const owner = context.policyOwner(policy.id);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: kind.name,
      namespace: context.namespace,
      title: policy.name,
      description: policy.description.trim() || kind.description,
      annotations: {
        [ANNOTATION_AWS_POLICY_ID]: policy.id,
        [ANNOTATION_AWS_ARN]: policy.arn,
        [ANNOTATION_AWS_ORGANIZATION_ID]: snapshot.organization.id,
      },
      labels: {
        [LABEL_AWS_MANAGED]: String(policy.awsManaged),
        ...ownerLabels(owner),
      },
    },
    spec: {
      type: kind.type,
      owner: owner.ref,
      awsManaged: policy.awsManaged,
      ...policyDocument(policy.content),
      ...(kind.summary ? { summary: kind.summary } : {}),
      targets: policy.targets.map(target =>
        target.type === 'ACCOUNT'
          ? context.refs.account(target.targetId)
          : context.refs.parent(target.targetId),
      ),
      ...(policy.tags ? knownTags(policy.tags) : {}),
    },
  };
}

/**
 * Permission set → `Resource` of `spec.type: aws-permission-set`, named
 * `aws-permission-set-<id>`, with its policies, boundary and session
 * duration. Owned by its own owner tag, else by the root's owner.
 *
 * @public
 */
export const defaultPermissionSetTransformer: AwsPermissionSetTransformer =
  async (permissionSet, context) => {
    const { snapshot } = context.envelope;
    const owner = context.permissionSetOwner(permissionSet.arn);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: awsEntityNames.permissionSet(permissionSet.arn),
        namespace: context.namespace,
        title: permissionSet.name,
        description:
          permissionSet.description?.trim() ||
          `IAM Identity Center permission set ${permissionSet.name}.`,
        annotations: {
          [ANNOTATION_AWS_PERMISSION_SET_ARN]: permissionSet.arn,
          [ANNOTATION_AWS_ARN]: permissionSet.arn,
          [ANNOTATION_AWS_ORGANIZATION_ID]: snapshot.organization.id,
        },
        labels: ownerLabels(owner),
      },
      spec: {
        type: AWS_ENTITY_TYPES.permissionSet,
        owner: owner.ref,
        sessionDuration: permissionSet.sessionDuration,
        ...(permissionSet.relayState
          ? { relayState: permissionSet.relayState }
          : {}),
        managedPolicies: json(permissionSet.managedPolicies),
        customerManagedPolicies: json(permissionSet.customerManagedPolicies),
        inlinePolicy:
          permissionSet.inlinePolicy === null
            ? null
            : policyDocument(permissionSet.inlinePolicy).document,
        permissionsBoundary: json(permissionSet.permissionsBoundary),
        ...knownTags(permissionSet.tags),
      },
    };
  };

/**
 * Identity Center group the catalog lacks → `Group`
 * (`spec.type: aws-identity-center-group`), named `aws-group-<id>`, without members:
 * who is in an Identity Center group is person-level detail, behind
 * `aws-organizations.access.read`. Users are not emitted (undefined): the
 * default account transformer lists no user grant for them to carry. A
 * replacement transformer may emit both (`index.groupMembers`,
 * `index.groupsOfUser`); the README says what that exposes.
 *
 * @public
 */
export const defaultPrincipalTransformer: AwsPrincipalTransformer = async (
  principal,
  context,
) => {
  const ref = context.refs.principal(principal.id);
  if (!ref || principal.type !== 'GROUP') {
    return undefined;
  }
  const { name } = parseEntityRef(ref);
  const group = context.index.groups.get(principal.id);
  const displayName = group?.displayName ?? principal.name;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: context.namespace,
      title: displayName,
      description:
        group?.description?.trim() ||
        `IAM Identity Center group ${displayName}, not otherwise in the catalog.`,
      annotations: {
        [ANNOTATION_AWS_ORGANIZATION_ID]:
          context.envelope.snapshot.organization.id,
      },
    },
    spec: {
      type: 'aws-identity-center-group',
      profile: { displayName },
      children: [],
      members: [],
    },
  };
};

/**
 * The default transformers, one per item type.
 *
 * @public
 */
export const defaultTransformers: AwsOrganizationsTransformers = {
  account: defaultAccountTransformer,
  organizationalUnit: defaultOrganizationalUnitTransformer,
  organizationRoot: defaultOrganizationRootTransformer,
  serviceControlPolicy: defaultServiceControlPolicyTransformer,
  resourceControlPolicy: defaultResourceControlPolicyTransformer,
  permissionSet: defaultPermissionSetTransformer,
  principal: defaultPrincipalTransformer,
};
