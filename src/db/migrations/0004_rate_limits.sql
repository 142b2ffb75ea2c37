-- Fixed-window request counters shared by every API process. Unlogged: losing them in a crash only
-- resets the current windows.
create unlogged table rate_windows (
  key text primary key,            -- kind, then account or client address
  window_start timestamptz not null,
  hits integer not null
);
create index rate_windows_start on rate_windows(window_start);
