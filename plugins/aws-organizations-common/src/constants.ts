/**
 * Annotation holding the 12-digit AWS account id. Shared with the upstream
 * AWS catalog modules: any entity carrying it (a service, an EKS cluster) is
 * linked to the account entity of that id.
 *
 * @public
 */
export const ANNOTATION_AWS_ACCOUNT_ID = 'amazonaws.com/account-id';

/** Annotation holding the ARN of the AWS resource an entity describes. @public */
export const ANNOTATION_AWS_ARN = 'amazonaws.com/arn';

/** Annotation holding the AWS Organization id (`o-...`). @public */
export const ANNOTATION_AWS_ORGANIZATION_ID = 'amazonaws.com/organization-id';

/** Annotation holding an organizational unit or root id (`ou-...`, `r-...`). @public */
export const ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID =
  'amazonaws.com/organizational-unit-id';

/** Annotation holding a service control policy id (`p-...`). @public */
export const ANNOTATION_AWS_POLICY_ID = 'amazonaws.com/policy-id';

/** Annotation holding an IAM Identity Center permission set ARN. @public */
export const ANNOTATION_AWS_PERMISSION_SET_ARN =
  'amazonaws.com/permission-set-arn';

/**
 * `spec.type` values of the Resource entities this plugin family emits.
 * Accounts use `cloud-account` for interoperability with the upstream AWS
 * catalog module.
 *
 * @public
 */
export const AWS_ENTITY_TYPES = {
  account: 'cloud-account',
  organizationRoot: 'aws-organization-root',
  organizationalUnit: 'aws-organizational-unit',
  serviceControlPolicy: 'aws-service-control-policy',
  resourceControlPolicy: 'aws-resource-control-policy',
  permissionSet: 'aws-permission-set',
} as const;

/**
 * Relation types emitted by the catalog module, in pairs (each relation and
 * its reverse), so that catalog-graph can draw both directions.
 *
 * @public
 */
export const AWS_RELATIONS = {
  /** An SCP or RCP applies to a root, OU or account. */
  appliesTo: 'appliesTo',
  /** A root, OU or account is governed by an SCP or RCP. */
  governedBy: 'governedBy',
  /** A Group or User can reach an account (through a permission set). */
  hasAccessTo: 'hasAccessTo',
  /** An account can be reached by a Group or User. */
  accessibleBy: 'accessibleBy',
  /** A service or other entity runs in an account. */
  runsIn: 'runsIn',
  /** An account hosts a service or other entity. */
  hosts: 'hosts',
  /** A permission set is provisioned in an account (assigned there). */
  provisionedIn: 'provisionedIn',
  /** An account has a permission set provisioned in it. */
  hasPermissionSet: 'hasPermissionSet',
} as const;

/** Entity name prefixes, so that names stay stable across renames (id based). @public */
export const AWS_ENTITY_NAME_PREFIX = {
  account: 'aws-account-',
  organizationalUnit: 'aws-ou-',
  organizationRoot: 'aws-root-',
  serviceControlPolicy: 'aws-scp-',
  resourceControlPolicy: 'aws-rcp-',
  permissionSet: 'aws-permission-set-',
  /** Identity Center groups emitted for principals the catalog lacks. */
  identityCenterGroup: 'aws-group-',
  /** Identity Center users emitted for principals the catalog lacks. */
  identityCenterUser: 'aws-user-',
} as const;

/**
 * Label holding an account's state, lower-cased (`active`, `suspended`,
 * `pending-closure`, ...).
 *
 * @public
 */
export const LABEL_AWS_ACCOUNT_STATE = 'amazonaws.com/account-state';

/**
 * Label saying where an entity's owner came from: `account-tag`, `ou-tag`,
 * `resource-tag` (an SCP's or permission set's own tag), `default` (the
 * backend's configured default) or `none` (the catalog module's fallback
 * owner).
 *
 * @public
 */
export const LABEL_AWS_OWNER_SOURCE = 'amazonaws.com/owner-source';

/** Label set to `true` on AWS-managed service control policies. @public */
export const LABEL_AWS_MANAGED = 'amazonaws.com/aws-managed';

/**
 * Events topic the backend publishes to when a new snapshot became current;
 * the catalog module refreshes on it.
 *
 * @public
 */
export const AWS_ORGANIZATIONS_SNAPSHOT_TOPIC = 'aws-organizations.snapshot';
