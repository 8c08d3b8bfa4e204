import { Header, Page } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { AccountLookup } from '../AccountLookupPage/AccountLookup';
import { OrgExplorer } from './OrgExplorer';

/**
 * The AWS Organizations page: header and {@link OrgExplorer}; below it,
 * `accounts/:accountId` looks an account up (its catalog page, or why the
 * catalog lacks it and when to expect it).
 */
export function OrgExplorerPage() {
  return (
    <Page themeId="tool">
      <Header
        title="AWS Organizations"
        subtitle="Accounts, organizational units, guardrails and compliance"
      />
      <Routes>
        <Route path="/" element={<OrgExplorer />} />
        <Route path="/accounts/:accountId" element={<AccountLookup />} />
      </Routes>
    </Page>
  );
}
