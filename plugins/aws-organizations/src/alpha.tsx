import { isAwsAccountEntity } from '@aws-governance/plugin-aws-organizations-common';
import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import CloudIcon from '@material-ui/icons/Cloud';
import { z } from 'zod';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import { awsOrganizationsApiRef } from './api/AwsOrganizationsApi';
import { AwsOrganizationsClient } from './api/AwsOrganizationsClient';
import {
  isAwsAccountWorkloadEntity,
  isAwsOrganizationalUnitEntity,
  isAwsOrganizationRootEntity,
  isAwsPermissionSetEntity,
  isAwsServiceControlPolicyEntity,
  isKindOf,
} from './entities';

/** The org explorer page (new frontend system). */
const explorerRouteRef = createRouteRef();
/** The access reviews page (new frontend system). */
const reviewsRouteRef = createRouteRef();

/**
 * The AWS Organizations API (`api:aws-organizations`).
 *
 * @alpha
 */
export const awsOrganizationsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: awsOrganizationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOrganizationsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The org explorer page at `/aws-organizations`
 * (`page:aws-organizations`), with its nav entry.
 *
 * @alpha
 */
export const awsOrganizationsExplorerPage = PageBlueprint.make({
  params: {
    path: '/aws-organizations',
    routeRef: explorerRouteRef,
    title: 'AWS Organizations',
    icon: <CloudIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/OrgExplorerPage/OrgExplorerPage').then(m => (
        <m.OrgExplorerPage />
      )),
  },
});

/**
 * The access reviews page at `/aws-organizations/reviews`
 * (`page:aws-organizations/reviews`), with its nav entry: the campaigns and
 * each campaign's queue at `/aws-organizations/reviews/<campaignId>`, where
 * the backend's reminders link to.
 *
 * @alpha
 */
export const awsOrganizationsReviewsPage = PageBlueprint.make({
  name: 'reviews',
  params: {
    path: '/aws-organizations/reviews',
    routeRef: reviewsRouteRef,
    title: 'Access reviews',
    icon: <AssignmentTurnedInIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/Reviews/ReviewsPage').then(m => <m.ReviewsPage />),
  },
});

const isOrganizationNode = (entity: Entity) =>
  isAwsOrganizationalUnitEntity(entity) || isAwsOrganizationRootEntity(entity);

/** @alpha */
export const awsAccountOverviewContent = EntityContentBlueprint.make({
  name: 'account-overview',
  params: {
    path: '/aws-account',
    title: 'AWS account',
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/AccountOverview/AccountOverview').then(m => (
        <m.AccountOverview />
      )),
  },
});

/** @alpha */
export const awsAccountGuardrailsContent = EntityContentBlueprint.make({
  name: 'account-guardrails',
  params: {
    path: '/guardrails',
    title: 'Guardrails',
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/AccountGuardrails/AccountGuardrails').then(m => (
        <m.AccountGuardrails />
      )),
  },
});

/** @alpha */
export const awsAccountAccessContent = EntityContentBlueprint.make({
  name: 'account-access',
  params: {
    path: '/access',
    title: 'Access',
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/AccountAccess/AccountAccess').then(m => (
        <m.AccountAccess />
      )),
  },
});

/** @alpha */
export const awsAccountComplianceContent = EntityContentBlueprint.make({
  name: 'account-compliance',
  params: {
    path: '/compliance',
    title: 'Compliance',
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/AccountCompliance/AccountCompliance').then(m => (
        <m.AccountCompliance />
      )),
  },
});

/**
 * An account's Security tab: findings of AWS's detectors by severity and
 * source, their trend, and the top findings for those who may read them.
 *
 * @alpha
 */
export const awsAccountSecurityContent = EntityContentBlueprint.make({
  name: 'account-security',
  params: {
    path: '/security',
    title: 'Security',
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/AccountSecurity/AccountSecurity').then(m => (
        <m.AccountSecurity />
      )),
  },
});

/** @alpha */
export const awsAccountHistoryContent = EntityContentBlueprint.make({
  name: 'account-history',
  params: {
    path: '/history',
    title: 'History',
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/AccountHistory/AccountHistory').then(m => (
        <m.AccountHistory />
      )),
  },
});

/** @alpha */
export const awsOrganizationalUnitContent = EntityContentBlueprint.make({
  name: 'organizational-unit',
  params: {
    path: '/aws-organizational-unit',
    title: 'Organizational unit',
    filter: isOrganizationNode,
    loader: () =>
      import(
        './components/OrganizationalUnitContent/OrganizationalUnitContent'
      ).then(m => <m.OrganizationalUnitContent />),
  },
});

/** @alpha */
export const awsServiceControlPolicyContent = EntityContentBlueprint.make({
  name: 'service-control-policy',
  params: {
    path: '/aws-policy',
    title: 'Policy',
    filter: isAwsServiceControlPolicyEntity,
    loader: () =>
      import(
        './components/ServiceControlPolicyContent/ServiceControlPolicyContent'
      ).then(m => <m.ServiceControlPolicyContent />),
  },
});

/** @alpha */
export const awsPermissionSetContent = EntityContentBlueprint.make({
  name: 'permission-set',
  params: {
    path: '/aws-permission-set',
    title: 'Permission set',
    filter: isAwsPermissionSetEntity,
    loader: () =>
      import('./components/PermissionSetContent/PermissionSetContent').then(
        m => <m.PermissionSetContent />,
      ),
  },
});

