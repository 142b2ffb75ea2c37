import type { Profile } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { DailyChart } from '../components/DailyChart.tsx';
import { Loading } from '../components/Loading.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { StackedBar } from '../components/StackedBar.tsx';
import { TierBadge } from '../components/TierBadge.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatCrv, formatPercent, shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { Achievements } from '../profile/Achievements.tsx';
import { CheckInButton } from '../profile/CheckInButton.tsx';
import { MyDatasets } from '../profile/MyDatasets.tsx';
import { SkillsTable } from '../profile/SkillsTable.tsx';

/** Level, the XP into it and what the next one needs; a notice when accuracy holds the level down. */
function LevelCard({ profile, own }: { profile: Profile; own: boolean }) {
  const { level, levelProgress: lp, demotedReason, nextTier } = profile;
  return (
    <section className="card panel" aria-label="Level">
      <div className="level-head">
        <div>
          <span className="eyebrow">Level</span>
          <span className="level-number" data-testid="profile-level">
            {level}
          </span>
        </div>
        <div className="level-xp">
          <strong>{profile.xp.toLocaleString()} XP</strong>
          {lp.xpForNextLevel !== null ? (
            <span className="muted small">
              {/* Above XP: a level an admin set (development accounts start with one); below: held down by accuracy. */}
              {lp.level < level && `a granted level; XP alone gives level ${lp.level} · `}
              {lp.level > level && `XP level ${lp.level} · `}
              {(lp.xpForNextLevel - lp.xpIntoLevel).toLocaleString()} XP to level {lp.level + 1}
            </span>
          ) : (
            <span className="muted small">the highest level</span>
          )}
        </div>
      </div>
      {lp.xpForNextLevel !== null && (
        <ProgressBar
          value={lp.xpIntoLevel}
          max={lp.xpForNextLevel}
          label={`Progress to level ${lp.level + 1}`}
        />
      )}
      {demotedReason && (
        <Alert
          tone="warning"
          title={`Level held at ${level}${lp.level > level ? ` (XP alone gives ${lp.level})` : ''}`}
        >
          {demotedReason}
          {own && ' Accurate answers bring it back.'}
        </Alert>
      )}
      <p className="tier-line">
        <TierBadge tier={profile.tier} />
        {nextTier ? (
          <span className="muted small">
            Next tier: <strong>{nextTier.name}</strong> — still to do: {nextTier.missing}
          </span>
        ) : (
          <span className="muted small">The highest tier.</span>
        )}
      </p>
    </section>
  );
}

/** A contributor's progress: their own at /profile (with the daily check-in), anyone's at /u/:address. */
export function ProfilePage({ address }: { address?: string }) {
  const { me } = useSession();
  const own = !address || address.toLowerCase() === me?.address.toLowerCase();
  const loaded = useAsync(
    () => (own ? apiClient.profile() : apiClient.userProfile(address ?? '')),
    [own, address],
  );
  const profile = loaded.data;

  if (!profile)
    return loaded.loading ? (
      <Loading />
    ) : (
      <div className="page">
        <Alert title="Could not open this profile" action={<Link to="/leaderboard">Leaderboard</Link>}>
          {loaded.error ?? 'No contributor with this address.'}
        </Alert>
      </div>
    );

  const name = profile.user.displayName ?? shortAddress(profile.user.address);
  const { answers, reviews, earnings, streak } = profile;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{own ? 'Your profile' : name}</h1>
          <p className="meta-line">
            <TierBadge tier={profile.tier} />
            {own && profile.user.displayName && (
              <span className="muted small">{profile.user.displayName}</span>
            )}
            <span className="mono muted small hash">{profile.user.address}</span>
            {profile.rank !== null && (
              <Link
                to={`/leaderboard?page=${Math.floor((profile.rank - 1) / 50) + 1}`}
                className="badge badge-quiet badge-link"
              >
                Rank #{profile.rank.toLocaleString()}
              </Link>
            )}
          </p>
        </div>
        {loaded.error && <Alert tone="warning">Could not refresh: {loaded.error}</Alert>}
      </header>

      <div className="project-grid">
        <div className="stack">
          <LevelCard profile={profile} own={own} />
          <section className="card panel" aria-label="Activity">
            <h2>XP, last 30 days</h2>
            <DailyChart
              daily={profile.daily.map((d) => ({ day: d.day, value: d.xp }))}
              unit="XP"
              emptyText="No XP earned in the last 30 days"
            />
          </section>
          <section className="card panel" aria-label="Skills">
            <div className="panel-head">
              <h2>Skills</h2>
              <span className="muted small">
                Overall accuracy {profile.accuracy === null ? '—' : formatPercent(profile.accuracy)}
              </span>
            </div>
            <SkillsTable skills={profile.skills} />
          </section>
        </div>
        <div className="stack">
          <section className="card panel" aria-label="Streak">
            <h2>Streak</h2>
            <dl className="stats two-up">
              <div className="stat" data-stat="Current streak">
                <dt>Current</dt>
                <dd>
                  {streak.current} day{streak.current === 1 ? '' : 's'}
                </dd>
              </div>
              <div className="stat" data-stat="Longest streak">
                <dt>Longest</dt>
                <dd>
                  {streak.longest} day{streak.longest === 1 ? '' : 's'}
                </dd>
              </div>
            </dl>
            {own && <CheckInButton checkedInToday={profile.checkedInToday} onCheckedIn={loaded.reload} />}
          </section>
          <section className="card panel" aria-label="Work">
            <h2>Work</h2>
            <StackedBar
              label="Answers by status"
              segments={[
                { key: 'approved', label: 'Approved', value: answers.approved, tone: 'approved' },
                { key: 'pending', label: 'Pending', value: answers.pending, tone: 'pending' },
                { key: 'review', label: 'In review', value: answers.review, tone: 'review' },
                { key: 'rejected', label: 'Rejected', value: answers.rejected, tone: 'rejected' },
              ]}
            />
            <dl className="stats two-up">
              <div className="stat" data-stat="Reviews">
                <dt>Reviews done</dt>
                <dd>{reviews.done.toLocaleString()}</dd>
              </div>
              <div className="stat" data-stat="Gold reviews">
                <dt>Gold reviews</dt>
                <dd>{reviews.goldTotal === 0 ? '—' : `${reviews.goldCorrect} / ${reviews.goldTotal}`}</dd>
                <span className="muted small">judged right</span>
              </div>
            </dl>
          </section>
          <section className="card panel" aria-label="Earnings">
            <h2>Earnings</h2>
            <p className="earnings-total" data-testid="earnings-total">
              {formatCrv(earnings.totalWei)}
            </p>
            <dl className="facts">
              <div>
                <dt>From answers</dt>
                <dd>{formatCrv(earnings.answersWei)}</dd>
              </div>
              <div>
                <dt>From reviews</dt>
                <dd>{formatCrv(earnings.reviewsWei)}</dd>
              </div>
            </dl>
            <p className="muted small">Accrued for approved answers and completed reviews.</p>
          </section>
        </div>
      </div>
      <section className="card panel achievements-panel" aria-label="Achievements">
        <h2>Achievements</h2>
        <Achievements achievements={profile.achievements} own={own} />
      </section>
      {own && <MyDatasets />}
    </div>
  );
}
