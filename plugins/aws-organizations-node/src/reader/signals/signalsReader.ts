import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type {
  AccessAnalyzerSummary,
  AccountFindingsPage,
  FindingOrigin,
  SecurityFinding,
  SecuritySignalsSnapshot,
  SignalSource,
  SignalSourceStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import type { AwsOrganizationsReaderConfig } from '../../config';
import type { SignalsConfig } from '../../config/signals';
import type { AwsOrganizationsClients } from '../clients';
import { DEFAULT_MAX_ATTEMPTS } from '../clients';
import { ReadContext } from '../context';
import { AwsServiceName } from '../errors';
import { ReaderRateLimits, resolveRateLimits } from '../rateLimit';
import {
  readAccountFindingsFromAnalyzers,
  readAnalyzers,
} from './accessAnalyzer';
import { createSignalClients, SignalClients } from './clients';
import { readOrganizationTrail } from './cloudTrail';
import { readConfigCompliance } from './configCompliance';
import {
  describeHub,
  readAccountFindingsFromHub,
  readFindingCounts,
} from './securityHub';
import { readServiceAccess } from './serviceAccess';
import { notConnected, SourceRead } from './sourceRead';

/**
 * Options of {@link createSignalsReader}.
 *
 * @public
 */
export interface SignalsReaderOptions {
  /** The sources (`awsOrganizations.signals`, from the config reader). */
  signals: SignalsConfig;
  /** The reader's region (STS for the sources' role sessions). */
  region: string;
  /** Endpoint overrides (`awsOrganizations.endpoints.*`). */
  endpoints?: AwsOrganizationsReaderConfig['endpoints'];
  /** Base credentials; the SDK default chain when absent. */
  credentials?: AwsCredentialIdentityProvider;
  logger: LoggerService;
  /** Attempts per on-demand call, first try included; default 6. */
  maxAttempts?: number;
  /** Bounds of the on-demand reads' budgets (`securityHub`, `accessAnalyzer`). */
  rateLimits?: ReaderRateLimits;
  /** How long an account's findings page is served from memory; default 60 s. */
  cacheTtlMs?: number;
}

/** What a sync gives the signals reader. */
export interface SignalsReadInput {
  organizationId: string;
  accountIds: string[];
}

/**
 * Reads AWS's detectors: per sync the counts for the snapshot (a few
 * organization-wide calls, whatever the number of findings), on demand one
 * account's findings for its page. Create one per backend (or CLI run) and
 * pass it to every `readOrganizationSnapshot` as `signals`; the backend's
 * routes call {@link SignalsReader.readAccountFindings}.
 *
 * @public
 */
export interface SignalsReader {
  /** The configured sources. */
  readonly sources: SignalSource[];
  /** @internal */
  read(
    ctx: ReadContext,
    input: SignalsReadInput,
  ): Promise<SecuritySignalsSnapshot>;
  /**
   * One account's active findings, newest first, at most `limit` (default
   * 50, at most 500): from Security Hub (which carries Access Analyzer's
   * findings too) or, when Security Hub is not connected, from the
   * organization analyzers. Cached for `cacheTtlMs`. A source that is off
   * or fails is listed in `notConnected`; this never throws for AWS
   * errors.
   */
  readAccountFindings(
    accountId: string,
    options?: { limit?: number },
  ): Promise<AccountFindingsPage>;
}

const SERVICE_OF: Record<
  Exclude<SignalSource, 'cloudtrail'> | 'cloudtrail',
  AwsServiceName
> = {
  'security-hub': 'securityHub',
  'access-analyzer': 'accessAnalyzer',
  config: 'config',
  cloudtrail: 'cloudTrail',
};

const OFF: Extract<SignalSourceStatus, { status: 'not-connected' }> = {
  status: 'not-connected',
  reason: 'off',
  message: 'not configured (awsOrganizations.signals)',
};

function messageOf(status: SignalSourceStatus): string {
  return status.status === 'not-connected' ? status.message : 'connected';
}

class DetectorsReader implements SignalsReader {
  readonly #options: SignalsReaderOptions;
  #clients?: SignalClients;
  readonly #cache = new Map<
    string,
    { expires: number; page: AccountFindingsPage }
  >();
  /** The analyzers of the last read, for the on-demand fallback. */
  #analyzers?: AccessAnalyzerSummary[];

  constructor(options: SignalsReaderOptions) {
    this.#options = options;
  }

  get sources(): SignalSource[] {
    const s = this.#options.signals;
    return [
      ...(s.securityHub ? (['security-hub'] as const) : []),
      ...(s.accessAnalyzer ? (['access-analyzer'] as const) : []),
      ...(s.config ? (['config'] as const) : []),
      ...(s.cloudTrail ? (['cloudtrail'] as const) : []),
    ];
  }

  get clients(): SignalClients {
    this.#clients ??= createSignalClients({
      signals: this.#options.signals,
      endpoints: this.#options.endpoints,
      credentials: this.#options.credentials,
      stsRegion: this.#options.region,
    });
    return this.#clients;
  }

  /** Runs one source's read in the optional class; its failure is its status. */
  async #source<T>(
    ctx: ReadContext,
    source: SignalSource,
    client: unknown,
    read: (r: SourceRead) => Promise<T>,
  ): Promise<{ value?: T; status: SignalSourceStatus }> {
    const service = SERVICE_OF[source];
    let failure: unknown;
    let reads: SourceRead | undefined;
    const value = await ctx.optional(
      { service, operation: 'signals', resource: source },
      async optional => {
        reads = new SourceRead(
          optional,
          service,
          client as SourceRead['client'],
        );
        try {
          return await read(reads);
        } catch (error) {
          failure = error;
          throw error;
        }
      },
    );
    if (isUnknown(value as never)) {
      return {
        status: notConnected(
          source,
          failure ?? new Error(String((value as any).reason)),
        ),
      };
    }
    const config = this.#sourceConfig(source)!;
    return {
      value: value as T,
      status: {
        status: 'connected',
        ...(config.accountId ? { accountId: config.accountId } : {}),
        region: config.region,
        calls: reads?.calls ?? 0,
      },
    };
  }

  #sourceConfig(source: SignalSource) {
    const s = this.#options.signals;
    return {
      'security-hub': s.securityHub,
      'access-analyzer': s.accessAnalyzer,
      config: s.config,
      cloudtrail: s.cloudTrail,
    }[source];
  }

  async read(
    ctx: ReadContext,
    input: SignalsReadInput,
  ): Promise<SecuritySignalsSnapshot> {
    const { signals } = this.#options;
    const clients = this.clients;
    const sources: SecuritySignalsSnapshot['sources'] = {
      'security-hub': OFF,
      'access-analyzer': OFF,
      config: OFF,
      cloudtrail: OFF,
    };
    const access = readServiceAccess(ctx, this.sources);
    const analyzers = signals.accessAnalyzer
      ? this.#source(
          ctx,
          'access-analyzer',
          clients.accessAnalyzer,
          readAnalyzers,
        )
      : undefined;
    const config = signals.config
      ? this.#source(ctx, 'config', clients.config, r =>
          readConfigCompliance(r, signals.config!.aggregatorName),
        )
      : undefined;
    const trail = signals.cloudTrail
      ? this.#source(
          ctx,
          'cloudtrail',
          clients.cloudTrail,
          readOrganizationTrail,
        )
      : undefined;

    // Security Hub after the analyzers: it counts Access Analyzer's
    // findings (its integration) for the kinds of analyzer that exist.
    const listed = await analyzers;
    const orgAnalyzers = listed?.value ?? [];
    const origins: FindingOrigin[] = ['security-hub'];
    if (orgAnalyzers.some(a => a.type === 'ORGANIZATION'))
      origins.push('access-analyzer-external');
    if (orgAnalyzers.some(a => a.type === 'ORGANIZATION_UNUSED_ACCESS')) {
      origins.push('access-analyzer-unused');
    }
    const hub = signals.securityHub
      ? await this.#source(
          ctx,
          'security-hub',
          clients.securityHub,
          async r => {
            await describeHub(r);
            return readFindingCounts(r, {
              organizationId: input.organizationId,
              accountIds: input.accountIds,
              origins,
              agedDays: signals.agedFindingDays,
            });
          },
        )
      : undefined;
    if (hub) sources['security-hub'] = hub.status;
    for (const cut of hub?.value?.truncated ?? []) {
      ctx.warnings.push({
        operation: 'GetFindingStatisticsV2',
        resource: cut,
        message: `The per-account counts of ${cut} held ${400} accounts, the result limit: some may be missing`,
      });
    }
    if (listed) {
      sources['access-analyzer'] = this.#analyzerStatus(
        listed.status,
        orgAnalyzers,
        hub?.status,
      );
      if (listed.value) this.#analyzers = listed.value;
    }
    const [configRead, trailRead, serviceAccess] = await Promise.all([
      config,
      trail,
      access,
    ]);
    if (configRead) sources.config = configRead.status;
    if (trailRead) sources.cloudtrail = trailRead.status;
    const findings = hub?.value?.findings ?? {};
    // External access of an organization analyzer is access from outside
    // the organization (its zone of trust).
    if (origins.includes('access-analyzer-external')) {
      for (const counts of Object.values(findings)) {
        const external = counts.byOrigin['access-analyzer-external'];
        if (external)
          counts.externalAccess = Object.values(external).reduce(
            (a, b) => a + b,
            0,
          );
      }
    }
    return {
      sources,
      serviceAccess: serviceAccess.statuses,
      findings,
      config: configRead?.value ?? {},
      organizationTrail: trailRead?.value ?? {
        unknown: true,
        reason:
          sources.cloudtrail.status === 'not-connected'
            ? `CloudTrail is not connected: ${sources.cloudtrail.message}`
            : 'CloudTrail was not read',
      },
      ...(listed?.value ? { analyzers: listed.value } : {}),
      agedFindingDays: signals.agedFindingDays,
    };
  }

  /**
   * Access Analyzer is connected when its organization analyzers were
   * listed and Security Hub, which carries their per-account counts, is
   * connected.
   */
  #analyzerStatus(
    own: SignalSourceStatus,
    analyzers: AccessAnalyzerSummary[],
    hub: SignalSourceStatus | undefined,
  ): SignalSourceStatus {
    if (own.status !== 'connected') return own;
    if (analyzers.length === 0) {
      return {
        status: 'not-connected',
        reason: 'not-enabled',
        message: `No organization analyzer in ${
          this.#options.signals.accessAnalyzer!.region
        } (ListAnalyzers of types ORGANIZATION and ORGANIZATION_UNUSED_ACCESS)`,
      };
    }
    const viaHub = hub ?? OFF;
    if (viaHub.status !== 'connected') {
      return {
        status: 'not-connected',
        reason: viaHub.reason,
        message: `Access Analyzer's per-account counts come through Security Hub's integration, and Security Hub is not connected: ${viaHub.message}`,
      };
    }
    return own;
  }

  async readAccountFindings(
    accountId: string,
    options: { limit?: number } = {},
  ): Promise<AccountFindingsPage> {
    const limit = Math.max(1, Math.min(500, Math.floor(options.limit ?? 50)));
    const key = `${accountId}:${limit}`;
    const cached = this.#cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.page;
    const page = await this.#readFindings(accountId, limit);
    this.#cache.set(key, {
      expires: Date.now() + (this.#options.cacheTtlMs ?? 60_000),
      page,
    });
    return page;
  }

  async #readFindings(
    accountId: string,
    limit: number,
  ): Promise<AccountFindingsPage> {
    const { signals, logger } = this.#options;
    const ctx = new ReadContext({
      clients: {} as AwsOrganizationsClients,
      logger,
      rateLimits: resolveRateLimits(this.#options.rateLimits),
      maxAttempts: this.#options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    });
    const notConnectedSources: AccountFindingsPage['notConnected'] = [];
    let findings: SecurityFinding[] = [];
    let truncated = false;
    let served = false;
    if (signals.securityHub) {
      const hub = await this.#source(
        ctx,
        'security-hub',
        this.clients.securityHub,
        r =>
          readAccountFindingsFromHub(
            r,
            accountId,
            limit,
            signals.securityHub!.region,
          ),
      );
      if (hub.value) {
        ({ findings, truncated } = hub.value);
        served = true;
      } else {
        notConnectedSources.push({
          source: 'security-hub',
          message: messageOf(hub.status),
        });
      }
    } else {
      notConnectedSources.push({
        source: 'security-hub',
        message: OFF.message,
      });
    }
    if (!served && signals.accessAnalyzer) {
      const aa = await this.#source(
        ctx,
        'access-analyzer',
        this.clients.accessAnalyzer,
        async r => {
          const analyzers = this.#analyzers ?? (await readAnalyzers(r));
          return readAccountFindingsFromAnalyzers(
            r,
            analyzers,
            accountId,
            limit,
            signals.accessAnalyzer!.region,
          );
        },
      );
      if (aa.value) {
        ({ findings, truncated } = aa.value);
      } else {
        notConnectedSources.push({
          source: 'access-analyzer',
          message: messageOf(aa.status),
        });
      }
    } else if (!signals.accessAnalyzer) {
      notConnectedSources.push({
        source: 'access-analyzer',
        message: OFF.message,
      });
    }
    return {
      accountId,
      findings,
      truncated,
      readAt: new Date().toISOString(),
      notConnected: notConnectedSources,
    };
  }
}

/**
 * Creates the signals reader; its SDK clients (and their role sessions)
 * and its findings cache live as long as it does.
 *
 * @public
 */
export function createSignalsReader(
  options: SignalsReaderOptions,
): SignalsReader {
  return new DetectorsReader(options);
}
