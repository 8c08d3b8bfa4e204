import {
  awsAccountEntityName,
  AWS_ENTITY_NAME_PREFIX,
} from '@aws-governance/plugin-aws-organizations-common';

/** Longest entity name the catalog accepts. */
const MAX_NAME_LENGTH = 63;

/**
 * FNV-1a, 32 bits, as 8 hex digits: a short, stable, dependency-free
 * fingerprint that tells apart ids which share a truncated prefix.
 */
function fingerprint(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A catalog entity name from a prefix and an AWS id: lower-cased, every run of
 * characters outside `[a-z0-9]` turned into one `-`. When the result exceeds
 * 63 characters it is cut and suffixed with a fingerprint of the id, so it
 * stays unique and stable.
 *
 * @public
 */
export function awsEntityName(prefix: string, id: string): string {
  const cleaned = id
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!cleaned) {
    throw new TypeError(`Cannot make an entity name from the id "${id}"`);
  }
  const name = `${prefix}${cleaned}`;
  if (name.length <= MAX_NAME_LENGTH) {
    return name;
  }
  const head = name.slice(0, MAX_NAME_LENGTH - 9).replace(/-+$/, '');
  return `${head}-${fingerprint(id)}`;
}

function withoutPrefix(id: string, prefix: string): string {
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

/**
 * Entity names of everything the catalog module emits, id based so they
 * survive renames. The backend uses them too, to link to the entities.
 *
 * @public
 */
export const awsEntityNames = {
  /** `aws-account-<12 digits>`. */
  account: (accountId: string) => awsAccountEntityName(accountId),
  /** `r-ab12` → `aws-root-ab12`. */
  organizationRoot: (rootId: string) =>
    awsEntityName(
      AWS_ENTITY_NAME_PREFIX.organizationRoot,
      withoutPrefix(rootId, 'r-'),
    ),
  /** `ou-ab12-cd34ef56` → `aws-ou-ab12-cd34ef56`. */
  organizationalUnit: (unitId: string) =>
    awsEntityName(
      AWS_ENTITY_NAME_PREFIX.organizationalUnit,
      withoutPrefix(unitId, 'ou-'),
    ),
  /** `p-FullAWSAccess` → `aws-scp-fullawsaccess`, `p-abcd1234` → `aws-scp-abcd1234`. */
  serviceControlPolicy: (policyId: string) =>
    awsEntityName(
      AWS_ENTITY_NAME_PREFIX.serviceControlPolicy,
      withoutPrefix(policyId, 'p-'),
    ),
  /** `p-RCPFullAWSAccess` → `aws-rcp-rcpfullawsaccess`. */
  resourceControlPolicy: (policyId: string) =>
    awsEntityName(
      AWS_ENTITY_NAME_PREFIX.resourceControlPolicy,
      withoutPrefix(policyId, 'p-'),
    ),
  /**
   * `arn:aws:sso:::permissionSet/ssoins-…/ps-0123456789abcdef` →
   * `aws-permission-set-0123456789abcdef`.
   */
  permissionSet: (permissionSetArn: string) => {
    const match = /:permissionSet\/[^/]+\/(.+)$/.exec(permissionSetArn);
    if (!match) {
      throw new TypeError(
        `Invalid permission set ARN "${permissionSetArn}": expected arn:…:permissionSet/<instance>/<id>`,
      );
    }
    return awsEntityName(
      AWS_ENTITY_NAME_PREFIX.permissionSet,
      withoutPrefix(match[1], 'ps-'),
    );
  },
  /** Identity Store group id → `aws-group-<id>`. */
  identityCenterGroup: (groupId: string) =>
    awsEntityName(AWS_ENTITY_NAME_PREFIX.identityCenterGroup, groupId),
  /** Identity Store user id → `aws-user-<id>`. */
  identityCenterUser: (userId: string) =>
    awsEntityName(AWS_ENTITY_NAME_PREFIX.identityCenterUser, userId),
} as const;
