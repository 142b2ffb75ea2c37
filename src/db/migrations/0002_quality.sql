-- Quality, aggregation, reputation and progress.

-- Each project's quality settings (screening rules, gold bar, aggregation, review, judge), parsed by
-- src/shared/qualitySettings.ts; an empty object means the defaults.
alter table projects add column quality jsonb not null default '{}';

-- The quality pass reads a project's work items with answers.
create index items_project_work on items(project_id, id) where not is_gold;

-- Dynamic overlap: how many answers this item asks for. Null means the project's overlap; the quality pass
-- raises it where confidence stays low and lowers it to the answers in hand where confidence is reached.
alter table items add column needed integer check (needed between 1 and 50);

-- An answer's path: pending (screened, waiting for its item's consensus) → review (a person decides) →
-- approved or rejected. Only approved answers earn; `decided_by` says which step decided.
alter table answers
  add column status text not null default 'pending'
    check (status in ('pending', 'review', 'approved', 'rejected')),
  add column screening jsonb not null default '[]',          -- the verdicts: [{ rule, outcome, reason }]
  add column screen_outcome text not null default 'pass' check (screen_outcome in ('pass', 'flag', 'reject')),
  add column decided_by text check (decided_by in ('screening', 'gold', 'machine', 'judge', 'review', 'qa', 'sybil')),
  add column decision_reason text,
  add column decided_at timestamptz,
  add column consensus_score real,                           -- similarity to the item's consensus, 0..1
  add column consensus_agrees boolean,                      -- did it agree with the item's consensus
  add column qa_verdict text check (qa_verdict in ('accept', 'fix', 'reject'));
create index answers_pending on answers(project_id, item_id) where status = 'pending';
create index answers_in_review on answers(project_id, id) where status = 'review';
create index answers_decided on answers(user_id, decided_at) where status = 'approved';
-- a contributor's gold record in a project, read on every lease (the gold bar)
create index answers_user_gold on answers(user_id, project_id) where is_correct is not null and kind = 'work';

-- MinHash signatures of free-text and transcription answers, with their LSH bands, so a near-duplicate
-- check looks up a few candidates by index instead of comparing against every earlier answer.
create table text_signatures (
  answer_id bigint primary key references answers(id),
  project_id uuid not null references projects(id),
  user_id uuid not null references users(id),
  signature integer[] not null
);
create table text_bands (
  project_id uuid not null,
  band smallint not null,
  bucket integer not null,
  answer_id bigint not null references text_signatures(answer_id)
);
create index text_bands_lookup on text_bands(project_id, band, bucket);

-- The final label of each work item, with its confidence; rewritten by each quality pass.
create table item_labels (
  item_id bigint primary key references items(id),
  project_id uuid not null references projects(id),
  label jsonb not null,
  confidence real not null,
  answer_count integer not null,
  method text not null,
  is_final boolean not null,
  source text not null default 'aggregation' check (source in ('aggregation', 'review', 'qa')),
  updated_at timestamptz not null
);
create index item_labels_project on item_labels(project_id, item_id);

-- Peer review: one reviewer's look at one answer, blind to who gave it.
create table reviews (
  id bigint generated always as identity primary key,
  project_id uuid not null references projects(id),
  answer_id bigint not null references answers(id),
  reviewer_id uuid not null references users(id),
  is_gold boolean not null,                                  -- the answer's correctness is known: the reviewer is scored
  status text not null check (status in ('leased', 'done', 'expired')),
  leased_at timestamptz not null,
  expires_at timestamptz not null,
  verdict text check (verdict in ('approve', 'reject', 'fix')),
  reason_code text,
  note text,
  fixed_answer jsonb,
  is_correct boolean,                                        -- gold reviews: did the verdict match the truth
  reward_wei numeric(78, 0) not null default 0,
  decided_at timestamptz,
  unique (answer_id, reviewer_id)
);
create index reviews_live on reviews(answer_id) where status = 'leased';
create index reviews_reviewer on reviews(reviewer_id, project_id, status);

-- Each contributor's evidence and estimated accuracy per method and domain ('*' = every domain).
create table skills (
  user_id uuid not null references users(id),
  method text not null,
  domain text not null,
  gold_correct integer not null default 0,
  gold_total integer not null default 0,
  review_approved integer not null default 0,
  review_rejected integer not null default 0,
  consensus_agree integer not null default 0,
  consensus_total integer not null default 0,
  accuracy real not null,
  lower real not null,
  evidence real not null,                                    -- the weighted amount of evidence behind the estimate
  updated_at timestamptz not null,
  primary key (user_id, method, domain)
);

-- XP: one row per reason, so granting twice is impossible; users.xp is their sum.
create table xp_events (
  user_id uuid not null references users(id),
  source text not null,                                      -- 'answer:<id>', 'review:<id>', 'achievement:<id>', 'import:<file>'
  xp integer not null,
  created_at timestamptz not null,
  primary key (user_id, source)
);

create table achievements (
  user_id uuid not null references users(id),
  achievement text not null,
  earned_at timestamptz not null,
  primary key (user_id, achievement)
);

-- UTC days a contributor had work approved or checked in: streaks and the daily check-in.
create table activity_days (
  user_id uuid not null references users(id),
  day date not null,
  checked_in boolean not null default false,
  primary key (user_id, day)
);

alter table users
  add column tier text not null default 'Initiate',
  add column accuracy real,
  add column demoted_reason text,
  -- the level granted outright (by an admin, a development role or an import); earned XP can only raise it
  add column base_level integer not null default 0;
update users set base_level = level;
create index users_leaderboard on users(xp desc, id);

-- Anti-sybil: contributors whose answer patterns look like spam or collusion, with the evidence.
create table sybil_flags (
  id bigint generated always as identity primary key,
  user_id uuid not null references users(id),
  project_id uuid not null references projects(id),
  kind text not null check (kind in ('random_clicker', 'constant_answerer', 'colluder')),
  score real not null,
  evidence text not null,
  peers uuid[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'confirmed', 'cleared')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  resolved_by uuid references users(id),
  unique (user_id, project_id, kind)
);
create index sybil_flags_open on sybil_flags(status, created_at desc);

-- Contributors whose answers were decided since their skills, XP, level and tier were last recomputed.
create table progress_dirty (
  user_id uuid primary key references users(id),
  since timestamptz not null
);
