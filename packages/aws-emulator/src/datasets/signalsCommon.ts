/** What the data sets' detectors share: names and the days-ago clock. */

/** The organization trail of the data sets and its log bucket. @public */
export const ORGANIZATION_TRAIL = {
  name: 'acme-org-trail',
  bucket: 'acme-org-cloudtrail-logs',
} as const;

/** The names of the data sets' organization analyzers. @public */
export const ANALYZER_NAMES = {
  external: 'acme-org-external-access',
  unused: 'acme-org-unused-access',
} as const;

/** The region the data sets' detectors run in (Security Hub's home region). */
export const SIGNALS_REGION = 'us-east-1';

const DAY = 86_400_000;

/**
 * A date `days` before the data set was built: finding ages stay what the
 * story says whenever the emulator starts.
 */
export function daysAgo(days: number, now = Date.now()): Date {
  return new Date(Math.floor(now / DAY) * DAY - days * DAY + 9 * 3_600_000);
}
