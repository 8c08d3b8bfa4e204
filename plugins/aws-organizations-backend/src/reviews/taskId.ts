/** The scheduler task of the access reviews (recurrence, reminders, remediation). */
export const REVIEW_TASK_ID = 'aws-organizations-reviews';
