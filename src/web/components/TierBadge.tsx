/** The contributor tiers, lowest first (index = tier number); each has its own colour. */
export const TIERS = ['Initiate', 'Apprentice', 'Adept', 'Expert', 'Master', 'Demigod'] as const;

/** A contributor's tier as a coloured pill. */
export function TierBadge({ tier }: { tier: string }) {
  const known = (TIERS as readonly string[]).includes(tier);
  return (
    <span className={`tier tier-${known ? tier.toLowerCase() : 'unknown'}`} data-tier={tier}>
      {tier}
    </span>
  );
}
