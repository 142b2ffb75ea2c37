import { TIERS } from '../components/TierBadge.tsx';

/** The soulbound tier badges (tiers 1–5) as pills; the ones not held are greyed. */
export function TierBadges({ held }: { held: number[] }) {
  return (
    <ul className="tier-badges" aria-label="Tier badges on chain">
      {TIERS.map((name, tier) => {
        if (tier === 0) return null;
        const has = held.includes(tier);
        return (
          <li key={name}>
            <span
              className={has ? `tier tier-${name.toLowerCase()}` : 'tier tier-missing'}
              data-tier={name}
              data-held={has}
              title={has ? `You hold the ${name} badge` : `Not held yet: reach the ${name} tier`}
            >
              {name}
              <span className="sr-only">{has ? ' (held)' : ' (not held)'}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
