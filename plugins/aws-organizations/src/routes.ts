import { createRouteRef } from '@backstage/core-plugin-api';

/** The org explorer page (legacy frontend system). */
export const rootRouteRef = createRouteRef({ id: 'aws-organizations' });

/**
 * The access reviews page (legacy frontend system); mount it at
 * `/aws-organizations/reviews`, where the review reminders link to.
 */
export const reviewsRouteRef = createRouteRef({
  id: 'aws-organizations-reviews',
});
