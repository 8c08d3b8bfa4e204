import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { demoDeveloperAuthApi, signInPage } from './signInPage';

/** The sign-in page and the auth API of the demo's second identity. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, demoDeveloperAuthApi],
});
