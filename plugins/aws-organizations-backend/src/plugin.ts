import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { awsOrganizationsPermissions } from '@aws-governance/plugin-aws-organizations-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  AwsAccountPermissionResource,
  awsAccountPermissionResourceRef,
  awsAccountPermissionRules,
  awsOrganizationsComplianceExtensionPoint,
  ComplianceRuleCollector,
  createSignalsReaderFromConfig,
} from '@aws-governance/plugin-aws-organizations-node';
import { builtInComplianceRules } from './compliance';
import { createComplianceEngineFromConfig } from './compliance/fromConfig';
import { createComplianceReportCache } from './compliance/reportCache';
import { DOWNLOAD_PATHS } from './routes/authorize';
import { readAwsOrganizationsConfig } from '@aws-governance/plugin-aws-organizations-node';
import { AwsOrganizationsStore } from './store/AwsOrganizationsStore';
import { readCatalogDirectory } from './resolution/readCatalogDirectory';
import { createSyncEngine } from './sync/createSyncEngine';
import { createReaderSource } from './sync/readerSource';
import {
  createGovernanceState,
  GovernanceState,
  GovernanceView,
} from './governance/createGovernanceState';

type GovernanceViewLike = Pick<
  GovernanceView,
  'etag' | 'snapshot' | 'resolution'
>;
import {
  RESOLVE_TASK_ID,
  SNAPSHOT_EVENT_TOPIC,
  SYNC_TASK_ID,
} from './sync/types';
import { createSyncTrigger } from './sync/createSyncTrigger';
import { createRouter } from './routes/router';
import { createAccountPermissions } from './routes/accountPermissions';
import { createFindingsRouter } from './routes/findingsRouter';
import {
  createEventsSubscriber,
  EventsSubscriber,
} from './events/createEventsSubscriber';
import { createFullReadRequests } from './events/fullReadRequests';
import { createQueueHealth, QueueHealthCheck } from './events/queueHealth';
import { scheduleFrequencyMs } from './events/scheduleFrequency';

/** The scheduler task id of the events queue check, per replica. */
const EVENTS_HEALTH_TASK_ID = 'aws-organizations-events-health';

/** Claims are kept as long as SQS may redeliver a message (14 days at most). */
const CLAIM_RETENTION_MS = 15 * 24 * 3600 * 1000;
import { notificationService } from '@backstage/plugin-notifications-node';
import { createReviewService } from './reviews/createReviewService';
import { createReviewReminders } from './reviews/reminders';
import { createReviewAccess } from './reviews/reviewAccess';
import { REVIEW_TASK_ID } from './reviews/taskId';
import {
  createReviewsRouter,
  REVIEW_DOWNLOAD_PATHS,
} from './routes/reviewsRouter';

/**
 * The AWS Organizations backend plugin: syncs the organization, keeps its
 * snapshots and history, and serves them at `/api/aws-organizations`.
 *
 * @public
 */
