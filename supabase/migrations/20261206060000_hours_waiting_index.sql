-- Issue 18: the staff task page shows the oldest hours waiting for review and counts them all;
-- a partial index keeps both to the waiting sign-ups, however many are reviewed already
create index signups_hours_waiting on public.signups (joined_at, id) where hours is not null and hours_review is null;
