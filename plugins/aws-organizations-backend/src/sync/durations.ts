import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

const UNIT_MS: Record<keyof HumanDuration, number> = {
  years: 365 * 24 * 3600_000,
  months: 30 * 24 * 3600_000,
  weeks: 7 * 24 * 3600_000,
  days: 24 * 3600_000,
  hours: 3600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

/** Milliseconds of a schedule timeout (a luxon Duration or a HumanDuration). */
export function durationMs(
  duration: SchedulerServiceTaskScheduleDefinition['timeout'],
): number {
  if (typeof (duration as { toMillis?: unknown }).toMillis === 'function') {
    return (duration as { toMillis(): number }).toMillis();
  }
  return Object.entries(duration as HumanDuration).reduce(
    (sum, [unit, value]) =>
      sum + (value ?? 0) * (UNIT_MS[unit as keyof HumanDuration] ?? 0),
    0,
  );
}
