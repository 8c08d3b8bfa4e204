import {
  REVIEW_RECURRENCE_MONTHS,
  ReviewRecurrenceInterval,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * `date` plus `months` calendar months in UTC, the day clamped to the
 * month's last (Jan 31 + 1 month = Feb 28 or 29).
 */
export function addMonths(date: Date, months: number): Date {
  const out = new Date(date.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(
    Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0),
  ).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/**
 * The next start of a series after the one at `from`: one interval later,
 * and past `now` (starts missed while no backend ran are skipped, not
 * started in a row).
 */
export function nextStart(
  from: Date,
  interval: ReviewRecurrenceInterval,
  now: Date,
): Date {
  const months = REVIEW_RECURRENCE_MONTHS[interval];
  let next = addMonths(from, months);
  for (let n = 2; next.getTime() <= now.getTime(); n += 1) {
    next = addMonths(from, months * n);
  }
  return next;
}
