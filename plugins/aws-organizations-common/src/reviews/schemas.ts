/**
 * zod schemas of the access reviews' request bodies and queries: the
 * backend validates with them, the frontend derives its types from them.
 */
import { z } from 'zod';
import { normalizeEntityRef } from '../entityNames';
import {
  awsAccountIdSchema,
  pagingQuerySchema,
  unitIdSchema,
} from '../querySchemas';
import {
  REMEDIATION_STATUSES,
  REVIEW_CAMPAIGN_STATUSES,
  REVIEW_DECISION_KINDS,
  REVIEW_ITEM_STATES,
  REVIEW_RECURRENCE_INTERVALS,
} from './types';

/** Longest reason a decision takes. @public */
export const MAX_REVIEW_REASON_LENGTH = 2000;

/** Most items one bulk decision or hand-over takes. @public */
export const MAX_REVIEW_BULK_ITEMS = 1000;

/** Most OUs or accounts a campaign's scope lists. @public */
export const MAX_REVIEW_SCOPE_ENTRIES = 1000;

const id = z
  .string()
  .max(20, 'must be an id')
  .regex(/^[1-9]\d*$/, 'must be an id');

const teamRef = z
  .string()
  .max(255, 'must be at most 255 characters')
  .transform((value, ctx) => {
    const ref = normalizeEntityRef(value, { defaultKind: 'group' });
    if (ref === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be an entity ref' });
      return z.NEVER;
    }
    return ref;
  });

const isoDate = z
  .string()
  .max(40, 'must be an ISO 8601 date')
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
    'must be an ISO 8601 date',
  )
  .refine(s => !Number.isNaN(new Date(s).getTime()), 'must be a valid date');

const reason = z
  .string()
  .max(
    MAX_REVIEW_REASON_LENGTH,
    `must be at most ${MAX_REVIEW_REASON_LENGTH} characters`,
  )
  .transform(s => s.trim());

/** The items one decision or hand-over is about. */
const itemIds = z
  .array(id)
  .min(1, 'must name at least one item')
  .max(
    MAX_REVIEW_BULK_ITEMS,
    `must name at most ${MAX_REVIEW_BULK_ITEMS} items`,
  );

const booleanText = z
  .enum(['true', 'false'])
  .transform(value => value === 'true');

// Enums with their object types written out (see querySchemas.ts: inferred
// member order flips the API report between builds).
const decisionKindSchema: z.ZodEnum<{ keep: 'keep'; revoke: 'revoke' }> =
  z.enum(REVIEW_DECISION_KINDS);
const itemStateSchema: z.ZodEnum<{
  pending: 'pending';
  kept: 'kept';
  revoked: 'revoked';
}> = z.enum(REVIEW_ITEM_STATES);
const campaignStatusSchema: z.ZodEnum<{ active: 'active'; closed: 'closed' }> =
  z.enum(REVIEW_CAMPAIGN_STATUSES);
const remediationStatusSchema: z.ZodEnum<{ open: 'open'; closed: 'closed' }> =
  z.enum(REMEDIATION_STATUSES);
const intervalSchema: z.ZodEnum<{
  monthly: 'monthly';
  quarterly: 'quarterly';
  semiannually: 'semiannually';
  annually: 'annually';
}> = z.enum(REVIEW_RECURRENCE_INTERVALS);
const permissionSetsSchema: z.ZodEnum<{
  privileged: 'privileged';
  all: 'all';
}> = z.enum(['privileged', 'all']);

/**
 * Body of `POST /reviews/campaigns`. `scope` defaults to the whole
 * organization, every permission set, no role reach; `dueAt` must be in the
 * future; `recurrence` starts the next campaign of the series by itself,
 * each due as long after its start as this one.
 *
 * @public
 */
export const createReviewCampaignRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters'),
    scope: z
      .object({
        organizationalUnitIds: z
          .array(unitIdSchema)
          .max(MAX_REVIEW_SCOPE_ENTRIES)
          .default([]),
        accountIds: z
          .array(awsAccountIdSchema)
          .max(MAX_REVIEW_SCOPE_ENTRIES)
          .default([]),
        permissionSets: permissionSetsSchema.default('all'),
        roleReach: z.boolean().default(false),
      })
      .strict()
      .default({
        organizationalUnitIds: [],
        accountIds: [],
        permissionSets: 'all',
        roleReach: false,
      }),
    dueAt: isoDate,
    recurrence: z.object({ interval: intervalSchema }).strict().optional(),
  })
  .strict();

/** The body of `POST /reviews/campaigns` as given. @public */
export type CreateReviewCampaignRequest = z.input<
  typeof createReviewCampaignRequestSchema
>;

/**
 * Body of `POST /reviews/decisions`: keep or revoke one or more items
 * (all or none are recorded). A reason is required to keep a privileged
 * item.
 *
 * @public
 */
export const reviewDecisionRequestSchema = z
  .object({
    itemIds,
    decision: decisionKindSchema,
    reason: reason.optional(),
  })
  .strict();

/** The body of `POST /reviews/decisions`. @public */
export type ReviewDecisionRequest = z.input<typeof reviewDecisionRequestSchema>;

/**
 * Body of `POST /reviews/handovers`: hand pending items to another team.
 *
 * @public
 */
export const reviewHandoverRequestSchema = z
  .object({
    itemIds,
    toTeamRef: teamRef,
    reason: reason.optional(),
  })
  .strict();

/** The body of `POST /reviews/handovers`. @public */
export type ReviewHandoverRequest = z.input<typeof reviewHandoverRequestSchema>;

/** Query of `GET /reviews/campaigns`. @public */
export const reviewCampaignsQuerySchema = z
  .object({
    status: campaignStatusSchema.optional(),
    ...pagingQuerySchema.shape,
  })
  .strict();

/** Values of {@link reviewCampaignsQuerySchema}. @public */
export type ReviewCampaignsQuery = z.output<typeof reviewCampaignsQuerySchema>;

/**
 * Query of `GET /reviews/items` (across active campaigns, or `campaignId`)
 * and `GET /reviews/campaigns/:id/items`: `mine=true` keeps the items
 * assigned to the caller's teams; `team` those assigned to one team; `q`
 * matches account, permission set and principal names and ids.
 *
 * @public
 */
export const reviewItemsQuerySchema = z
  .object({
    campaignId: id.optional(),
    mine: booleanText.optional(),
    state: itemStateSchema.optional(),
    accountId: awsAccountIdSchema.optional(),
    team: teamRef.optional(),
    privileged: booleanText.optional(),
    q: z.string().max(200, 'must be at most 200 characters').optional(),
    ...pagingQuerySchema.shape,
  })
  .strict();

/** Values of {@link reviewItemsQuerySchema}. @public */
export type ReviewItemsQuery = z.output<typeof reviewItemsQuerySchema>;

/** Query of `GET /reviews/remediations`. @public */
export const remediationsQuerySchema = z
  .object({
    campaignId: id.optional(),
    accountId: awsAccountIdSchema.optional(),
    status: remediationStatusSchema.optional(),
    ...pagingQuerySchema.shape,
  })
  .strict();

/** Values of {@link remediationsQuerySchema}. @public */
export type RemediationsQuery = z.output<typeof remediationsQuerySchema>;

/** Query of `GET /reviews/teams/progress`. @public */
export const teamReviewsQuerySchema = z.object({ team: teamRef }).strict();

/** Path parameter of the routes taking a campaign or item id. @public */
export const reviewIdSchema = id;
