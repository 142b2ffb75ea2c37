/** The contributor tiers, lowest first; each is a soulbound badge, so the names are fixed. */
export const TIER_NAMES = ['Initiate', 'Apprentice', 'Adept', 'Expert', 'Master', 'Demigod'] as const;
export type TierName = (typeof TIER_NAMES)[number];
