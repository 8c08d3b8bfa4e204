import {
  EventsSyncStatus,
  SyncRun,
} from '@aws-governance/plugin-aws-organizations-common';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';

/** What the events part of the sync status reads from this replica. */
export interface EventsStatusSource {
  topic: string;
  queue: () => EventsSyncStatus['queue'];
  lastBatch: () => EventsSyncStatus['lastBatch'];
  lastFullReadRequest: () => EventsSyncStatus['lastFullReadRequest'];
  duplicates: () => number;
}

/**
 * The events part of `GET /sync/status`: the newest applied event (from
 * the claims table, any replica), the last full reconciliation (the run
 * that read the current snapshot: event updates keep its run) and this
 * replica's view of the queue.
 */
export async function eventsStatus(
  source: EventsStatusSource,
  store: AwsOrganizationsStore,
  lastFullRead: SyncRun | undefined,
  now: Date,
): Promise<EventsSyncStatus> {
  const last = await store.events.lastApplied();
  const fullReconciledAt = lastFullRead?.finishedAt;
  const queue = source.queue();
  const lastBatch = source.lastBatch();
  const lastFullReadRequest = source.lastFullReadRequest();
  return {
    topic: source.topic,
    duplicatesSkipped: source.duplicates(),
    ...(last
      ? {
          lastEvent: {
            eventId: last.eventId,
            source: last.source,
            eventName: last.eventName,
            eventTime: last.eventTime,
            outcome: last.outcome,
            appliedAt: last.finishedAt ?? last.claimedAt,
          },
        }
      : {}),
    ...(fullReconciledAt
      ? {
          fullReconciledAt,
          secondsSinceFullReconciliation: Math.max(
            0,
            Math.round(
              (now.getTime() - new Date(fullReconciledAt).getTime()) / 1000,
            ),
          ),
        }
      : {}),
    ...(lastBatch ? { lastBatch } : {}),
    ...(queue ? { queue } : {}),
    ...(lastFullReadRequest ? { lastFullReadRequest } : {}),
  };
}
