-- Hours reviewed: staff approve what a volunteer reported, correct it (other hours, with a
-- note the volunteer gets by mail) or reject it (with a note). Before, staff could only
-- approve, so a wrong number stayed wrong or waited for ever.
--   hours              the hours that count: as reported, or as corrected; null once rejected
--   hours_reported     what the volunteer reported (kept when staff correct or reject it)
--   hours_review       null while waiting; approved, corrected or rejected
--   hours_note         staff's note to the volunteer (required to correct or reject)
--   hours_approved_at  when staff reviewed them (and hours_approved_by who), whatever the
--                      outcome: the reports that sum approved hours sum `hours`, which a
--                      rejection empties, and "waiting" stays "reported and not reviewed"

-- the outcomes of a review, as the pages and the mail name them
create type public.hours_review as enum ('approved', 'corrected', 'rejected');

-- the review, the original report and the note, beside the hours
alter table public.signups
  add column hours_review public.hours_review,
  add column hours_reported numeric(5, 2) check (hours_reported between 0 and 24),
  add column hours_note text not null default '' check (length(hours_note) <= 1000);

-- hours approved before this migration were approved as reported
update public.signups set hours_reported = hours where hours is not null;
update public.signups set hours_review = 'approved' where hours_approved_at is not null;

-- a review has a time and a person's decision; a correction and a rejection say why; a
-- rejection counts no hours, the others count some
alter table public.signups add constraint signups_hours_reviewed check (
  case hours_review
    when 'approved' then hours_approved_at is not null and hours is not null
    when 'corrected' then hours_approved_at is not null and hours is not null and btrim(hours_note) <> ''
    when 'rejected' then hours_approved_at is not null and hours is null and btrim(hours_note) <> ''
    else hours_approved_at is null
  end
);

-- as before (20261126183000_task_changes.sql), keeping what the volunteer reported, and
-- not once staff have reviewed the hours (a rejection included: staff correct, not the volunteer)
create or replace function public.report_hours(p_task uuid, p_volunteer uuid, p_hours numeric)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with reported as (
    update public.signups s set hours = p_hours, hours_reported = p_hours
    from public.tasks t
    where s.task_id = p_task and s.volunteer_id = p_volunteer and t.id = s.task_id
      and s.status = 'confirmed' and t.ends_at < now() and s.hours_review is null and s.no_show_at is null
    returning 1
  )
  select exists (select from reported);
$$;

-- approve_hours (20261126174000_hours.sql) becomes one of three outcomes of review_hours
drop function public.approve_hours(uuid, uuid);

-- staff review reported hours once: approve them as reported, correct them (p_hours, which
-- must differ from the report) or reject them; a correction or a rejection needs a note and
-- mails the volunteer in their language, in the same transaction. false: nothing waits for
-- review on that sign-up (not reported, or reviewed already). a correction to the same
-- hours or without a note is refused (22023), which the form checks before.
create function public.review_hours(
  p_signup uuid,
  p_staff uuid,
  p_review public.hours_review,
  p_hours numeric,
  p_note text
) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  s public.signups;
  t public.tasks;
  u public.users;
  note text := btrim(coalesce(p_note, ''));
begin
  if p_review in ('corrected', 'rejected') and note = '' then
    raise exception 'a correction or a rejection says why' using errcode = '22023', hint = 'note_required';
  end if;
  select * into s from public.signups
  where id = p_signup and status = 'confirmed' and hours is not null and hours_review is null
  for update;
  if s.id is null then
    return false;
  end if;
  if p_review = 'corrected' and (p_hours is null or p_hours = s.hours) then
    raise exception 'a correction gives other hours' using errcode = '22023', hint = 'hours_unchanged';
  end if;
  update public.signups
  set hours_review = p_review,
      hours = case p_review when 'approved' then s.hours when 'corrected' then p_hours end,
      hours_note = note,
      hours_approved_at = now(),
      hours_approved_by = p_staff
  where id = s.id
  returning * into s;
  if p_review <> 'approved' then
    select * into t from public.tasks where id = s.task_id;
    select * into u from public.users where id = s.volunteer_id;
    perform public.enqueue_notification_for(u.id, u.email, 'hours_reviewed', u.locale,
      jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at,
                         'review', p_review, 'reported', s.hours_reported, 'hours', s.hours,
                         'note', note, 'task_id', t.id),
      'hours_reviewed:' || s.id);
  end if;
  return true;
end
$$;
