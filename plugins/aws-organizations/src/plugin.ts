import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { awsOrganizationsApiRef } from './api/AwsOrganizationsApi';
import { AwsOrganizationsClient } from './api/AwsOrganizationsClient';
import { reviewsRouteRef, rootRouteRef } from './routes';

/**
 * The AWS Organizations frontend plugin for the legacy frontend system.
 * For the new frontend system, import the default export of `./alpha`.
 *
 * @public
 */
export const awsOrganizationsPlugin = createPlugin({
  id: 'aws-organizations',
  apis: [
    createApiFactory({
      api: awsOrganizationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOrganizationsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, reviews: reviewsRouteRef },
});

/**
 * The org explorer page: OU tree, account search, compliance charts and sync
 * status. Mount it at `/aws-organizations`.
 *
 * @public
 */
export const AwsOrganizationsExplorerPage: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createRoutableExtension({
      name: 'AwsOrganizationsExplorerPage',
      component: () =>
        import('./components/OrgExplorerPage/OrgExplorerPage').then(
          m => m.OrgExplorerPage,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * Every view of an AWS account entity as tabs: overview, guardrails, access,
 * compliance and history.
 *
 * @public
 */
export const EntityAwsAccountContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountContent',
      component: {
        lazy: () =>
          import('./components/AccountContent/AccountContent').then(
            m => m.AccountContent,
          ),
      },
    }),
  );

/**
 * Overview of an AWS account entity: path, owner, state, tags, services and
 * sign-in links.
 *
 * @public
 */
export const EntityAwsAccountOverviewContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountOverviewContent',
      component: {
        lazy: () =>
          import('./components/AccountOverview/AccountOverview').then(
            m => m.AccountOverview,
          ),
      },
    }),
  );

/**
 * An AWS account's effective SCPs, their summary and the simulator.
 *
 * @public
 */
export const EntityAwsAccountGuardrailsContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountGuardrailsContent',
      component: {
        lazy: () =>
          import('./components/AccountGuardrails/AccountGuardrails').then(
            m => m.AccountGuardrails,
          ),
      },
    }),
  );

/**
 * Who can access an AWS account (restricted without the access permission).
 *
 * @public
 */
export const EntityAwsAccountAccessContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountAccessContent',
      component: {
        lazy: () =>
          import('./components/AccountAccess/AccountAccess').then(
            m => m.AccountAccess,
          ),
      },
    }),
  );

/**
 * An AWS account's compliance rule results.
 *
 * @public
 */
export const EntityAwsAccountComplianceContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountComplianceContent',
      component: {
        lazy: () =>
          import('./components/AccountCompliance/AccountCompliance').then(
            m => m.AccountCompliance,
          ),
      },
    }),
  );

/**
 * An AWS account's security findings from AWS's detectors (Security Hub,
 * IAM Access Analyzer, AWS Config, the organization trail): counts by
 * severity and source, their trend across syncs, and the top findings with
 * links to the AWS console for those who may read them.
 *
 * @public
 */
export const EntityAwsAccountSecurityContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountSecurityContent',
      component: {
        lazy: () =>
          import('./components/AccountSecurity/AccountSecurity').then(
            m => m.AccountSecurity,
          ),
      },
    }),
  );

/**
 * An AWS account's change history as a timeline.
 *
 * @public
 */
export const EntityAwsAccountHistoryContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountHistoryContent',
      component: {
        lazy: () =>
          import('./components/AccountHistory/AccountHistory').then(
            m => m.AccountHistory,
          ),
      },
    }),
  );

/**
 * An organizational unit (or root) entity: child OUs and accounts with their
 * compliance rollup.
 *
 * @public
 */
export const EntityAwsOrganizationalUnitContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsOrganizationalUnitContent',
      component: {
        lazy: () =>
          import(
            './components/OrganizationalUnitContent/OrganizationalUnitContent'
          ).then(m => m.OrganizationalUnitContent),
      },
    }),
  );

/**
 * A service control policy entity: document, summary, targets and affected
 * accounts.
 *
 * @public
 */
export const EntityAwsServiceControlPolicyContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsServiceControlPolicyContent',
      component: {
        lazy: () =>
          import(
            './components/ServiceControlPolicyContent/ServiceControlPolicyContent'
          ).then(m => m.ServiceControlPolicyContent),
      },
    }),
  );

/**
 * A permission set entity: policies, boundary, session and assignments.
 *
 * @public
 */
export const EntityAwsPermissionSetContent: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsPermissionSetContent',
      component: {
        lazy: () =>
          import('./components/PermissionSetContent/PermissionSetContent').then(
            m => m.PermissionSetContent,
          ),
      },
    }),
  );

/**
 * Card for an AWS account entity's overview: compliance and failing rules.
 *
 * @public
 */
export const EntityAwsAccountComplianceCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountComplianceCard',
      component: {
        lazy: () =>
          import('./components/AccountCompliance/AccountComplianceCard').then(
            m => m.AccountComplianceCard,
          ),
      },
    }),
  );

/**
 * Card for a service: the AWS accounts it runs in, their compliance and
 * failing rules.
 *
 * @public
 */
export const EntityAwsServiceAccountsCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsServiceAccountsCard',
      component: {
        lazy: () =>
          import('./components/ServiceAccountsCard/ServiceAccountsCard').then(
            m => m.ServiceAccountsCard,
          ),
      },
    }),
  );

/**
 * Card for a Group: the AWS accounts it owns and those it can reach.
 *
 * @public
 */
export const EntityAwsGroupAccountsCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsGroupAccountsCard',
      component: {
        lazy: () =>
          import('./components/GroupAccountsCard/GroupAccountsCard').then(
            m => m.GroupAccountsCard,
          ),
      },
    }),
  );

/**
 * Card for a Group: the security findings across the AWS accounts it owns
 * (the findings of those the viewer may read, counts of the others).
 *
 * @public
 */
export const EntityAwsGroupFindingsCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsGroupFindingsCard',
      component: {
        lazy: () =>
          import('./components/GroupFindingsCard/GroupFindingsCard').then(
            m => m.GroupFindingsCard,
          ),
      },
    }),
  );

/**
 * Card for a service: the finding counts of the AWS accounts it runs in,
 * and the findings on resources whose tag `tagKey` (default `service`)
 * names the entity.
 *
 * @public
 */
export const EntityAwsServiceFindingsCard: (props: {
  tagKey?: string;
}) => JSX.Element = awsOrganizationsPlugin.provide(
  createComponentExtension({
    name: 'EntityAwsServiceFindingsCard',
    component: {
      lazy: () =>
        import('./components/ServiceFindingsCard/ServiceFindingsCard').then(
          m => m.ServiceFindingsCard,
        ),
    },
  }),
);

/**
 * Card for a Group: the compliance of the AWS accounts it owns (accounts per
 * status, the non-compliant ones by name); made for the page's side column.
 *
 * @public
 */
export const EntityAwsGroupComplianceCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsGroupComplianceCard',
      component: {
        lazy: () =>
          import('./components/GroupComplianceCard/GroupComplianceCard').then(
            m => m.GroupComplianceCard,
          ),
      },
    }),
  );

/**
 * For the `NotFoundComponent` of an `EntityLayout`: on the page of an AWS
 * account entity the catalog has not ingested yet, says so and when to
 * expect it (the next catalog refresh after the sync, or the next sync), and
 * shows the entity by itself once the catalog has it; for any other entity
 * the catalog's usual "not found" message.
 *
 * @public
 */
export const EntityAwsAccountNotFound: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountNotFound',
      component: {
        lazy: () =>
          import('./components/AccountLookupPage/AccountEntityNotFound').then(
            m => m.AccountEntityNotFound,
          ),
      },
    }),
  );

/**
 * Card for a User: the person's AWS access.
 *
 * @public
 */
export const EntityAwsUserAccessCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsUserAccessCard',
      component: {
        lazy: () =>
          import('./components/UserAccessCard/UserAccessCard').then(
            m => m.UserAccessCard,
          ),
      },
    }),
  );

/**
 * Card for a Group: the AWS accounts the team reaches through IAM roles,
 * each with its path.
 *
 * @public
 */
export const EntityAwsGroupRoleReachCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsGroupRoleReachCard',
      component: {
        lazy: () =>
          import('./components/RoleReach/GroupRoleReachCard').then(
            m => m.GroupRoleReachCard,
          ),
      },
    }),
  );

/**
 * Card for a service: who reaches the AWS accounts it runs in through IAM
 * roles, each with its path.
 *
 * @public
 */
export const EntityAwsServiceRoleReachCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsServiceRoleReachCard',
      component: {
        lazy: () =>
          import('./components/RoleReach/ServiceRoleReachCard').then(
            m => m.ServiceRoleReachCard,
          ),
      },
    }),
  );

/**
 * The access reviews page: campaigns with their progress (in all and per
 * team, overdue ones marked), starting a campaign for admins, and each
 * campaign's reviewer queue, remediation entries and evidence export.
 * Mount it at `/aws-organizations/reviews`: the reminders the backend sends
 * link to `/aws-organizations/reviews/<campaignId>`.
 *
 * @public
 */
export const AwsOrganizationsReviewsPage: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createRoutableExtension({
      name: 'AwsOrganizationsReviewsPage',
      component: () =>
        import('./components/Reviews/ReviewsPage').then(m => m.ReviewsPage),
      mountPoint: reviewsRouteRef,
    }),
  );

/**
 * Card for an AWS account entity: its last access review, its open items
 * and its open remediation entries.
 *
 * @public
 */
export const EntityAwsAccountReviewsCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountReviewsCard',
      component: {
        lazy: () =>
          import('./components/Reviews/AccountReviewsCard').then(
            m => m.AccountReviewsCard,
          ),
      },
    }),
  );

/**
 * Card for a Group: the team's pending access reviews.
 *
 * @public
 */
export const EntityAwsGroupReviewsCard: () => JSX.Element =
  awsOrganizationsPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsGroupReviewsCard',
      component: {
        lazy: () =>
          import('./components/Reviews/GroupReviewsCard').then(
            m => m.GroupReviewsCard,
          ),
      },
    }),
  );
