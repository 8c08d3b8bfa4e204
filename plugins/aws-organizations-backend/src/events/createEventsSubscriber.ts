import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AwsOrganizationsEventsConfig,
  cloudTrailEventFields,
  EventPlan,
  mergeRefreshTargets,
  planForCloudTrailEvent,
  RefreshTarget,
} from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { ClaimedEvent } from '../store/EventClaimStore';
import { SyncEngine } from '../sync/types';

/**
 * More targets than this in one batch (a mass change) cost about as much
 * as a full read, which also sees what no event said: read everything.
 */
export const MAX_TARGETS_PER_BATCH = 5000;

/** What the last applied batch did (this replica). */
export interface EventBatchReport {
  at: string;
  events: number;
  targets: number;
  calls: number;
  outcome: string;
}

/** The events subscriber of the backend. */
export interface EventsSubscriber {
  /** Handles one event of the topic: claims it, then applies it with its batch. */
  onEvent(payload: unknown): Promise<void>;
  /** Applies the buffered events now; resolves once every batch so far is applied. */
  flush(): Promise<void>;
  /**
   * After a full read stored its snapshot: the events applied since it
   * began may be missing from what it read, so their targets are read again.
   */
  replaySince(startedAt: Date): Promise<void>;
  /** The last batch this replica applied. */
  lastBatch(): EventBatchReport | undefined;
  /** Events this replica found claimed already (redeliveries, other replicas). */
  duplicates(): number;
}

interface Buffered {
  event: ClaimedEvent;
  plan: EventPlan;
}

/**
 * Creates the subscriber: each CloudTrail event of the topic is claimed
 * once cluster-wide (the claims table), mapped to the smallest re-reads,
 * and applied with the events that arrived within the batch window as one
 * new snapshot. Whatever it cannot apply (an unknown event, a failed
 * re-read, too many targets) asks for a full read.
 */
export function createEventsSubscriber(options: {
  config: AwsOrganizationsEventsConfig;
  store: AwsOrganizationsStore;
  engine: SyncEngine;
  logger: LoggerService;
  /** Asks for a full read (the sync task); never throws. */
  requestFullRead: (reason: string) => Promise<void>;
  now?: () => Date;
}): EventsSubscriber {
  const { config, store, engine, logger, requestFullRead } = options;
  const now = options.now ?? (() => new Date());
  let buffer: Buffered[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let last: EventBatchReport | undefined;
  let duplicates = 0;

  const report = (r: Omit<EventBatchReport, 'at'>) => {
    last = { at: now().toISOString(), ...r };
  };

  async function applyTargets(
    items: { eventId: string; targets: RefreshTarget[] }[],
  ): Promise<void> {
    const ids = items.map(i => i.eventId);
    const targets = mergeRefreshTargets(items.flatMap(i => i.targets));
    if (targets.length > MAX_TARGETS_PER_BATCH) {
      const reason = `${targets.length} re-reads in one batch (more than ${MAX_TARGETS_PER_BATCH})`;
      await store.events.finish(ids, { outcome: 'full-read', reason }, now());
      report({
        events: ids.length,
        targets: targets.length,
        calls: 0,
        outcome: 'full-read',
      });
      await requestFullRead(reason);
      return;
    }
    try {
      const result = await engine.applyTargets(targets);
      report({
        events: ids.length,
        targets: targets.length,
        calls: result.calls ?? 0,
        outcome: result.outcome,
      });
      if (result.outcome === 'applied' || result.outcome === 'unchanged') {
        await store.events.finishApplied(items, result.outcome, now());
      } else if (result.outcome === 'no-snapshot') {
        // The first full read is on its way and will see the change.
        await store.events.finish(
          ids,
          { outcome: 'ignored', reason: 'no snapshot yet', targets },
          now(),
        );
      } else {
        await store.events.finish(
          ids,
          { outcome: 'full-read', reason: result.reason, targets },
          now(),
        );
        await requestFullRead(result.reason);
      }
    } catch (error) {
      const reason = `the re-read failed: ${(error as Error).message}`;
      logger.warn(`Could not apply AWS organization events; ${reason}`);
      report({
        events: ids.length,
        targets: targets.length,
        calls: 0,
        outcome: 'failed',
      });
      await store.events.finish(
        ids,
        { outcome: 'failed', reason, targets },
        now(),
      );
      await requestFullRead(reason);
    }
  }

  async function applyBatch(items: Buffered[]): Promise<void> {
    const full = items.filter(i => i.plan.action === 'full');
    const ignored = items.filter(i => i.plan.action === 'ignore');
    const refresh = items.flatMap(i =>
      i.plan.action === 'refresh'
        ? [{ eventId: i.event.eventId, targets: i.plan.targets }]
        : [],
    );
    for (const item of ignored) {
      await store.events.finish(
        [item.event.eventId],
        {
          outcome: 'ignored',
          reason: (item.plan as { reason: string }).reason,
        },
        now(),
      );
    }
    if (refresh.length > 0) await applyTargets(refresh);
    if (full.length > 0) {
      const reasons = [
        ...new Set(full.map(i => (i.plan as { reason: string }).reason)),
      ];
      for (const item of full) {
        await store.events.finish(
          [item.event.eventId],
          {
            outcome: 'full-read',
            reason: (item.plan as { reason: string }).reason,
          },
          now(),
        );
      }
      logger.info('AWS organization events need a full read', {
        events: full.length,
        reasons: reasons.join('; '),
      });
      await requestFullRead(reasons.join('; '));
    }
  }

  /** Runs batches one after the other in this process. */
  function enqueue(work: () => Promise<void>): Promise<void> {
    chain = chain
      .then(work)
      .catch(error =>
        logger.error('Applying AWS organization events failed', error as Error),
      );
    return chain;
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    const items = buffer;
    buffer = [];
    return items.length > 0 ? enqueue(() => applyBatch(items)) : chain;
  }

  return {
    async onEvent(payload) {
      const fields = cloudTrailEventFields(payload);
      if (!fields) {
        logger.debug(
          'Ignored an event that is no CloudTrail event of Organizations or Identity Center',
        );
        return;
      }
      const event: ClaimedEvent = {
        eventId: fields.id,
        source: fields.source,
        eventName: fields.eventName,
        eventTime: fields.time,
      };
      let claimed: boolean;
      try {
        claimed = await store.events.claim(event, now());
      } catch (error) {
        // The SQS module deletes the message once it is published, claimed
        // or not: an event that cannot be claimed is lost, a gap.
        const reason = `an event could not be claimed (${
          (error as Error).message
        })`;
        logger.warn(`AWS organization event ${fields.id}: ${reason}`);
        await requestFullRead(reason);
        return;
      }
      if (!claimed) {
        duplicates += 1;
        logger.debug('AWS organization event already claimed', {
          eventId: fields.id,
        });
        return;
      }
      buffer.push({ event, plan: planForCloudTrailEvent(payload) });
      if (!timer) {
        timer = setTimeout(() => void flush(), config.poll.batchWindowMs);
      }
    },
    flush,
    async replaySince(startedAt) {
      const claims = await store.events.appliedSince(startedAt);
      const items = claims.flatMap(c =>
        c.targets ? [{ eventId: c.eventId, targets: c.targets }] : [],
      );
      if (items.length === 0) return;
      logger.info('Replaying the events applied during the full read', {
        events: items.length,
      });
      await enqueue(() => applyTargets(items));
    },
    lastBatch: () => last,
    duplicates: () => duplicates,
  };
}
