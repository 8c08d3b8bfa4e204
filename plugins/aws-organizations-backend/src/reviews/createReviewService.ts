import { LoggerService } from '@backstage/backend-plugin-api';
import {
  indexSnapshot,
  indexSnapshotIam,
  NewReviewGrants,
  OrganizationSnapshot,
  ReviewCampaign,
  ReviewRecurrenceInterval,
  ReviewScope,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ReviewStore } from '../store/reviews/ReviewStore';
import { CycleTakenError } from '../store/reviews/CampaignStore';
import { buildCampaignItems } from './buildCampaignItems';
import { nextStart } from './recurrence';
import { grantKey, grantsInScope, privilegeOf, unknownScopeIds } from './scope';
import { ReviewReminders } from './reminders';

/** The snapshot a campaign pins: the current one with its resolution. */
export interface ReviewSnapshotView {
  etag: string;
  snapshot: OrganizationSnapshot;
  resolution: SnapshotResolution;
}

/** What an admin asks for (validated). */
export interface StartCampaignRequest {
  name: string;
  scope: ReviewScope;
  dueAt: Date;
  recurrence?: { interval: ReviewRecurrenceInterval };
}

/** The review engine: campaigns, recurrence, remediation, new grants. */
export interface ReviewService {
  /** Starts a campaign on the current snapshot (an admin's request). */
  startCampaign(
    request: StartCampaignRequest,
    startedBy: string,
  ): Promise<ReviewCampaign>;
  /** Starts every recurring campaign whose next start is due. */
  startDueRecurrences(): Promise<string[]>;
  /** Closes the open remediation entries whose grant `view` no longer has. */
  closeRemediations(view: ReviewSnapshotView): Promise<number>;
  /** Grants of the current snapshot in the campaign's scope it does not pin. */
  newGrants(campaignId: string): Promise<NewReviewGrants>;
  /** The scheduled work: due recurrences, reminders, remediation. */
  runTask(): Promise<void>;
}

