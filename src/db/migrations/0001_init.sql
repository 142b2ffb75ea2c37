-- Caravan's first schema: accounts, projects, items, the work loop and the contribution ledger.

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  address text not null unique,            -- checksummed EVM address
  display_name text,
  is_admin boolean not null default false,
  is_reviewer boolean not null default false,
  level integer not null default 0,
  xp bigint not null default 0,
  created_at timestamptz not null default now()
);

create table memberships (
  org_id uuid not null references organizations(id),
  user_id uuid not null references users(id),
  role text not null check (role in ('owner', 'requester')),
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index memberships_user on memberships(user_id);

-- Sign-In with Ethereum nonces: issued by the server, consumed once.
create table auth_nonces (
  nonce text primary key,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);

create table sessions (
  token_hash bytea primary key,            -- sha256 of the cookie value; the value itself is never stored
  user_id uuid not null references users(id),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions(user_id);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations(id),
  user_id uuid not null references users(id),
  name text not null,
  prefix text not null,
  key_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table projects (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations(id),
  created_by uuid not null references users(id),
  name text not null,
  description text not null default '',
  task_type text not null check (task_type in ('enterprise', 'dual_reward', 'community')),
  modality text not null check (modality in ('text', 'image', 'audio', 'video', 'hybrid')),
  method text not null,
  annotation jsonb not null,               -- { method, config } as parsed by the shared schema
  instructions text not null default '',
  overlap integer not null check (overlap between 1 and 50),
  reward_per_item_wei numeric(78, 0) not null check (reward_per_item_wei >= 0),
  budget_wei numeric(78, 0) not null check (budget_wei >= 0),
  daily_cap integer not null check (daily_cap > 0),
  required_level integer not null default 0,
  languages text[] not null default '{}',
  domains text[] not null default '{}',
  deadline timestamptz,
  exam jsonb not null,
  gold_share real not null default 0,
  lease_seconds integer not null,
  status text not null default 'active' check (status in ('active', 'paused', 'closed')),
  item_count integer not null default 0,
  gold_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index projects_org on projects(org_id, created_at desc);
create index projects_status on projects(status) where status = 'active';

create table items (
  id bigint generated always as identity primary key,
  project_id uuid not null references projects(id),
  external_id text,
  data jsonb not null,
  is_gold boolean not null default false,
  gold_answer jsonb,
  answer_count integer not null default 0,
  claims integer not null default 0,       -- submitted answers plus live leases
  is_open boolean not null default true,   -- claims < the project's overlap: the item can be leased
  created_at timestamptz not null default now()
);
create unique index items_external on items(project_id, external_id) where external_id is not null;
-- The assignment query walks this index: the open work items of a project in order.
create index items_open on items(project_id, id) where is_open and not is_gold;
create index items_gold on items(project_id, id) where is_gold;

create table assignments (
  id bigint generated always as identity primary key,
  project_id uuid not null references projects(id),
  item_id bigint not null references items(id),
  user_id uuid not null references users(id),
  kind text not null check (kind in ('work', 'exam')),
  status text not null check (status in ('leased', 'submitted', 'skipped', 'expired')),
  leased_at timestamptz not null,
  expires_at timestamptz not null,
  closed_at timestamptz,
  skip_reason text,
  skip_note text,
  exam_attempt integer check ((kind = 'exam') = (exam_attempt is not null))
);
-- never the same work item twice to one contributor; exam questions once per attempt
create unique index assignments_once on assignments(item_id, user_id) where kind = 'work';
create unique index assignments_exam_once on assignments(item_id, user_id, exam_attempt) where kind = 'exam';
create index assignments_live on assignments(item_id) where status = 'leased';
create index assignments_user_project on assignments(user_id, project_id, status);
-- where a contributor's next lease starts looking: after the last item they were given
create index assignments_user_item on assignments(user_id, project_id, item_id) where kind = 'work';

create table answers (
  id bigint generated always as identity primary key,
  project_id uuid not null references projects(id),
  item_id bigint not null references items(id),
  assignment_id bigint not null unique references assignments(id),
  user_id uuid not null references users(id),
  kind text not null check (kind in ('work', 'exam')),
  answer jsonb not null,
  duration_ms integer,
  idempotency_key text,
  is_correct boolean,                      -- set for answers on gold items
  reward_wei numeric(78, 0) not null default 0,
  created_at timestamptz not null,
  ledger_seq bigint not null
);
create unique index answers_idempotency on answers(user_id, idempotency_key) where idempotency_key is not null;
create index answers_project_time on answers(project_id, created_at);
create index answers_item on answers(item_id);
create index answers_user_time on answers(user_id, id desc);
-- daily caps count a contributor's answers in a project since midnight
create index answers_user_project_time on answers(user_id, project_id, created_at);

-- The append-only contribution ledger: one hash chain per project.
-- hash = sha256(prev_hash || payload), payload = the canonical JSON of (contributor, item, answer hash, time).
create table ledger_heads (
  project_id uuid primary key references projects(id),
  seq bigint not null default 0,
  hash bytea not null,
  prev_hash bytea
);

create table ledger_entries (
  project_id uuid not null references projects(id),
  seq bigint not null,
  answer_id bigint not null,
  contributor text not null,
  item_id bigint not null,
  answer_hash bytea not null,
  created_at timestamptz not null,
  prev_hash bytea not null,
  hash bytea not null,
  primary key (project_id, seq)
);

create function ledger_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the contribution ledger is append-only (% refused)', tg_op;
end $$;
create trigger ledger_entries_no_update before update or delete or truncate on ledger_entries
  for each statement execute function ledger_entries_append_only();

create table exam_attempts (
  project_id uuid not null references projects(id),
  user_id uuid not null references users(id),
  attempt integer not null,
  question_count integer not null,
  answered integer not null default 0,
  correct integer not null default 0,
  status text not null check (status in ('in_progress', 'passed', 'failed')),
  started_at timestamptz not null,
  finished_at timestamptz,
  primary key (project_id, user_id, attempt)
);

create table blobs (
  sha256 text primary key,
  size bigint not null,
  content_type text not null,
  created_at timestamptz not null default now()
);

-- The hashes of a run of ledger entries after `start`: h_k = sha256(h_{k-1} || payload_k).
-- Lets one statement append a whole batch of answers to a project's chain.
create function ledger_chain(start bytea, payloads text[]) returns bytea[] language plpgsql immutable as $$
declare
  h bytea := start;
  hashes bytea[] := '{}';
  p text;
begin
  foreach p in array payloads loop
    h := sha256(h || convert_to(p, 'UTF8'));
    hashes := hashes || h;
  end loop;
  return hashes;
end $$;
