import type { CSSProperties } from 'react';

/**
 * A table cell whose words must not break: status words ("Non-compliant"),
 * permission set names ("AdministratorAccess"), account names and ids
 * ("payments-prod-eu") in narrow columns. The table scrolls sideways
 * instead of breaking them mid-word.
 */
export const NO_WRAP: CSSProperties = { whiteSpace: 'nowrap' };
