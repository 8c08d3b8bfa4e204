import { createHash } from 'node:crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  createReviewCampaignRequestSchema,
  DEFAULT_PAGE_LIMIT,
  remediationsQuerySchema,
  ReviewItem,
  reviewCampaignsQuerySchema,
  reviewDecisionRequestSchema,
  reviewHandoverRequestSchema,
  reviewIdSchema,
  reviewItemsQuerySchema,
  teamReviewsQuerySchema,
} from '@aws-governance/plugin-aws-organizations-common';
import express from 'express';
import Router from 'express-promise-router';
import { ReviewStore } from '../store/reviews/ReviewStore';
import { StoredItem } from '../store/reviews/ItemStore';
import {
  ReviewService,
  ReviewSnapshotView,
} from '../reviews/createReviewService';
import { AccountFilter, ReviewAccess } from '../reviews/reviewAccess';
import {
  buildEvidence,
  evidenceCsv,
  evidenceFileName,
} from '../reviews/evidence';
import { evaluateReviewRules } from '../reviews/rules';
import { ReviewActor } from '../reviews/types';
import { RouteAuth } from './authorize';
import { parseAccountId, parseOrThrow } from './governanceQueries';

const ADMIN_ONLY =
  'You may not administer access reviews (aws-organizations.review.admin)';

/** The evidence downloads, which also take the user cookie (see DOWNLOAD_PATHS). */
export const REVIEW_DOWNLOAD_PATHS = [
  '/reviews/campaigns/:id/evidence.json',
  '/reviews/campaigns/:id/evidence.csv',
];

function parseId(value: string, what: string): string {
  return parseOrThrow(reviewIdSchema, value, `${what} id`);
}

function page(query: { offset?: number; limit?: number }) {
  return {
    offset: query.offset ?? 0,
    limit: query.limit ?? DEFAULT_PAGE_LIMIT,
  };
}

/**
 * The access review routes (`/reviews/...`). Campaign lists and progress
 * are counts, for everyone signed in; items, decisions and remediation
 * entries name principals and are for those `aws-organizations.review.decide`
 * admits for the account, or admins (`aws-organizations.review.admin`);
 * starting and closing campaigns and the evidence are for admins.
 *
 * @internal
 */
