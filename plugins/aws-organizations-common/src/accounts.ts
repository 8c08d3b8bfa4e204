import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AWS_ENTITY_NAME_PREFIX,
  AWS_ENTITY_TYPES,
} from './constants';

const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/**
 * Whether a string is a well-formed AWS account id (exactly 12 digits).
 *
 * @public
 */
export function isValidAwsAccountId(value: string): boolean {
  return ACCOUNT_ID_PATTERN.test(value);
}

/**
 * The catalog entity name of the account entity for an account id, e.g.
 * `aws-account-123456789012`. Id based, so it survives account renames.
 *
 * @public
 */
export function awsAccountEntityName(accountId: string): string {
  if (!isValidAwsAccountId(accountId)) {
    throw new TypeError(
      `Invalid AWS account id "${accountId}": expected 12 digits`,
    );
  }
  return `${AWS_ENTITY_NAME_PREFIX.account}${accountId}`;
}

/**
 * Reads the `amazonaws.com/account-id` annotation of an entity. Returns
 * undefined when absent and throws when it is present but malformed, so a
 * typo in a catalog-info.yaml is reported instead of silently ignored.
 *
 * @public
 */
export function getAwsAccountIdAnnotation(entity: Entity): string | undefined {
  const raw = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
  if (raw === undefined) {
    return undefined;
  }
  const value = raw.trim();
  if (!isValidAwsAccountId(value)) {
    throw new TypeError(
      `Annotation ${ANNOTATION_AWS_ACCOUNT_ID} of ${entity.kind}:${
        entity.metadata.namespace ?? 'default'
      }/${
        entity.metadata.name
      } is "${raw}": expected a 12-digit AWS account id`,
    );
  }
  return value;
}

/**
 * Whether an entity is an AWS account emitted by this plugin family (or the
 * upstream AWS module): a Resource of `spec.type: cloud-account` with an
 * account id annotation. Usable in EntitySwitch and in extension filters.
 *
 * @public
 */
export function isAwsAccountEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type ===
      AWS_ENTITY_TYPES.account &&
    Boolean(entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID])
  );
}