/** @internal */
export function createReviewService(options: {
  store: ReviewStore;
  logger: LoggerService;
  current: () => Promise<ReviewSnapshotView | undefined>;
  reminders: ReviewReminders;
  reachDepth: number;
  now?: () => Date;
}): ReviewService {
  const { store, logger, reminders } = options;
  const now = options.now ?? (() => new Date());

  async function currentView(): Promise<ReviewSnapshotView> {
    const view = await options.current();
    if (!view) {
      throw new ServiceUnavailableError(
        'No complete snapshot of the AWS Organization yet: a campaign pins the grants of one (see GET /sync/status)',
      );
    }
    if (view.snapshot.identityCenter.status !== 'available') {
      throw new ServiceUnavailableError(
        'The current snapshot has no IAM Identity Center data: there are no grants to review',
      );
    }
    return view;
  }

  function draft(
    view: ReviewSnapshotView,
    name: string,
    scope: ReviewScope,
    startedAt: Date,
    startedBy: string,
    dueAt: Date,
  ) {
    const { items, members } = buildCampaignItems(
      view.snapshot,
      view.resolution,
      scope,
      { reachDepth: options.reachDepth },
    );
    const ic = view.snapshot.identityCenter;
    return {
      name,
      scope,
      startedAt,
      startedBy,
      dueAt,
      snapshot: { etag: view.etag, readAt: new Date(view.snapshot.readAt) },
      ...(ic.status === 'available' ? { instanceArn: ic.instanceArn } : {}),
      items,
      members,
    };
  }

  async function afterStart(id: string) {
    const campaign = (await store.campaigns.get(id, now()))!;
    logger.info('Started an access review campaign', {
      campaignId: id,
      name: campaign.name,
      items: campaign.progress.total,
      snapshotEtag: campaign.snapshot.etag,
    });
    await reminders.send(campaign).catch(error =>
      logger.warn('Could not send the review reminders', {
        campaignId: id,
        error: (error as Error).message,
      }),
    );
    return campaign;
  }

  async function closeRemediations(view: ReviewSnapshotView) {
    const ic = view.snapshot.identityCenter;
    if (ic.status !== 'available') return 0;
    const at = now();
    const open = await store.remediations.open(at);
    if (open.length === 0) return 0;
    const present = new Set(ic.assignments.map(grantKey));
    // From a delegated administrator the management account's assignments
    // are unknown: gone from the list is not gone from AWS.
    const unknownAccount =
      ic.readFrom === 'delegated-administrator'
        ? view.snapshot.organization.managementAccountId
        : undefined;
    const gone = open.filter(
      entry =>
        entry.accountId !== unknownAccount &&
        entry.instanceArn === ic.instanceArn &&
        !present.has(grantKey(entry)),
    );
    const closed = await store.remediations.close(
      gone.map(entry => entry.id),
      at,
      view.etag,
    );
    if (closed) {
      logger.info('Closed remediation entries: the revoked grants are gone', {
        closed,
        snapshotEtag: view.etag,
      });
    }
    return closed;
  }

  const service: ReviewService = {
    async startCampaign(request, startedBy) {
      const startedAt = now();
      if (request.dueAt.getTime() <= startedAt.getTime()) {
        throw new InputError('dueAt: must be in the future');
      }
      const view = await currentView();
      const unknown = unknownScopeIds(view.snapshot, request.scope);
      if (unknown.length) {
        throw new InputError(
          `scope: not in the current snapshot: ${unknown
            .slice(0, 20)
            .join(', ')}`,
        );
      }
      if (request.scope.roleReach && !indexSnapshotIam(view.snapshot).present) {
        throw new InputError(
          'scope.roleReach: the snapshot has no roles part (configure awsOrganizations.roles)',
        );
      }
      const campaign = draft(
        view,
        request.name,
        request.scope,
        startedAt,
        startedBy,
        request.dueAt,
      );
      const id = await store.campaigns.create(
        campaign,
        request.recurrence
          ? {
              interval: request.recurrence.interval,
              nextStartAt: nextStart(
                startedAt,
                request.recurrence.interval,
                startedAt,
              ),
            }
          : undefined,
      );
      return afterStart(id);
    },

    async startDueRecurrences() {
      const at = now();
      const due = await store.campaigns.dueRecurrences(at);
      if (due.length === 0) return [];
      const view = await currentView();
      const started: string[] = [];
      for (const recurrence of due) {
        const campaign = draft(
          view,
          recurrence.name,
          recurrence.scope,
          at,
          'scheduler',
          new Date(at.getTime() + recurrence.dueAfterMs),
        );
        try {
          const id = await store.campaigns.startCycle({
            recurrence,
            nextStartAt: nextStart(
              recurrence.nextStartAt,
              recurrence.interval,
              at,
            ),
            campaign,
          });
          started.push(id);
          await afterStart(id);
        } catch (error) {
          if (error instanceof CycleTakenError) {
            logger.debug(
              'A recurring campaign was started by another replica',
              {
                recurrenceId: recurrence.id,
              },
            );
            continue;
          }
          throw error;
        }
      }
      return started;
    },

    closeRemediations,

    async newGrants(campaignId) {
      const campaign = await store.campaigns.get(campaignId, now());
      if (!campaign) {
        throw new NotFoundError(`No review campaign ${campaignId}`);
      }
      const view = await currentView();
      const pinned = await store.items.grantKeys(campaignId);
      const index = indexSnapshot(view.snapshot);
      const privilege = privilegeOf(index);
      const items = grantsInScope(view.snapshot, campaign.scope)
        .filter(grant => !pinned.has(grantKey(grant)))
        .map(grant => ({
          accountId: grant.accountId,
          accountName: index.accounts.get(grant.accountId)?.name ?? '',
          permissionSetArn: grant.permissionSetArn,
          permissionSetName:
            index.permissionSets.get(grant.permissionSetArn)?.name ??
            grant.permissionSetArn,
          principalType: grant.principalType,
          principalId: grant.principalId,
          principalName: index.principalName(
            grant.principalType,
            grant.principalId,
          ),
          privileged: privilege(grant.permissionSetArn)?.privileged ?? false,
        }));
      return { campaignId, snapshotEtag: view.etag, items };
    },

    async runTask() {
      // Each step on its own: one failing does not hold up the others.
      const step = async (what: string, fn: () => Promise<unknown>) => {
        try {
          await fn();
        } catch (error) {
          logger.warn(`Access reviews: could not ${what}`, {
            error: (error as Error).message,
          });
        }
      };
      await step('start the due recurring campaigns', () =>
        service.startDueRecurrences(),
      );
      await step('send the reminders', async () => {
        for (const campaign of await store.campaigns.active(now())) {
          await reminders.send(campaign);
        }
      });
      await step('check the remediation entries', async () => {
        const view = await options.current();
        if (view) await closeRemediations(view);
      });
    },
  };
  return service;
}
