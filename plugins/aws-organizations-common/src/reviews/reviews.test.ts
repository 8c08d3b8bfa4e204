import {
  createReviewCampaignRequestSchema,
  deleteAccountAssignmentCommand,
  reviewDecisionRequestSchema,
  reviewHandoverRequestSchema,
  reviewItemsQuerySchema,
} from '.';

describe('access review schemas', () => {
  it('defaults a campaign to the whole organization', () => {
    const parsed = createReviewCampaignRequestSchema.parse({
      name: ' Q1 ',
      dueAt: '2027-01-31T00:00:00Z',
    });
    expect(parsed).toEqual({
      name: 'Q1',
      dueAt: '2027-01-31T00:00:00Z',
      scope: {
        organizationalUnitIds: [],
        accountIds: [],
        permissionSets: 'all',
        roleReach: false,
      },
    });
  });

  it('refuses bad scopes, dates and recurrences', () => {
    for (const body of [
      { name: '', dueAt: '2027-01-31' },
      { name: 'a', dueAt: 'tomorrow' },
      { name: 'a', dueAt: '2027-01-31', scope: { accountIds: ['123'] } },
      {
        name: 'a',
        dueAt: '2027-01-31',
        scope: { organizationalUnitIds: ['x'] },
      },
      { name: 'a', dueAt: '2027-01-31', recurrence: { interval: 'weekly' } },
      { name: 'a', dueAt: '2027-01-31', extra: 1 },
    ]) {
      expect(createReviewCampaignRequestSchema.safeParse(body).success).toBe(
        false,
      );
    }
  });

  it('takes 1 to 1000 item ids and trims reasons', () => {
    expect(
      reviewDecisionRequestSchema.parse({
        itemIds: ['1', '22'],
        decision: 'keep',
        reason: '  still needed ',
      }).reason,
    ).toBe('still needed');
    expect(
      reviewDecisionRequestSchema.safeParse({ itemIds: [], decision: 'keep' })
        .success,
    ).toBe(false);
    expect(
      reviewDecisionRequestSchema.safeParse({
        itemIds: ['0'],
        decision: 'keep',
      }).success,
    ).toBe(false);
    expect(
      reviewDecisionRequestSchema.safeParse({
        itemIds: Array.from({ length: 1001 }, (_, i) => String(i + 1)),
        decision: 'revoke',
      }).success,
    ).toBe(false);
    expect(
      reviewHandoverRequestSchema.parse({
        itemIds: ['1'],
        toTeamRef: 'Platform',
      }).toTeamRef,
    ).toBe('group:default/platform');
  });

  it('parses item filters from the query string', () => {
    expect(
      reviewItemsQuerySchema.parse({
        mine: 'true',
        privileged: 'false',
        state: 'pending',
        limit: '20',
      }),
    ).toEqual({ mine: true, privileged: false, state: 'pending', limit: 20 });
    expect(reviewItemsQuerySchema.safeParse({ mine: 'yes' }).success).toBe(
      false,
    );
  });
});

describe('deleteAccountAssignmentCommand', () => {
  it('names every parameter AWS CLI needs to remove the assignment', () => {
    expect(
      deleteAccountAssignmentCommand({
        instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
        accountId: '724108355203',
        permissionSetArn:
          'arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef',
        principalType: 'GROUP',
        principalId: '90676a1b2c-1234-5678-9abc-def012345678',
      }),
    ).toBe(
      'aws sso-admin delete-account-assignment --instance-arn arn:aws:sso:::instance/ssoins-1234567890abcdef --target-id 724108355203 --target-type AWS_ACCOUNT --permission-set-arn arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef --principal-type GROUP --principal-id 90676a1b2c-1234-5678-9abc-def012345678',
    );
  });

  it('quotes a value a shell would split', () => {
    expect(
      deleteAccountAssignmentCommand({
        instanceArn: "arn:x y'z",
        accountId: '724108355203',
        permissionSetArn: 'arn:p',
        principalType: 'USER',
        principalId: 'u',
      }),
    ).toContain(`--instance-arn 'arn:x y'\\''z'`);
  });
});
