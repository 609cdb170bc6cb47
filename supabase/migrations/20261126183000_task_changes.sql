-- Staff edit and cancel tasks and mark no-shows; volunteers get a personal calendar feed;
-- the hourly jobs warn staff of tasks short of volunteers and of police certificates that
-- run out. Every mail is queued in the transaction of its event.

-- why and when a task was cancelled, and by whom
alter table public.tasks
  add column cancelled_at timestamptz,
  add column cancelled_by uuid references public.users (id) on delete set null,
  add column cancel_reason text not null default '' check (length(cancel_reason) <= 1000);

-- a confirmed volunteer who did not come: recorded by staff after the task
alter table public.signups
  add column no_show_at timestamptz,
  add column no_show_by uuid references public.users (id) on delete set null;

-- ---------------------------------------------------------------------------
-- editing a task
-- ---------------------------------------------------------------------------

-- the mail each confirmed and waitlisted volunteer gets when a task changes or is cancelled
create function public.task_mail_payload(t public.tasks, u public.users, p_signup public.signup_status, p_origin text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                            'locality', t.locality, 'confirmed', p_signup = 'confirmed',
                            'url', p_origin || '/volunteer/tasks/' || t.id);
$$;

-- staff change a task. p_changes holds the columns to change (the form's fields); the rest
-- stay. Rules, each refused with a hint the app turns into words:
--   task_not_open            a cancelled or finished task is not edited;
--   places_below_confirmed   places are never fewer than the volunteers already confirmed
--                            (staff must ask someone to withdraw first); more places go at
--                            once to the first on the waitlist, as a withdrawal would;
--   overlap                  a new time may not overlap another open task of a confirmed or
--                            waitlisted volunteer: the rule of sign-up holds for everyone
--                            already on the task (detail names them; staff talk to them);
--   certificate_required     "involves children" switched on, or a later end, needs a valid,
--                            seen certificate of everyone on the task, as at sign-up.
-- When the time, place or address changed, every confirmed and waitlisted volunteer is told
-- what changed (the address itself stays on the task page, shown as before).
create function public.update_task(p_task uuid, p_changes jsonb, p_origin text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_t public.tasks;
  t public.tasks;
  taken integer;
  clash text;
  changed text[] := '{}';
  promoted record;
  told integer := 0;
begin
  select * into old_t from public.tasks where id = p_task for update;
  if old_t.id is null or old_t.status <> 'open' then
    raise exception 'task % is not open', p_task using errcode = 'P0001', hint = 'task_not_open';
  end if;
  -- only the fields a form edits; id, status, creator and the like are not for changing here
  t := jsonb_populate_record(old_t, p_changes - array['id', 'status', 'created_by', 'created_at', 'match_id',
                                                     'cancelled_at', 'cancelled_by', 'cancel_reason']);
  -- the form gives times to the minute: the same minute is no change of time
  if date_trunc('minute', t.starts_at) = date_trunc('minute', old_t.starts_at) then t.starts_at := old_t.starts_at; end if;
  if date_trunc('minute', t.ends_at) = date_trunc('minute', old_t.ends_at) then t.ends_at := old_t.ends_at; end if;

  select count(*) into taken from public.signups where task_id = p_task and status = 'confirmed';
  if t.volunteers_needed < taken then
    raise exception 'places below the % confirmed', taken using errcode = 'P0001', hint = 'places_below_confirmed',
      detail = taken::text;
  end if;

  if (t.starts_at, t.ends_at) is distinct from (old_t.starts_at, old_t.ends_at) then
    select string_agg(distinct u.display_name, ', ') into clash
    from public.signups s
    join public.users u on u.id = s.volunteer_id
    join public.signups os on os.volunteer_id = s.volunteer_id and os.task_id <> p_task and os.status in ('confirmed', 'waitlisted')
    join public.tasks o on o.id = os.task_id and o.status = 'open'
    where s.task_id = p_task and s.status in ('confirmed', 'waitlisted')
      and tstzrange(o.starts_at, o.ends_at) && tstzrange(t.starts_at, t.ends_at);
    if clash is not null then
      raise exception 'the new time overlaps other tasks of %', clash using errcode = 'P0001', hint = 'overlap', detail = clash;
    end if;
  end if;

  if t.requires_police_certificate then
    select string_agg(u.display_name, ', ') into clash
    from public.signups s
    join public.users u on u.id = s.volunteer_id
    left join public.volunteer_profiles p on p.user_id = s.volunteer_id
    where s.task_id = p_task and s.status in ('confirmed', 'waitlisted')
      and (p.user_id is null or p.police_certificate_status <> 'valid' or p.police_certificate_seen_on is null
           or (p.police_certificate_expires_on is not null and p.police_certificate_expires_on < t.ends_at::date));
    if clash is not null then
      raise exception 'no valid police certificate: %', clash using errcode = 'P0001', hint = 'certificate_required', detail = clash;
    end if;
  end if;

  update public.tasks set
    type = t.type, title = t.title, description = t.description, starts_at = t.starts_at, ends_at = t.ends_at,
    locality = t.locality, address = t.address, volunteers_needed = t.volunteers_needed,
    needed_languages = t.needed_languages, needed_skills = t.needed_skills,
    requires_police_certificate = t.requires_police_certificate, household_id = t.household_id
  where id = p_task;

  -- more places: the first on the waitlist move up, in order, and are told
  for promoted in
    select w.id, w.volunteer_id from public.signups w
    where w.task_id = p_task and w.status = 'waitlisted'
    order by w.joined_at, w.id
    limit greatest(t.volunteers_needed - taken, 0)
  loop
    update public.signups set status = 'confirmed' where id = promoted.id;
    perform public.enqueue_notification(u.email, 'signup_promoted', u.locale,
      public.task_mail_payload(t, u, 'confirmed', p_origin) - 'confirmed',
      'promoted:' || promoted.id || ':' || extract(epoch from clock_timestamp())::text)
    from public.users u where u.id = promoted.volunteer_id;
  end loop;

  if (t.starts_at, t.ends_at) is distinct from (old_t.starts_at, old_t.ends_at) then changed := array_append(changed, 'time'); end if;
  if t.locality is distinct from old_t.locality then changed := array_append(changed, 'place'); end if;
  if t.address is distinct from old_t.address then changed := array_append(changed, 'address'); end if;
  if cardinality(changed) = 0 then
    return 0;
  end if;

  select count(public.enqueue_notification(u.email, 'task_changed', u.locale,
           public.task_mail_payload(t, u, sg.status, p_origin) || jsonb_build_object('changed', to_jsonb(changed)),
           'task_changed:' || t.id || ':' || sg.volunteer_id || ':' || extract(epoch from clock_timestamp())::text))::int
  into told
  from public.signups sg join public.users u on u.id = sg.volunteer_id
  where sg.task_id = p_task and sg.status in ('confirmed', 'waitlisted');
  return told;
end
$$;

-- staff cancel a task, with a reason every confirmed and waitlisted volunteer is told.
-- their sign-ups stay as they were, as a record; a cancelled task holds no one's time
-- (overlap checks and the calendar feed look at open tasks only). false: not open.
create function public.cancel_task(p_task uuid, p_staff uuid, p_reason text, p_origin text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
begin
  select * into t from public.tasks where id = p_task for update;
  if t.id is null or t.status <> 'open' then
    return false;
  end if;
  update public.tasks set status = 'cancelled', cancelled_at = now(), cancelled_by = p_staff, cancel_reason = p_reason
  where id = p_task;
  perform public.enqueue_notification(u.email, 'task_cancelled', u.locale,
    public.task_mail_payload(t, u, s.status, p_origin) || jsonb_build_object('reason', p_reason),
    'task_cancelled:' || t.id || ':' || s.volunteer_id)
  from public.signups s join public.users u on u.id = s.volunteer_id
  where s.task_id = p_task and s.status in ('confirmed', 'waitlisted');
  return true;
end
$$;

-- ---------------------------------------------------------------------------
-- no-shows and hours
-- ---------------------------------------------------------------------------

-- staff mark (or unmark) a confirmed volunteer of a task that has ended as not having come.
-- approved hours are a record that they came: those are not marked. hours reported but not
-- approved are dropped with the mark. false: nothing to mark.
create function public.mark_no_show(p_task uuid, p_signup uuid, p_staff uuid, p_no_show boolean)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with marked as (
    update public.signups s
    set no_show_at = case when p_no_show then now() end,
        no_show_by = case when p_no_show then p_staff end,
        hours = case when p_no_show then null else s.hours end
    from public.tasks t
    where s.id = p_signup and s.task_id = p_task and t.id = s.task_id and s.status = 'confirmed' and t.ends_at < now()
      and t.status <> 'cancelled' and s.hours_approved_at is null
    returning 1
  )
  select exists (select from marked);
$$;

-- as before, and a volunteer marked as not having come reports no hours
create or replace function public.report_hours(p_task uuid, p_volunteer uuid, p_hours numeric)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with reported as (
    update public.signups s set hours = p_hours
    from public.tasks t
    where s.task_id = p_task and s.volunteer_id = p_volunteer and t.id = s.task_id
      and s.status = 'confirmed' and t.ends_at < now() and s.hours_approved_at is null and s.no_show_at is null
    returning 1
  )
  select exists (select from reported);
$$;

-- ---------------------------------------------------------------------------
-- the personal calendar feed
-- ---------------------------------------------------------------------------

-- one secret address per volunteer: an id to find it and the SHA-256 hash of the secret.
-- a new address replaces the row, so the old one stops working at once.
create table public.calendar_feeds (
  user_id uuid primary key references public.users (id) on delete cascade,
  id text not null unique check (length(id) = 24),
  secret_hash bytea not null,
  created_at timestamptz not null default now()
);

alter table public.calendar_feeds enable row level security;

-- ---------------------------------------------------------------------------
-- hourly jobs
-- ---------------------------------------------------------------------------

-- a task starting within 48 hours with fewer confirmed volunteers than it needs: one mail
-- to each member of staff, once per task (the idempotency key)
create function public.queue_short_staffed_alerts(p_origin text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  t record;
  n integer := 0;
begin
  for t in
    select k.id, k.title, k.starts_at, k.locality, k.volunteers_needed,
           (select count(*) from public.signups s where s.task_id = k.id and s.status = 'confirmed')::int as confirmed
    from public.tasks k
    where k.status = 'open' and k.starts_at > now() and k.starts_at <= now() + interval '48 hours'
  loop
    continue when t.confirmed >= t.volunteers_needed;
    perform public.enqueue_to_staff('task_short_of_volunteers',
      jsonb_build_object('title', t.title, 'starts_at', t.starts_at, 'locality', t.locality,
                         'confirmed', t.confirmed, 'needed', t.volunteers_needed,
                         'url', p_origin || '/staff/tasks/' || t.id),
      'task_short:' || t.id);
    n := n + 1;
  end loop;
  return n;
end
$$;

-- a seen police certificate that runs out within 30 days (Norwegian date): one mail to the
-- volunteer and one to staff, once per certificate expiry date (a renewed certificate with
-- a new date is told about again when its time comes)
create function public.queue_certificate_expiry_notices(p_origin text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  c record;
  today date := (now() at time zone 'Europe/Oslo')::date;
  n integer := 0;
begin
  for c in
    select u.id, u.email, u.locale, u.display_name, p.police_certificate_expires_on as expires_on
    from public.volunteer_profiles p join public.users u on u.id = p.user_id
    where p.police_certificate_status = 'valid' and p.police_certificate_expires_on between today and today + 30
  loop
    perform public.enqueue_notification(c.email, 'certificate_expiring', c.locale,
      jsonb_build_object('name', c.display_name, 'expires_on', c.expires_on, 'url', p_origin || '/volunteer/profile'),
      'certificate_expiring:' || c.id || ':' || c.expires_on);
    perform public.enqueue_to_staff('certificate_expiring_staff',
      jsonb_build_object('volunteer', c.display_name, 'expires_on', c.expires_on, 'url', p_origin || '/staff/volunteers/' || c.id),
      'certificate_expiring_staff:' || c.id || ':' || c.expires_on);
    n := n + 1;
  end loop;
  return n;
end
$$;
