import {
  CampaignProgress,
  Page,
  RemediationEntry,
  ReviewCampaign,
  ReviewItem,
} from '@aws-governance/plugin-aws-organizations-common';

export const campaign: ReviewCampaign = {
  id: '7',
  name: 'Q3 access review',
  status: 'active',
  scope: {
    organizationalUnitIds: [],
    accountIds: [],
    permissionSets: 'all',
    roleReach: false,
  },
  startedAt: '2026-11-01T10:00:00Z',
  startedBy: 'user:default/guest',
  dueAt: '2026-12-31T23:59:59Z',
  overdue: false,
  snapshot: { etag: 'e'.repeat(64), readAt: '2026-11-01T09:00:00Z' },
  progress: { total: 4, pending: 2, kept: 1, revoked: 1, percentDone: 50 },
};

export const overdueCampaign: ReviewCampaign = {
  ...campaign,
  id: '6',
  name: 'Q2 access review',
  dueAt: '2026-07-01T00:00:00Z',
  overdue: true,
  recurrence: { id: '2', interval: 'quarterly', cycle: 2 },
  progress: { total: 10, pending: 9, kept: 1, revoked: 0, percentDone: 10 },
};

export const progress: CampaignProgress = {
  campaignId: '7',
  overdue: false,
  total: campaign.progress,
  byTeam: [
    {
      teamRef: 'group:default/payments',
      total: 3,
      pending: 1,
      kept: 1,
      revoked: 1,
      percentDone: 66,
    },
    { total: 1, pending: 1, kept: 0, revoked: 0, percentDone: 0 },
  ],
};

const base: ReviewItem = {
  id: '101',
  campaignId: '7',
  kind: 'assignment',
  accountId: '724108355201',
  accountName: 'payments-dev',
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin',
  permissionSetName: 'AdministratorAccess',
  principalType: 'GROUP',
  principalId: 'g-payments',
  principalName: 'Payments',
  memberCount: 3,
  privileged: true,
  ownerRef: 'group:default/payments',
  assigneeRef: 'group:default/payments',
  state: 'pending',
  canDecide: true,
};

export const privilegedItem = base;
export const readOnlyItem: ReviewItem = {
  ...base,
  id: '102',
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro',
  permissionSetName: 'ReadOnlyAccess',
  principalType: 'USER',
  principalId: 'u-tom',
  principalName: 'tom.okafor',
  memberCount: 1,
  privileged: false,
};
export const otherTeamItem: ReviewItem = {
  ...base,
  id: '103',
  accountId: '735519466301',
  accountName: 'checkout-dev',
  ownerRef: 'group:default/checkout',
  assigneeRef: 'group:default/checkout',
  canDecide: false,
};
export const keptItem: ReviewItem = {
  ...readOnlyItem,
  id: '104',
  state: 'kept',
  canDecide: false,
  decision: {
    id: '9',
    itemId: '104',
    campaignId: '7',
    kind: 'keep',
    decidedBy: 'user:default/priya.patel',
    decidedAt: '2026-11-02T10:00:00Z',
    reason: 'needed for on-call',
  },
};

export function itemsPage(items: ReviewItem[], totalCount = items.length) {
  return { items, totalCount, offset: 0, limit: 100 } as Page<ReviewItem>;
}

export const remediation: RemediationEntry = {
  id: '3',
  campaignId: '7',
  itemId: '105',
  decisionId: '10',
  accountId: '724108355201',
  accountName: 'payments-dev',
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro',
  permissionSetName: 'ReadOnlyAccess',
  principalType: 'USER',
  principalId: 'u-bob',
  principalName: 'bob',
  instanceArn: 'arn:aws:sso:::instance/ssoins-1',
  command:
    'aws sso-admin delete-account-assignment --instance-arn arn:aws:sso:::instance/ssoins-1 --target-id 724108355201 --target-type AWS_ACCOUNT --permission-set-arn arn:aws:sso:::permissionSet/ssoins-1/ps-ro --principal-type USER --principal-id u-bob',
  status: 'open',
  createdAt: '2026-11-02T10:00:00Z',
  openDays: 3,
};
