/**
 * Names and refs of the catalog entities of the AWS Organizations plugins:
 * the one definition the catalog module emits, the backend links to and
 * the frontend links to.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { awsAccountEntityName } from './accounts';
import { AWS_ENTITY_NAME_PREFIX } from './constants';

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
 * survive renames. The backend and the frontend use them too, to link to
 * the entities (see {@link awsEntityRefs}).
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

/**
 * Catalog refs of the entities the catalog module emits, in a namespace:
 * `resource:<namespace>/<name>` for AWS resources, `group:` and `user:` for
 * the Identity Center principals it emits when the catalog lacks them.
 *
 * @public
 */
export interface AwsEntityRefs {
  account(accountId: string): string;
  organizationRoot(rootId: string): string;
  organizationalUnit(unitId: string): string;
  /** A root (`r-...`) or OU (`ou-...`) id. */
  organizationNode(id: string): string;
  serviceControlPolicy(policyId: string): string;
  permissionSet(permissionSetArn: string): string;
  identityCenterGroup(groupId: string): string;
  identityCenterUser(userId: string): string;
}

/**
 * The refs of {@link awsEntityNames} in a catalog namespace.
 *
 * @public
 */
export function awsEntityRefs(namespace = 'default'): AwsEntityRefs {
  const ref = (kind: string, name: string) =>
    stringifyEntityRef({ kind, namespace, name });
  const resource = (name: string) => ref('resource', name);
  return {
    account: id => resource(awsEntityNames.account(id)),
    organizationRoot: id => resource(awsEntityNames.organizationRoot(id)),
    organizationalUnit: id => resource(awsEntityNames.organizationalUnit(id)),
    organizationNode: id =>
      resource(
        id.startsWith('r-')
          ? awsEntityNames.organizationRoot(id)
          : awsEntityNames.organizationalUnit(id),
      ),
    serviceControlPolicy: id =>
      resource(awsEntityNames.serviceControlPolicy(id)),
    permissionSet: arn => resource(awsEntityNames.permissionSet(arn)),
    identityCenterGroup: id =>
      ref('group', awsEntityNames.identityCenterGroup(id)),
    identityCenterUser: id =>
      ref('user', awsEntityNames.identityCenterUser(id)),
  };
}

/**
 * An entity ref in its one comparable form: parsed with the given defaults,
 * stringified and lower-cased (refs are case-insensitive). Undefined when
 * the value is not an entity ref.
 *
 * @public
 */
export function normalizeEntityRef(
  value: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, defaults),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
