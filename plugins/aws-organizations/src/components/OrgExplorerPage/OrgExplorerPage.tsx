import { Header, Page } from '@backstage/core-components';
import { OrgExplorer } from './OrgExplorer';

/**
 * The AWS Organizations explorer page: header and {@link OrgExplorer}.
 */
export function OrgExplorerPage() {
  return (
    <Page themeId="tool">
      <Header
        title="AWS Organizations"
        subtitle="Accounts, organizational units, guardrails and compliance"
      />
      <OrgExplorer />
    </Page>
  );
}
