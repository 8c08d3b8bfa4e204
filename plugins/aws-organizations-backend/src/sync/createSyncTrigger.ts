import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import { AwsOrganizationsConfig } from '@aws-governance/plugin-aws-organizations-node';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { SYNC_TASK_ID } from './types';
import { SyncTrigger } from './triggerTypes';

/**
 * Milliseconds of the schedule's timeout: a luxon `Duration` (given in
 * code) or a `HumanDuration` (read from config).
 */
function timeoutMs(
  timeout: SchedulerServiceTaskScheduleDefinition['timeout'],
): number {
  const duration = timeout as { toMillis?: () => number };
  return typeof duration.toMillis === 'function'
    ? duration.toMillis()
    : durationToMilliseconds(timeout as HumanDuration);
}

/**
 * How long `POST /sync` waits for the scheduler to accept the trigger. The
 * default scheduler only marks the task due in the database (milliseconds);
 * a scheduler that runs the task inline is left running in the background.
 */
const ACCEPT_WINDOW_MS = 1000;

const accepted = Symbol('accepted');

/** Creates the manual trigger of the sync. */
export function createSyncTrigger(options: {
  config: AwsOrganizationsConfig;
  store: AwsOrganizationsStore;
  scheduler: SchedulerService;
  logger: LoggerService;
  now?: () => Date;
}): SyncTrigger {
  const { config, store, scheduler, logger } = options;
  const now = options.now ?? (() => new Date());
  const staleAfterMs = timeoutMs(config.schedule.timeout);

  return {
    async trigger(requestedBy) {
      if (!config.enabled) {
        throw new ServiceUnavailableError(
          'Syncing is disabled (awsOrganizations.enabled is false); the API serves the stored data',
        );
      }
      const requestedAt = now();
      const running = await store.runs.running(
        new Date(requestedAt.getTime() - staleAfterMs),
      );
      if (running) {
        throw new ConflictError(
          `A sync is already running (run ${running.id}, started ${running.startedAt})`,
        );
      }
      await store.requests.add(requestedBy, requestedAt);
      const triggered = scheduler.triggerTask(SYNC_TASK_ID).then(
        () => accepted,
        (error: Error) => error,
      );
      const outcome = await Promise.race([
        triggered,
        new Promise<typeof accepted>(resolve =>
          setTimeout(resolve, ACCEPT_WINDOW_MS, accepted).unref(),
        ),
      ]);
      if (outcome instanceof Error) {
        if (outcome.name === 'ConflictError') {
          throw new ConflictError('A sync is already running', outcome);
        }
        throw outcome;
      }
      triggered.then(result => {
        if (result instanceof Error) {
          logger.error('Manual AWS organization sync failed to run', result);
        }
      });
      logger.info('Manual AWS organization sync requested', { requestedBy });
      return { status: 'accepted', requestedAt: requestedAt.toISOString() };
    },
  };
}
