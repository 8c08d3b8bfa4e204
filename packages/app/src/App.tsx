import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import awsOrganizationsPlugin from '@aws-governance/plugin-aws-organizations/alpha';
import { catalogGraphModule } from './modules/catalogGraph';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Other plugins listed in package.json (catalog-graph, org, search,
// user-settings) are discovered through `app.packages: all` in app-config.
export default createApp({
  features: [
    catalogPlugin,
    awsOrganizationsPlugin,
    navModule,
    signInModule,
    catalogGraphModule,
  ],
});
