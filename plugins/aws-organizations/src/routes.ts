import { createRouteRef } from '@backstage/core-plugin-api';

/** The org explorer page (legacy frontend system). */
export const rootRouteRef = createRouteRef({ id: 'aws-organizations' });
