import {
  addAnalyzer,
  addTrail,
  enableSecurityHub,
  enableServiceAccess,
  registerDelegatedAdministrator,
  SIGNAL_SERVICE_PRINCIPALS,
} from '../state/signals';
import type { AnalyzerRecord } from '../state/signalsTypes';
import type { EmulatorState } from '../state/types';

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

/**
 * What every data set's detectors share: trusted access for each service,
 * `admin` the delegated administrator of Security Hub, Access Analyzer and
 * Config, Security Hub enabled in every active account, the two
 * organization analyzers in `admin`, and the organization trail of the
 * management account delivering to the log bucket.
 */
export function seedSignalServices(
  state: EmulatorState,
  admin: string,
): { external: AnalyzerRecord; unused: AnalyzerRecord } {
  const P = SIGNAL_SERVICE_PRINCIPALS;
  for (const principal of Object.values(P)) {
    enableServiceAccess(state, principal);
  }
  for (const principal of [
    P.securityHub,
    P.accessAnalyzer,
    P.config,
    P.configMultiAccount,
  ]) {
    registerDelegatedAdministrator(state, principal, admin);
  }
  const active = [...state.accounts.values()].filter(a => a.state === 'ACTIVE');
  enableSecurityHub(
    state,
    active.map(a => a.id),
  );
  addTrail(state, {
    name: ORGANIZATION_TRAIL.name,
    accountId: state.organization!.managementAccountId,
    homeRegion: SIGNALS_REGION,
    isOrganizationTrail: true,
    isMultiRegion: true,
    s3BucketName: ORGANIZATION_TRAIL.bucket,
    logging: true,
    latestDeliveryTime: daysAgo(0),
  });
  return {
    external: addAnalyzer(state, {
      name: ANALYZER_NAMES.external,
      type: 'ORGANIZATION',
      accountId: admin,
      region: SIGNALS_REGION,
    }),
    unused: addAnalyzer(state, {
      name: ANALYZER_NAMES.unused,
      type: 'ORGANIZATION_UNUSED_ACCESS',
      accountId: admin,
      region: SIGNALS_REGION,
    }),
  };
}
