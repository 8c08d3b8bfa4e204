import { createHash } from 'node:crypto';
import { TestDatabases } from '@backstage/backend-test-utils';
import { BASE, NONE } from '../__testUtils__/backend';
import { databaseError } from '../__testUtils__/dbErrors';
import { asUser, startReviewsApi } from '../__testUtils__/reviews';
import { ADMIN_ARN, READONLY_ARN } from '../__testUtils__/governance';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

jest.setTimeout(120_000);

const GUEST = asUser('guest'); // platform: admin
const PRIYA = asUser('priya.patel'); // payments
const SAM = asUser('sam'); // security: owns nothing

const DUE = new Date(Date.now() + 30 * 86_400_000).toISOString();

describe('access review routes', () => {
  it('runs on PostgreSQL in CI', () => {
    const required = Boolean(process.env.AWS_ORGS_REQUIRE_POSTGRES);
    expect(databases.supports('POSTGRES_15') || !required).toBe(true);
  });

  it.each(databases.eachSupportedId())(
    'campaign, my reviews, decisions, hand-over and evidence with their permissions on %p',
    async databaseId => {
      const { api, knex, sent } = await startReviewsApi(databases, databaseId);
      const post = (path: string, who: string, body: object) =>
        api.post(`${BASE}${path}`).set('Authorization', who).send(body);
      const get = (path: string, who: string) =>
        api.get(`${BASE}${path}`).set('Authorization', who);

      // Only admins start campaigns; no credentials, no answer.
      expect((await get('/reviews/campaigns', NONE)).status).toBe(401);
      const refused = await post('/reviews/campaigns', PRIYA, {
        name: 'Q1',
        dueAt: DUE,
      });
      expect(refused.status).toBe(403);
      expect(
        (
          await post('/reviews/campaigns', GUEST, {
            name: 'Q1',
            dueAt: '2020-01-01',
          })
        ).status,
      ).toBe(400);
      const unknown = await post('/reviews/campaigns', GUEST, {
        name: 'Q1',
        dueAt: DUE,
        scope: { accountIds: ['999999999999'] },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain('999999999999');

      const started = await post('/reviews/campaigns', GUEST, {
        name: 'Q1 access review',
        dueAt: DUE,
      });
      expect(started.status).toBe(201);
      const campaign = started.body;
      // One item per standing grant of the snapshot.
      expect(campaign).toMatchObject({
        name: 'Q1 access review',
        status: 'active',
        startedBy: 'user:default/guest',
        overdue: false,
        progress: { total: 5, pending: 5, kept: 0, revoked: 0 },
      });
      expect(campaign.snapshot.etag).toMatch(/^[0-9a-f]{64}$/);
      // The start reminder went to every team with items, once.
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/payments', 'group:default/platform'],
      });

      // My reviews: priya sees payments-dev's grant only and may decide it.
      const mine = await get('/reviews/items?mine=true', PRIYA);
      expect(mine.status).toBe(200);
      expect(mine.body.items).toHaveLength(1);
      const [paymentsItem] = mine.body.items;
      expect(paymentsItem).toMatchObject({
        accountId: '222222222222',
        permissionSetArn: ADMIN_ARN,
        principalType: 'GROUP',
        principalName: 'Platform Team',
        memberCount: 2,
        privileged: true,
        ownerRef: 'group:default/payments',
        assigneeRef: 'group:default/payments',
        state: 'pending',
        canDecide: true,
      });
      // Everything priya may see is payments-dev's.
      const visible = await get('/reviews/items', PRIYA);
      expect(visible.body.items.map((i: any) => i.accountId)).toEqual([
        '222222222222',
      ]);
      const detail = await get(`/reviews/items/${paymentsItem.id}`, PRIYA);
      expect(detail.body.members.map((m: any) => m.userName)).toEqual([
        'Alice.Smith@example.com',
        'carol',
      ]);

      // A person of another team sees nothing and cannot decide: 403.
      expect((await get('/reviews/items', SAM)).body.items).toEqual([]);
      expect((await get(`/reviews/items/${paymentsItem.id}`, SAM)).status).toBe(
        404,
      );
      const samDecides = await post('/reviews/decisions', SAM, {
        itemIds: [paymentsItem.id],
        decision: 'revoke',
        reason: 'not mine',
      });
      expect(samDecides.status).toBe(403);

      // Keeping a privileged grant needs a reason.
      const noReason = await post('/reviews/decisions', PRIYA, {
        itemIds: [paymentsItem.id],
        decision: 'keep',
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toContain('reason');
      const kept = await post('/reviews/decisions', PRIYA, {
        itemIds: [paymentsItem.id],
        decision: 'keep',
        reason: 'on-call platform engineers',
      });
      expect(kept.status).toBe(200);
      expect(kept.body.decisions[0]).toMatchObject({
        kind: 'keep',
        decidedBy: 'user:default/priya.patel',
        reason: 'on-call platform engineers',
      });
      // A decision is final.
      const again = await post('/reviews/decisions', PRIYA, {
        itemIds: [paymentsItem.id],
        decision: 'revoke',
      });
      expect(again.status).toBe(409);

      // Platform's items: priya may not decide them.
      const all = await get(
        `/reviews/campaigns/${campaign.id}/items?limit=50`,
        GUEST,
      );
      expect(all.body.totalCount).toBe(5);
      const find = (accountId: string, principalId: string) =>
        all.body.items.find(
          (i: any) =>
            i.accountId === accountId && i.principalId === principalId,
        );
      const bobItem = find('444444444444', 'u-bob');
      const aliceItem = find('333333333333', 'u-alice');
      expect(
        (
          await post('/reviews/decisions', PRIYA, {
            itemIds: [bobItem.id],
            decision: 'revoke',
          })
        ).status,
      ).toBe(403);

      // The admin revokes bob: a remediation entry with the CLI command.
      const revoked = await post('/reviews/decisions', GUEST, {
        itemIds: [bobItem.id],
        decision: 'revoke',
        reason: 'left the team',
      });
      expect(revoked.status).toBe(200);
      expect(revoked.body.remediations).toEqual([
        expect.objectContaining({
          accountId: '444444444444',
          permissionSetArn: READONLY_ARN,
          principalType: 'USER',
          principalId: 'u-bob',
          status: 'open',
          command:
            'aws sso-admin delete-account-assignment --instance-arn arn:aws:sso:::instance/ssoins-test --target-id 444444444444 --target-type AWS_ACCOUNT --permission-set-arn arn:aws:sso:::permissionSet/ssoins-test/ps-readonly --principal-type USER --principal-id u-bob',
        }),
      ]);
      const remediations = await get('/reviews/remediations', GUEST);
      expect(remediations.body.totalCount).toBe(1);
      expect((await get('/reviews/remediations', PRIYA)).body.totalCount).toBe(
        0,
      );

      // payments-prod is unowned: nobody's queue until handed over.
      expect(aliceItem.assigneeRef).toBeUndefined();
      expect(
        (
          await post('/reviews/handovers', PRIYA, {
            itemIds: [aliceItem.id],
            toTeamRef: 'payments',
          })
        ).status,
      ).toBe(403);
      const handed = await post('/reviews/handovers', GUEST, {
        itemIds: [aliceItem.id],
        toTeamRef: 'payments',
        reason: 'payments runs payments-prod',
      });
      expect(handed.status).toBe(200);
      expect(handed.body.decisions[0]).toMatchObject({
        kind: 'handover',
        toTeamRef: 'group:default/payments',
      });
      // Handed to payments: priya's queue has it, and she may decide it.
      const queue = await get('/reviews/items?mine=true&state=pending', PRIYA);
      expect(queue.body.items.map((i: any) => i.id)).toEqual([aliceItem.id]);
      expect(queue.body.items[0].canDecide).toBe(true);
      const keptAlice = await post('/reviews/decisions', PRIYA, {
        itemIds: [aliceItem.id],
        decision: 'keep',
      });
      expect(keptAlice.status).toBe(200);

      // Progress per campaign and per team.
      const progress = await get(
        `/reviews/campaigns/${campaign.id}/progress`,
        PRIYA,
      );
      expect(progress.body.total).toMatchObject({
        total: 5,
        pending: 2,
        kept: 2,
        revoked: 1,
        percentDone: 60,
      });
      expect(progress.body.byTeam).toEqual([
        expect.objectContaining({
          teamRef: 'group:default/payments',
          total: 2,
          kept: 2,
        }),
        expect.objectContaining({
          teamRef: 'group:default/platform',
          total: 2,
          pending: 1,
          revoked: 1,
        }),
        expect.objectContaining({ total: 1, pending: 1 }),
      ]);
      expect(progress.body.byTeam[2].teamRef).toBeUndefined();

      // Evidence: admins only; every item with its decision; the hash holds.
      expect(
        (await get(`/reviews/campaigns/${campaign.id}/evidence.json`, PRIYA))
          .status,
      ).toBe(403);
      const evidence = await get(
        `/reviews/campaigns/${campaign.id}/evidence.json`,
        GUEST,
      );
      expect(evidence.status).toBe(200);
      expect(evidence.body.content.items).toHaveLength(5);
      expect(
        createHash('sha256')
          .update(JSON.stringify(evidence.body.content))
          .digest('hex'),
      ).toBe(evidence.body.contentHash);
      expect(evidence.body.content.snapshot.etag).toBe(campaign.snapshot.etag);
      const evidenceBob = evidence.body.content.items.find(
        (i: any) => i.itemId === bobItem.id,
      );
      expect(evidenceBob).toMatchObject({
        decision: 'revoke',
        decidedBy: 'user:default/guest',
        reason: 'left the team',
        revocation: { status: 'open' },
      });
      const csv = await get(
        `/reviews/campaigns/${campaign.id}/evidence.csv`,
        GUEST,
      );
      expect(csv.status).toBe(200);
      const lines = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatch(/^campaign_id,campaign_name,snapshot_etag/);
      expect(csv.text).toContain('on-call platform engineers');
      expect(csv.headers['repr-digest']).toBe(
        `sha-256=:${createHash('sha256').update(csv.text).digest('base64')}:`,
      );

      // The decision log is append-only in the database too: its four
      // entries (keep, revoke, hand-over, keep) refuse edits and deletes
      // (row triggers: an empty log would refuse nothing).
      expect(
        (await knex('aws_org_review_decisions').select('kind')).map(
          (d: { kind: string }) => d.kind,
        ),
      ).toEqual(['keep', 'revoke', 'handover', 'keep']);
      await expect(
        knex('aws_org_review_decisions').update({ reason: 'edited' }),
      ).rejects.toMatchObject(databaseError(/append-only/));
      await expect(
        knex('aws_org_review_decisions').delete(),
      ).rejects.toMatchObject(databaseError(/append-only/));

      // The account page's and the team page's parts.
      const account = await get('/reviews/accounts/222222222222', SAM);
      expect(account.body).toMatchObject({
        lastReview: {
          campaignId: campaign.id,
          progress: { total: 1, kept: 1 },
        },
        openItems: 0,
        openRemediations: 0,
      });
      const team = await get('/reviews/teams/progress?team=platform', SAM);
      expect(team.body.campaigns).toEqual([
        expect.objectContaining({
          campaignId: campaign.id,
          progress: expect.objectContaining({ pending: 1, revoked: 1 }),
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'answers bad input with 400 and unknown ids with 404, never 500, on %p',
    async databaseId => {
      const { api } = await startReviewsApi(databases, databaseId);
      const cases: Array<[string, string, object | undefined, number]> = [
        ['get', '/reviews/items?limit=0', undefined, 400],
        ['get', '/reviews/items?state=maybe', undefined, 400],
        ['get', `/reviews/items?q=${'x'.repeat(300)}`, undefined, 400],
        ['get', '/reviews/items/abc', undefined, 400],
        ['get', '/reviews/items/99999', undefined, 404],
        ['get', '/reviews/campaigns/1e9', undefined, 400],
        ['get', '/reviews/campaigns/424242', undefined, 404],
        ['get', '/reviews/campaigns/424242/evidence.csv', undefined, 404],
        ['get', '/reviews/accounts/12', undefined, 400],
        ['get', '/reviews/teams/progress', undefined, 400],
        ['post', '/reviews/decisions', { itemIds: ['1'] }, 400],
        [
          'post',
          '/reviews/decisions',
          { itemIds: ['424242'], decision: 'keep' },
          404,
        ],
        [
          'post',
          '/reviews/decisions',
          { itemIds: 'x'.repeat(100_000), decision: 'keep' },
          400,
        ],
        [
          'post',
          '/reviews/handovers',
          { itemIds: ['1'], toTeamRef: '::' },
          400,
        ],
        [
          'post',
          '/reviews/campaigns',
          { name: 'x', dueAt: DUE, scope: { permissionSets: 'some' } },
          400,
        ],
        [
          'post',
          '/reviews/campaigns',
          { name: 'x', dueAt: DUE, scope: { roleReach: true } },
          400,
        ],
        ['post', '/reviews/recurrences/5/stop', undefined, 404],
      ];
      for (const [method, path, body, status] of cases) {
        const req =
          method === 'get'
            ? api.get(`${BASE}${path}`)
            : api.post(`${BASE}${path}`).send(body ?? {});
        const res = await req.set('Authorization', GUEST);
        expect({ path, body, status: res.status }).toEqual({
          path,
          body,
          status,
        });
      }
    },
  );
});
