/**
 * The account-scoped permissions' conditions: rules a permission policy
 * uses in conditional decisions on {@link AWS_ACCOUNT_RESOURCE_TYPE}
 * (findings, review decisions), e.g. "the user is a member of the account's
 * owner team". The backend plugin registers them with the permissions
 * registry; an adopter's policy imports `awsAccountConditions`.
 *
 * @example
 * ```ts
 * if (isResourcePermission(request.permission, AWS_ACCOUNT_RESOURCE_TYPE)) {
 *   return createAwsAccountConditionalDecision(
 *     request.permission,
 *     awsAccountConditions.isAccountOwner({
 *       claims: user.info.ownershipEntityRefs,
 *     }),
 *   );
 * }
 * ```
 */
import { AWS_ACCOUNT_RESOURCE_TYPE } from '@aws-governance/plugin-aws-organizations-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
  makeCreatePermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/**
 * An account as the permission rules see it: its id and the entity ref of
 * its owner (as the backend resolved it; absent when unresolved).
 *
 * @public
 */
export interface AwsAccountPermissionResource {
  accountId: string;
  /** e.g. `group:default/payments`; absent when the owner is unresolved. */
  ownerRef?: string;
  /**
   * Teams holding pending access review items of the account in active
   * campaigns: its owner team and the teams items were handed to.
   */
  reviewerRefs?: string[];
}

/**
 * A filter over accounts (for lists: which accounts a conditional decision
 * admits): accounts whose `property` is one of `values`.
 *
 * @public
 */
export interface AwsAccountPermissionQuery {
  /** `reviewerRef` matches when any of the account's reviewer refs is one of `values`. */
  property: 'ownerRef' | 'accountId' | 'reviewerRef';
  values: string[];
}

/** The resource ref of the account resource type. @public */
export const awsAccountPermissionResourceRef = createPermissionResourceRef<
  AwsAccountPermissionResource,
  AwsAccountPermissionQuery
>().with({
  pluginId: 'aws-organizations',
  resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
});

const createAwsAccountPermissionRule = makeCreatePermissionRule<
  AwsAccountPermissionResource,
  AwsAccountPermissionQuery,
  typeof AWS_ACCOUNT_RESOURCE_TYPE
>();

/**
 * The user owns the account: one of the user's ownership refs (the user
 * and the groups they are a member of, as the sign-in resolver put them in
 * `ownershipEntityRefs`) is the account's owner. An account whose owner is
 * unresolved is owned by nobody.
 *
 * @public
 */
export const isAccountOwner = createAwsAccountPermissionRule({
  name: 'IS_ACCOUNT_OWNER',
  description:
    "Allow when the user or one of the user's groups is the account's owner",
  resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        "The user's ownership entity refs, e.g. user.info.ownershipEntityRefs",
      ),
  }),
  apply: (resource, { claims }) =>
    resource.ownerRef !== undefined &&
    claims.map(normalizeRef).includes(normalizeRef(resource.ownerRef)),
  toQuery: ({ claims }) => ({
    property: 'ownerRef',
    values: claims.map(normalizeRef),
  }),
});

/**
 * The account is one of the given account ids (e.g. a policy granting a
 * security team's findings for the log archive account).
 *
 * @public
 */
export const isAccountIn = createAwsAccountPermissionRule({
  name: 'IS_ACCOUNT_IN',
  description: 'Allow when the account is one of the given account ids',
  resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
  paramsSchema: z.object({
    accountIds: z.array(z.string()).describe('12-digit AWS account ids'),
  }),
  apply: (resource, { accountIds }) => accountIds.includes(resource.accountId),
  toQuery: ({ accountIds }) => ({ property: 'accountId', values: accountIds }),
});

/**
 * The user's team reviews the account: one of the user's ownership refs
 * holds a pending access review item of the account (as its owner team, or
 * because the item was handed to it). Used beside {@link isAccountOwner} for
 * `aws-organizations.review.decide`, so that a team an item was handed to
 * may decide it.
 *
 * @public
 */
export const isAccountReviewer = createAwsAccountPermissionRule({
  name: 'IS_ACCOUNT_REVIEWER',
  description:
    "Allow when the user or one of the user's groups holds a pending review item of the account",
  resourceType: AWS_ACCOUNT_RESOURCE_TYPE,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        "The user's ownership entity refs, e.g. user.info.ownershipEntityRefs",
      ),
  }),
  apply: (resource, { claims }) => {
    const mine = new Set(claims.map(normalizeRef));
    return (resource.reviewerRefs ?? []).some(ref =>
      mine.has(normalizeRef(ref)),
    );
  },
  toQuery: ({ claims }) => ({
    property: 'reviewerRef',
    values: claims.map(normalizeRef),
  }),
});

/** Every rule on the account resource type. @public */
export const awsAccountPermissionRules = {
  isAccountOwner,
  isAccountIn,
  isAccountReviewer,
};

const exported = createConditionExports({
  resourceRef: awsAccountPermissionResourceRef,
  rules: awsAccountPermissionRules,
});

/** Condition factories for policies: `awsAccountConditions.isAccountOwner({ claims })`. @public */
export const awsAccountConditions = exported.conditions;

/** Wraps conditions into a conditional decision on an account permission. @public */
export const createAwsAccountConditionalDecision =
  exported.createConditionalDecision;

/**
 * Whether an account passes a filter built from a conditional decision's
 * conditions by the rules' `toQuery` (`createConditionTransformer`), for
 * lists filtered in memory: allOf, anyOf and not as the permission
 * framework defines them.
 *
 * @public
 */
export function matchesAwsAccountQuery(
  resource: AwsAccountPermissionResource,
  query: PermissionCriteria<AwsAccountPermissionQuery>,
): boolean {
  if (isAndCriteria(query)) {
    return query.allOf.every(q => matchesAwsAccountQuery(resource, q));
  }
  if (isOrCriteria(query)) {
    return query.anyOf.some(q => matchesAwsAccountQuery(resource, q));
  }
  if (isNotCriteria(query)) {
    return !matchesAwsAccountQuery(resource, query.not);
  }
  if (query.property === 'reviewerRef') {
    return (resource.reviewerRefs ?? []).some(ref =>
      query.values.includes(normalizeRef(ref)),
    );
  }
  const value =
    query.property === 'ownerRef'
      ? resource.ownerRef && normalizeRef(resource.ownerRef)
      : resource.accountId;
  return value !== undefined && query.values.includes(value);
}

/** Entity refs compare case-insensitively (catalog semantics). */
function normalizeRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}