export function createReviewsRouter(options: {
  auth: RouteAuth;
  access: ReviewAccess;
  store: ReviewStore;
  service: ReviewService;
  current: () => Promise<ReviewSnapshotView | undefined>;
  revocationGraceDays: number;
  now?: () => Date;
}): express.Router {
  const { auth, access, store, service } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();

  async function caller(req: express.Request) {
    const credentials = await auth.credentials(req);
    return { credentials, actor: await access.actor(credentials) };
  }

  async function requireAdmin(req: express.Request) {
    const who = await caller(req);
    if (!who.actor.admin) throw new NotAllowedError(ADMIN_ONLY);
    return who;
  }

  /** The accounts whose items the caller sees: all for admins. */
  async function visible(
    credentials: BackstageCredentials,
    actor: ReviewActor,
  ): Promise<AccountFilter> {
    return actor.admin
      ? { kind: 'all' }
      : access.decidableAccounts(credentials);
  }

  async function withCanDecide(
    items: StoredItem[],
    actor: ReviewActor,
    filter: AccountFilter,
  ): Promise<ReviewItem[]> {
    const active = new Set(
      (await store.campaigns.active(now())).map(c => c.id),
    );
    const allowed =
      filter.kind === 'some' ? new Set(filter.accountIds) : undefined;
    const teams = new Set(actor.teams);
    return items.map(item => ({
      ...item,
      canDecide:
        item.state === 'pending' &&
        active.has(item.campaignId) &&
        (actor.admin ||
          (filter.kind !== 'none' &&
            (!allowed || allowed.has(item.accountId)) &&
            item.assigneeRef !== undefined &&
            teams.has(item.assigneeRef))),
    }));
  }

  async function listItems(
    req: express.Request,
    res: express.Response,
    campaignId?: string,
  ) {
    const { credentials, actor } = await caller(req);
    const query = parseOrThrow(reviewItemsQuerySchema, req.query, 'query');
    const filter = await visible(credentials, actor);
    const paging = page(query);
    if (filter.kind === 'none') {
      res.json({ items: [], totalCount: 0, ...paging });
      return;
    }
    const named = campaignId ?? query.campaignId;
    const campaignIds = named
      ? [named]
      : (await store.campaigns.active(now())).map(c => c.id);
    const assignees = [
      ...(query.mine ? [actor.teams] : []),
      ...(query.team ? [[query.team]] : []),
    ].reduce<string[] | undefined>(
      (acc, list) => (acc ? acc.filter(ref => list.includes(ref)) : list),
      undefined,
    );
    const found = await store.items.list(
      {
        campaignIds,
        ...(assignees ? { assignees } : {}),
        ...(filter.kind === 'some' ? { accountIds: filter.accountIds } : {}),
        ...(query.state ? { state: query.state } : {}),
        ...(query.accountId ? { accountId: query.accountId } : {}),
        ...(query.privileged !== undefined
          ? { privileged: query.privileged }
          : {}),
        ...(query.q ? { q: query.q } : {}),
      },
      paging,
    );
    res.json({
      items: await withCanDecide(found.items, actor, filter),
      totalCount: found.totalCount,
      ...paging,
    });
  }

  /**
   * The items of a decision or hand-over, checked before the transaction:
   * admins may act on any; others on items assigned to one of their teams
   * in accounts `review.decide` allows (authorized per account resource).
   * Returns the check the transaction repeats on the locked rows.
   */
  async function authorizeItems(
    credentials: BackstageCredentials,
    actor: ReviewActor,
    itemIds: string[],
  ) {
    const items = await store.items.getMany(itemIds);
    const found = new Set(items.map(i => i.id));
    const missing = itemIds.filter(id => !found.has(id));
    if (missing.length) {
      throw new NotFoundError(
        `No review item ${missing.slice(0, 20).join(', ')}`,
      );
    }
    if (!actor.admin) {
      const allowed = await access.mayDecide(
        credentials,
        items.map(i => i.accountId),
      );
      const teams = new Set(actor.teams);
      const refused = items.filter(
        item =>
          !allowed.has(item.accountId) ||
          !item.assigneeRef ||
          !teams.has(item.assigneeRef),
      );
      if (refused.length) {
        throw new NotAllowedError(
          `You may not decide review item ${refused
            .slice(0, 20)
            .map(i => i.id)
            .join(
              ', ',
            )}: only its assigned team (aws-organizations.review.decide on the account) or an admin`,
        );
      }
    }
    const assignees = new Map(items.map(i => [i.id, i.assigneeRef]));
    return {
      items,
      check: (locked: StoredItem[]) => {
        if (actor.admin) return;
        const moved = locked.filter(i => i.assigneeRef !== assignees.get(i.id));
        if (moved.length) {
          throw new NotAllowedError(
            `Review item ${moved
              .map(i => i.id)
              .join(', ')} was handed to another team meanwhile`,
          );
        }
      },
    };
  }

  router.get('/reviews/campaigns', async (req, res) => {
    await auth.credentials(req);
    const query = parseOrThrow(reviewCampaignsQuerySchema, req.query, 'query');
    res.json(
      await store.campaigns.list(
        { ...(query.status ? { status: query.status } : {}), ...page(query) },
        now(),
      ),
    );
  });

  router.post('/reviews/campaigns', async (req, res) => {
    const { actor } = await requireAdmin(req);
    const body = parseOrThrow(
      createReviewCampaignRequestSchema,
      req.body,
      'body',
    );
    const campaign = await service.startCampaign(
      {
        name: body.name,
        scope: body.scope,
        dueAt: new Date(body.dueAt),
        ...(body.recurrence ? { recurrence: body.recurrence } : {}),
      },
      actor.ref,
    );
    res.status(201).json(campaign);
  });

  router.get('/reviews/campaigns/:id', async (req, res) => {
    await auth.credentials(req);
    const id = parseId(req.params.id, 'campaign');
    const campaign = await store.campaigns.get(id, now());
    if (!campaign) throw new NotFoundError(`No review campaign ${id}`);
    res.json(campaign);
  });

  router.get('/reviews/campaigns/:id/progress', async (req, res) => {
    await auth.credentials(req);
    const id = parseId(req.params.id, 'campaign');
    const campaign = await store.campaigns.get(id, now());
    if (!campaign) throw new NotFoundError(`No review campaign ${id}`);
    const byTeam = (await store.campaigns.progressByTeam([id])).get(id) ?? [];
    res.json({
      campaignId: id,
      overdue: campaign.overdue,
      total: campaign.progress,
      byTeam,
    });
  });

  router.post('/reviews/campaigns/:id/close', async (req, res) => {
    const { actor } = await requireAdmin(req);
    const id = parseId(req.params.id, 'campaign');
    if (!(await store.campaigns.get(id, now()))) {
      throw new NotFoundError(`No review campaign ${id}`);
    }
    await store.campaigns.close(id, actor.ref, now());
    res.json(await store.campaigns.get(id, now()));
  });

  router.post('/reviews/recurrences/:id/stop', async (req, res) => {
    const { actor } = await requireAdmin(req);
    const id = parseId(req.params.id, 'recurrence');
    if (!(await store.campaigns.recurrence(id))) {
      throw new NotFoundError(`No recurrence ${id}`);
    }
    await store.campaigns.stopRecurrence(id, actor.ref, now());
    res.status(204).end();
  });

  router.get('/reviews/campaigns/:id/items', async (req, res) => {
    const id = parseId(req.params.id, 'campaign');
    if (!(await store.campaigns.get(id, now()))) {
      throw new NotFoundError(`No review campaign ${id}`);
    }
    await listItems(req, res, id);
  });

  router.get('/reviews/campaigns/:id/new-grants', async (req, res) => {
    const { credentials, actor } = await caller(req);
    const id = parseId(req.params.id, 'campaign');
    const filter = await visible(credentials, actor);
    const grants = await service.newGrants(id);
    if (filter.kind === 'all') {
      res.json(grants);
      return;
    }
    const allowed = new Set(filter.kind === 'some' ? filter.accountIds : []);
    res.json({
      ...grants,
      items: grants.items.filter(g => allowed.has(g.accountId)),
    });
  });

  router.get('/reviews/campaigns/:id/evidence.json', async (req, res) => {
    const credentials = await auth.downloadCredentials(req);
    if (!(await access.actor(credentials)).admin) {
      throw new NotAllowedError(ADMIN_ONLY);
    }
    const id = parseId(req.params.id, 'campaign');
    const evidence = await buildEvidence(store, id, now());
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${evidenceFileName({ id }, 'json')}"`,
    );
    res.json(evidence);
  });

  router.get('/reviews/campaigns/:id/evidence.csv', async (req, res) => {
    const credentials = await auth.downloadCredentials(req);
    if (!(await access.actor(credentials)).admin) {
      throw new NotAllowedError(ADMIN_ONLY);
    }
    const id = parseId(req.params.id, 'campaign');
    const evidence = await buildEvidence(store, id, now());
    const body = evidenceCsv(evidence);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${evidenceFileName({ id }, 'csv')}"`,
    );
    // The hash of the JSON evidence's content (the same items), and the
    // digest of this file itself.
    res.setHeader('X-Evidence-Content-Hash', evidence.contentHash);
    res.setHeader(
      'Repr-Digest',
      `sha-256=:${createHash('sha256').update(body).digest('base64')}:`,
    );
    res.type('text/csv; charset=utf-8').send(body);
  });

  router.get('/reviews/items', (req, res) => listItems(req, res));

  router.get('/reviews/items/:id', async (req, res) => {
    const { credentials, actor } = await caller(req);
    const id = parseId(req.params.id, 'item');
    const item = await store.items.get(id);
    const filter = await visible(credentials, actor);
    if (
      !item ||
      filter.kind === 'none' ||
      (filter.kind === 'some' && !filter.accountIds.includes(item.accountId))
    ) {
      // Not found and not allowed look the same: an item id says nothing.
      throw new NotFoundError(`No review item ${id}`);
    }
    const [withFlag] = await withCanDecide([item], actor, filter);
    res.json({
      ...withFlag,
      members:
        item.principalType === 'GROUP'
          ? await store.items.members(item.campaignId, item.principalId)
          : [],
      log: await store.decisions.log(id),
    });
  });

  router.post('/reviews/decisions', async (req, res) => {
    const { credentials, actor } = await caller(req);
    const body = parseOrThrow(reviewDecisionRequestSchema, req.body, 'body');
    const { items, check } = await authorizeItems(
      credentials,
      actor,
      body.itemIds,
    );
    if (body.decision === 'keep' && !body.reason) {
      const privileged = items.filter(i => i.privileged);
      if (privileged.length) {
        throw new InputError(
          `reason: required to keep a privileged grant (item ${privileged
            .slice(0, 20)
            .map(i => i.id)
            .join(', ')})`,
        );
      }
    }
    const result = await store.decisions.decide({
      itemIds: body.itemIds,
      decision: body.decision,
      ...(body.reason ? { reason: body.reason } : {}),
      by: actor.ref,
      at: now(),
      check,
    });
    res.json(result);
  });

  router.post('/reviews/handovers', async (req, res) => {
    const { credentials, actor } = await caller(req);
    const body = parseOrThrow(reviewHandoverRequestSchema, req.body, 'body');
    const { check } = await authorizeItems(credentials, actor, body.itemIds);
    const decisions = await store.decisions.handover({
      itemIds: body.itemIds,
      toTeamRef: body.toTeamRef,
      ...(body.reason ? { reason: body.reason } : {}),
      by: actor.ref,
      at: now(),
      check,
    });
    res.json({ decisions, remediations: [] });
  });

  router.get('/reviews/remediations', async (req, res) => {
    const { credentials, actor } = await caller(req);
    const query = parseOrThrow(remediationsQuerySchema, req.query, 'query');
    const filter = await visible(credentials, actor);
    const paging = page(query);
    if (filter.kind === 'none') {
      res.json({ items: [], totalCount: 0, ...paging });
      return;
    }
    res.json(
      await store.remediations.list(
        {
          ...(query.campaignId ? { campaignId: query.campaignId } : {}),
          ...(query.accountId ? { accountId: query.accountId } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(filter.kind === 'some' ? { accountIds: filter.accountIds } : {}),
        },
        paging,
        now(),
      ),
    );
  });

  router.get('/reviews/accounts/:accountId', async (req, res) => {
    await auth.credentials(req);
    const accountId = parseAccountId(req.params.accountId);
    const [history, openRemediations, active] = await Promise.all([
      store.campaigns.accountCampaigns(accountId),
      store.remediations.openCount(accountId),
      store.campaigns.active(now()),
    ]);
    const activeIds = new Set(active.map(c => c.id));
    const openItems = history
      .filter(h => activeIds.has(h.campaignId))
      .reduce((n, h) => n + h.progress.pending, 0);
    const last = history[0];
    const campaign = last
      ? await store.campaigns.get(last.campaignId, now())
      : undefined;
    res.json({
      accountId,
      ...(last && campaign
        ? {
            lastReview: {
              campaignId: campaign.id,
              campaignName: campaign.name,
              startedAt: campaign.startedAt,
              dueAt: campaign.dueAt,
              status: campaign.status,
              progress: last.progress,
            },
          }
        : {}),
      openItems,
      openRemediations,
    });
  });

  router.get('/reviews/teams/progress', async (req, res) => {
    await auth.credentials(req);
    const { team } = parseOrThrow(teamReviewsQuerySchema, req.query, 'query');
    const active = await store.campaigns.active(now());
    const byTeam = await store.campaigns.progressByTeam(active.map(c => c.id));
    res.json({
      teamRef: team,
      campaigns: active.flatMap(campaign => {
        const progress = byTeam.get(campaign.id)?.find(t => t.teamRef === team);
        if (!progress) return [];
        const { teamRef: _ref, ...counts } = progress;
        return [
          {
            campaignId: campaign.id,
            campaignName: campaign.name,
            dueAt: campaign.dueAt,
            overdue: campaign.overdue && counts.pending > 0,
            progress: counts,
          },
        ];
      }),
    });
  });

  router.get('/reviews/compliance', async (req, res) => {
    const { credentials, actor } = await caller(req);
    const view = await options.current();
    if (!view) {
      throw new ServiceUnavailableError(
        'No complete snapshot of the AWS Organization yet (see GET /sync/status)',
      );
    }
    const report = await evaluateReviewRules({
      store,
      view,
      graceDays: options.revocationGraceDays,
      now: now(),
    });
    const filter = await visible(credentials, actor);
    if (filter.kind === 'all') {
      res.json(report);
      return;
    }
    const allowed = new Set(filter.kind === 'some' ? filter.accountIds : []);
    res.json({
      ...report,
      results: report.results.filter(r => allowed.has(r.accountId)),
    });
  });

  return router;
}
