import type { ReviewItem } from '@aws-governance/plugin-aws-organizations-common';

/**
 * An item as a campaign start builds it, before it has an id: the fields of
 * {@link ReviewItem} a campaign pins (`ownerRef`, the account's owner team
 * as a normalized ref, is the item's first assignee).
 */
export type ItemDraft = Pick<
  ReviewItem,
  | 'kind'
  | 'accountId'
  | 'accountName'
  | 'permissionSetArn'
  | 'permissionSetName'
  | 'principalType'
  | 'principalId'
  | 'principalName'
  | 'principalRef'
  | 'memberCount'
  | 'privileged'
  | 'privilegeLevel'
  | 'ownerRef'
  | 'roleReach'
>;

/** A group member as the campaign's snapshot listed it. */
export interface MemberDraft {
  groupId: string;
  userId: string;
  userName: string;
  displayName?: string;
  ref?: string;
}

/** Who acts: the caller's entity ref (or a service's subject). */
export interface ReviewActor {
  ref: string;
  /** The caller's ownership refs (user and teams), normalized. */
  teams: string[];
  /** Holds `aws-organizations.review.admin`. */
  admin: boolean;
}