/** @alpha */
export const awsAccountComplianceCard = EntityCardBlueprint.make({
  name: 'account-compliance',
  params: {
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/AccountCompliance/AccountComplianceCard').then(m => (
        <m.AccountComplianceCard />
      )),
  },
});

/** @alpha */
export const awsServiceAccountsCard = EntityCardBlueprint.make({
  name: 'service-accounts',
  params: {
    filter: isAwsAccountWorkloadEntity,
    loader: () =>
      import('./components/ServiceAccountsCard/ServiceAccountsCard').then(m => (
        <m.ServiceAccountsCard />
      )),
  },
});

/** @alpha */
export const awsGroupAccountsCard = EntityCardBlueprint.make({
  name: 'group-accounts',
  params: {
    filter: isKindOf('group'),
    loader: () =>
      import('./components/GroupAccountsCard/GroupAccountsCard').then(m => (
        <m.GroupAccountsCard />
      )),
  },
});

/**
 * The compliance of a team's accounts, an info card: the side column of
 * the team page.
 *
 * @alpha
 */
export const awsGroupComplianceCard = EntityCardBlueprint.make({
  name: 'group-compliance',
  params: {
    type: 'info',
    filter: isKindOf('group'),
    loader: () =>
      import('./components/GroupComplianceCard/GroupComplianceCard').then(m => (
        <m.GroupComplianceCard />
      )),
  },
});

/**
 * The security findings across a team's accounts.
 *
 * @alpha
 */
export const awsGroupFindingsCard = EntityCardBlueprint.make({
  name: 'group-findings',
  params: {
    filter: isKindOf('group'),
    loader: () =>
      import('./components/GroupFindingsCard/GroupFindingsCard').then(m => (
        <m.GroupFindingsCard />
      )),
  },
});

/**
 * A service's AWS accounts' finding counts and the findings on resources
 * tagged with the service; `tagKey` (extension config, default `service`)
 * names the resource tag, e.g. `tagKey: app` in the config of
 * `entity-card:aws-organizations/service-findings` under `app.extensions`.
 *
 * @alpha
 */
export const awsServiceFindingsCard = EntityCardBlueprint.makeWithOverrides({
  name: 'service-findings',
  configSchema: {
    tagKey: z.string().min(1).default('service'),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isAwsAccountWorkloadEntity,
      loader: () =>
        import('./components/ServiceFindingsCard/ServiceFindingsCard').then(
          m => <m.ServiceFindingsCard tagKey={config.tagKey} />,
        ),
    });
  },
});

/** @alpha */
export const awsGroupRoleReachCard = EntityCardBlueprint.make({
  name: 'group-role-reach',
  params: {
    filter: isKindOf('group'),
    loader: () =>
      import('./components/RoleReach/GroupRoleReachCard').then(m => (
        <m.GroupRoleReachCard />
      )),
  },
});

/** @alpha */
export const awsServiceRoleReachCard = EntityCardBlueprint.make({
  name: 'service-role-reach',
  params: {
    filter: isAwsAccountWorkloadEntity,
    loader: () =>
      import('./components/RoleReach/ServiceRoleReachCard').then(m => (
        <m.ServiceRoleReachCard />
      )),
  },
});

/**
 * An AWS account's last access review and open items, an info card.
 *
 * @alpha
 */
export const awsAccountReviewsCard = EntityCardBlueprint.make({
  name: 'account-reviews',
  params: {
    type: 'info',
    filter: isAwsAccountEntity,
    loader: () =>
      import('./components/Reviews/AccountReviewsCard').then(m => (
        <m.AccountReviewsCard />
      )),
  },
});

/**
 * A team's pending access reviews, an info card.
 *
 * @alpha
 */
export const awsGroupReviewsCard = EntityCardBlueprint.make({
  name: 'group-reviews',
  params: {
    type: 'info',
    filter: isKindOf('group'),
    loader: () =>
      import('./components/Reviews/GroupReviewsCard').then(m => (
        <m.GroupReviewsCard />
      )),
  },
});

/** @alpha */
export const awsUserAccessCard = EntityCardBlueprint.make({
  name: 'user-access',
  params: {
    filter: isKindOf('user'),
    loader: () =>
      import('./components/UserAccessCard/UserAccessCard').then(m => (
        <m.UserAccessCard />
      )),
  },
});

/**
 * The AWS Organizations frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aws-organizations',
  title: 'AWS Organizations',
  icon: <CloudIcon fontSize="inherit" />,
  routes: { root: explorerRouteRef, reviews: reviewsRouteRef },
  extensions: [
    awsOrganizationsApi,
    awsOrganizationsExplorerPage,
    awsOrganizationsReviewsPage,
    awsAccountOverviewContent,
    awsAccountGuardrailsContent,
    awsAccountAccessContent,
    awsAccountComplianceContent,
    awsAccountSecurityContent,
    awsAccountHistoryContent,
    awsOrganizationalUnitContent,
    awsServiceControlPolicyContent,
    awsPermissionSetContent,
    awsAccountComplianceCard,
    awsServiceAccountsCard,
    awsGroupAccountsCard,
    awsGroupComplianceCard,
    awsGroupFindingsCard,
    awsServiceFindingsCard,
    awsUserAccessCard,
    awsGroupRoleReachCard,
    awsServiceRoleReachCard,
    awsAccountReviewsCard,
    awsGroupReviewsCard,
  ],
});
