import {
  PrincipalType,
  PrivilegeLevel,
  ReviewItemKind,
  ReviewRoleReach,
} from '@aws-governance/plugin-aws-organizations-common';

/** An item as a campaign start builds it, before it has an id. */
export interface ItemDraft {
  kind: ReviewItemKind;
  accountId: string;
  accountName: string;
  permissionSetArn: string;
  permissionSetName: string;
  principalType: PrincipalType;
  principalId: string;
  principalName: string;
  principalRef?: string;
  memberCount: number;
  privileged: boolean;
  privilegeLevel?: PrivilegeLevel;
  /** The account's owner team (normalized ref); the item's first assignee. */
  ownerRef?: string;
  roleReach?: ReviewRoleReach;
}

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
