import { TabbedLayout } from '@backstage/core-components';
import { AccountAccess } from '../AccountAccess/AccountAccess';
import { AccountCompliance } from '../AccountCompliance/AccountCompliance';
import { AccountGuardrails } from '../AccountGuardrails/AccountGuardrails';
import { AccountSecurity } from '../AccountSecurity/AccountSecurity';
import { AccountHistory } from '../AccountHistory/AccountHistory';
import { AccountOverview } from '../AccountOverview/AccountOverview';

/**
 * Every view of an AWS account entity as tabs (overview, guardrails,
 * access, compliance, security, history), for a single `EntityLayout.Route` in the
 * legacy frontend system.
 */
export function AccountContent() {
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title="Overview">
        <AccountOverview />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/guardrails" title="Guardrails">
        <AccountGuardrails />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/access" title="Access">
        <AccountAccess />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/compliance" title="Compliance">
        <AccountCompliance />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/security" title="Security">
        <AccountSecurity />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/history" title="History">
        <AccountHistory />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
}
