/**
 * Where the Reviews page lives: the reminders the backend sends link to
 * `/aws-organizations/reviews/<campaignId>`, so both frontend systems mount
 * it there.
 */
export const REVIEWS_PATH = '/aws-organizations/reviews';

/** The page of one campaign (its reviewer queue). */
export function campaignPath(campaignId: string): string {
  return `${REVIEWS_PATH}/${encodeURIComponent(campaignId)}`;
}
