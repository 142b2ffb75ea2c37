/** The local development accounts, signed in with keys derived from their names. Only ever offered when enabled. */
export const DEV_ACCOUNTS = [
  {
    name: 'requester',
    description: 'Requester at Demo Labs: creates projects, imports items, exports',
    roles: { requesterOf: 'Demo Labs' },
  },
  { name: 'alice', description: 'Contributor, level 3', roles: { level: 3 } },
  { name: 'bob', description: 'Contributor, level 1', roles: { level: 1 } },
  { name: 'reviewer', description: 'Trusted reviewer, level 5', roles: { level: 5, isReviewer: true } },
  { name: 'admin', description: 'Platform operator', roles: { isAdmin: true, level: 10 } },
] as const;

export type DevAccount = (typeof DEV_ACCOUNTS)[number];
