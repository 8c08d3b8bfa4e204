import { Header, Page } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { CampaignList } from './CampaignList';
import { CampaignPage } from './CampaignPage';

/**
 * The access reviews page (mounted at `/aws-organizations/reviews`): the
 * campaigns with their progress, and below it `:campaignId`, one
 * campaign's reviewer queue, remediation entries and evidence.
 */
export function ReviewsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Access reviews"
        subtitle="Owners attest who may reach their AWS accounts"
      />
      <Routes>
        <Route path="/" element={<CampaignList />} />
        <Route path="/:campaignId" element={<CampaignPage />} />
      </Routes>
    </Page>
  );
}