export const awsOrganizationsPlugin = createBackendPlugin({
  pluginId: 'aws-organizations',
  register(env) {
    const rules = new ComplianceRuleCollector(builtInComplianceRules);
    env.registerExtensionPoint(awsOrganizationsComplianceExtensionPoint, {
      addRules: (...added) => rules.addRules(...added),
    });
    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        userInfo: coreServices.userInfo,
        notifications: notificationService,
      },
      async init(deps) {
        const { rootConfig, logger, scheduler } = deps;
        const config = readAwsOrganizationsConfig(rootConfig);
        const store = await AwsOrganizationsStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(awsOrganizationsPermissions);
        const compliance = createComplianceReportCache(
          createComplianceEngineFromConfig({
            rootConfig,
            rules: rules.rules(),
            reachDepth: config.reach.maxDepth,
          }),
        );

        // One signals reader for the sync and the findings routes: they
        // share its clients, role sessions and the findings cache.
        const signals = createSignalsReaderFromConfig(rootConfig, {
          logger,
          readerConfig: config.reader,
        });
        const reader = createReaderSource({
          config: rootConfig,
          reader: config.reader,
          logger,
          signals,
        });
        const eventsOn = config.enabled && config.events.enabled;
        const fullReads = createFullReadRequests({ scheduler, logger });
        let subscriber: EventsSubscriber | undefined;
        // Access reviews: campaigns pin the current snapshot; each new one
        // closes the remediation entries whose grant is gone.
        let reviewCurrent: () => Promise<
          GovernanceViewLike | undefined
        > = async () => undefined;
        let offerToGovernance: GovernanceState['offer'] = () => undefined;
        const reviews = createReviewService({
          store: store.reviews,
          logger,
          current: () => reviewCurrent(),
          reminders: createReviewReminders({
            store: store.reviews,
            notifications: deps.notifications,
            logger,
            reminderDays: config.reviews.reminderDays,
          }),
          reachDepth: config.reach.maxDepth,
        });

        const engine = createSyncEngine({
          afterSnapshotStored: async stored => {
            // The routes' view of it reuses what this process holds.
            offerToGovernance(stored);
            await reviews.closeRemediations(stored);
          },
          config,
          store,
          logger,
          events: deps.events,
          readSnapshot: reader.full,
          readTargeted: reader.targeted,
          onFullReadStored: async ({ startedAt }) => {
            await subscriber?.replaySince(startedAt);
            await fullReads.afterFullRead();
          },
          readDirectory: () =>
            readCatalogDirectory({
              catalog: deps.catalog,
              auth: deps.auth,
              externalIdAnnotation: config.mapping.externalIdAnnotation,
            }),
          compliance,
        });
        let queueHealth: QueueHealthCheck | undefined;
        if (eventsOn) {
          subscriber = createEventsSubscriber({
            config: config.events,
            store,
            engine,
            logger,
            requestFullRead: reason => fullReads.request(reason),
          });
          queueHealth = createQueueHealth({
            config: config.events,
            store,
            logger,
            requestFullRead: reason => fullReads.request(reason),
            outageReadEveryMs: scheduleFrequencyMs(config.schedule),
          });
          await deps.events.subscribe({
            id: 'aws-organizations-cloudtrail',
            topics: [config.events.topic],
            onEvent: async params => {
              await subscriber!.onEvent(params.eventPayload);
            },
          });
          await scheduler.scheduleTask({
            id: EVENTS_HEALTH_TASK_ID,
            scope: 'local',
            frequency: { seconds: config.events.poll.healthCheckSeconds },
            timeout: { seconds: 30 },
            initialDelay: { seconds: 10 },
            fn: async () => {
              await queueHealth!.check();
              await store.events
                .prune(new Date(Date.now() - CLAIM_RETENTION_MS))
                .catch(() => undefined);
            },
          });
          logger.info(
            'AWS organization events on: targeted re-reads from the events topic, full reads on the reconciliation schedule',
            { topic: config.events.topic, queueUrl: config.events.queue.url },
          );
        }
        if (config.enabled) {
          await scheduler.scheduleTask({
            id: SYNC_TASK_ID,
            scope: 'global',
            ...(eventsOn
              ? config.events.reconciliationSchedule
              : config.schedule),
            fn: async signal => {
              await engine.run({ signal });
            },
          });
          await scheduler.scheduleTask({
            id: RESOLVE_TASK_ID,
            scope: 'global',
            ...config.resolutionSchedule,
            fn: async () => {
              try {
                await engine.refreshResolution();
              } catch (error) {
                logger.warn(
                  'Could not resolve owners and principals against the catalog again; keeping the stored resolution',
                  { error: (error as Error).message },
                );
              }
            },
          });
        } else {
          logger.info(
            'AWS organization sync disabled (awsOrganizations.enabled: false); serving the stored data',
          );
        }

        const governance = createGovernanceState({
          store,
          compliance,
          logger,
          namespace: config.catalog.namespace,
          reachDepth: config.reach.maxDepth,
        });
        reviewCurrent = () => governance.current();
        offerToGovernance = stored => governance.offer(stored);
        await scheduler.scheduleTask({
          id: REVIEW_TASK_ID,
          scope: 'global',
          ...config.reviews.schedule,
          fn: async () => {
            await reviews.runTask();
          },
        });
        /** The permission resources of accounts: owner and review teams. */
        const accountResources = async (accountIds?: string[]) => {
          const view = await governance.current();
          if (!view) return new Map<string, AwsAccountPermissionResource>();
          const reviewers = await store.reviews.items.pendingAssignees(
            accountIds,
          );
          const out = new Map<string, AwsAccountPermissionResource>();
          for (const accountId of accountIds ?? view.index.accounts.keys()) {
            if (!view.index.accounts.has(accountId)) continue;
            const ownerRef = view.resolution.accountOwners[accountId]?.ref;
            const reviewerRefs = reviewers.get(accountId);
            out.set(accountId, {
              accountId,
              ...(ownerRef ? { ownerRef } : {}),
              ...(reviewerRefs ? { reviewerRefs } : {}),
            });
          }
          return out;
        };
        // Index and judge each new snapshot when it lands, not on the first
        // request after it (seconds at 5,000 accounts).
        await deps.events.subscribe({
          id: 'aws-organizations-governance-warmup',
          topics: [SNAPSHOT_EVENT_TOPIC],
          onEvent: async () => {
            await governance.current().catch(error =>
              logger.warn('Could not index the new AWS organization snapshot', {
                error: (error as Error).message,
              }),
            );
          },
        });
        // The account resource type of the findings and review permissions:
        // conditional decisions (e.g. "member of the account's owner team")
        // are applied to the owners of the current snapshot's resolution.
        deps.permissionsRegistry.addResourceType({
          resourceRef: awsAccountPermissionResourceRef,
          rules: Object.values(awsAccountPermissionRules),
          getResources: async accountIds => {
            const resources = await accountResources(accountIds);
            return accountIds.map(accountId => resources.get(accountId));
          },
        });
        // The account-scoped permission checks of findings and reviews.
        const accountPermissions = createAccountPermissions({
          permissions: deps.permissions,
          permissionsRegistry: deps.permissionsRegistry,
          accountResources: async () => [
            ...(await accountResources()).values(),
          ],
        });
        deps.httpRouter.use(
          await createRouter({
            logger,
            store,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            syncTrigger: createSyncTrigger({
              config,
              store,
              scheduler,
              logger,
            }),
            governance,
            reachDepth: config.reach.maxDepth,
            ...(eventsOn
              ? {
                  events: {
                    topic: config.events.topic,
                    queue: () => queueHealth?.status(),
                    lastBatch: () => subscriber?.lastBatch(),
                    lastFullReadRequest: () => fullReads.last(),
                    duplicates: () => subscriber?.duplicates() ?? 0,
                  },
                }
              : {}),
            findings: auth =>
              createFindingsRouter({
                auth,
                permissions: accountPermissions,
                state: governance,
                store: store.findingCounts,
                signals,
              }),
            reviews: auth =>
              createReviewsRouter({
                auth,
                access: createReviewAccess({
                  permissions: deps.permissions,
                  userInfo: deps.userInfo,
                  accounts: accountPermissions,
                }),
                store: store.reviews,
                service: reviews,
                current: () => governance.current(),
                revocationGraceDays: config.reviews.revocationGraceDays,
              }),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        for (const path of [...DOWNLOAD_PATHS, ...REVIEW_DOWNLOAD_PATHS]) {
          deps.httpRouter.addAuthPolicy({ path, allow: 'user-cookie' });
        }
      },
    });
  },
});
