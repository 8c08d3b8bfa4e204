import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { SYNC_TASK_ID } from '../sync/types';

/** Asks the sync task for a full read on behalf of the events. */
export interface FullReadRequests {
  /** Triggers the sync now, or right after the one running. Never throws. */
  request(reason: string): Promise<void>;
  /** After a full read stored: triggers the one asked for while it ran. */
  afterFullRead(): Promise<void>;
  /** When the last full read was asked for, and why. */
  last(): { at: string; reason: string } | undefined;
}

/**
 * A full read asked for while one runs (on any replica: the task is
 * global) may be for a change that read missed: it is triggered again once
 * that read has stored its snapshot.
 */
export function createFullReadRequests(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  now?: () => Date;
}): FullReadRequests {
  const { scheduler, logger } = options;
  const now = options.now ?? (() => new Date());
  let pending: string | undefined;
  let last: { at: string; reason: string } | undefined;

  async function trigger(reason: string) {
    try {
      await scheduler.triggerTask(SYNC_TASK_ID);
      pending = undefined;
      logger.info('Triggered a full read of the AWS organization', { reason });
    } catch (error) {
      // ConflictError: a run is going; NotFoundError: sync disabled.
      if ((error as Error).name === 'ConflictError') {
        pending = reason;
      } else {
        logger.warn('Could not trigger a full read of the AWS organization', {
          reason,
          error: (error as Error).message,
        });
      }
    }
  }

  return {
    async request(reason) {
      last = { at: now().toISOString(), reason };
      await trigger(reason);
    },
    async afterFullRead() {
      if (pending) await trigger(pending);
    },
    last: () => last,
  };
}
