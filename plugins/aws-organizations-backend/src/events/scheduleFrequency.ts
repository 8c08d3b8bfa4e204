import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** Half an hour, when a schedule's frequency is a cron expression. */
const FALLBACK_MS = 30 * 60 * 1000;

/**
 * The period of a schedule: its frequency as a `HumanDuration` (config) or
 * a luxon `Duration` (code); a cron expression counts as half an hour.
 */
export function scheduleFrequencyMs(
  schedule: SchedulerServiceTaskScheduleDefinition,
): number {
  const frequency = schedule.frequency as unknown;
  if (typeof frequency !== 'object' || frequency === null) return FALLBACK_MS;
  if ('cron' in frequency || 'trigger' in frequency) return FALLBACK_MS;
  const duration = frequency as { toMillis?: () => number };
  const ms =
    typeof duration.toMillis === 'function'
      ? duration.toMillis()
      : durationToMilliseconds(frequency as HumanDuration);
  return ms > 0 ? ms : FALLBACK_MS;
}
