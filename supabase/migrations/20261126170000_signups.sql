-- Signing up for tasks: capacity, waitlist, no double sign-up, no overlapping tasks, and
-- the police-certificate gate for tasks that involve children — all decided here, under
-- a lock on the task row, so concurrent sign-ups cannot overfill a task.

-- who saw a volunteer's police certificate, and when (the document itself is never stored)
alter table public.volunteer_profiles
  add column police_certificate_seen_on date,
  add column police_certificate_seen_by uuid references public.users (id) on delete set null;

-- waitlist order is first come, first served: by the time of (re)joining
alter table public.signups add column joined_at timestamptz not null default now();
create index signups_task_order on public.signups (task_id, status, joined_at, id);

-- sign up; returns 'confirmed' or 'waitlisted'. refusals raise with a hint the app turns
-- into words: task_closed, already_signed_up, overlap, certificate_required
create function public.sign_up_for_task(p_task uuid, p_volunteer uuid, p_origin text)
returns public.signup_status
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
  p public.volunteer_profiles;
  u public.users;
  taken integer;
  outcome public.signup_status;
begin
  -- one sign-up at a time per task: the lock serialises them
  select * into t from public.tasks where id = p_task for update;
  if t.id is null or t.status <> 'open' or t.ends_at < now() then
    raise exception 'task % is not open', p_task using errcode = 'P0001', hint = 'task_closed';
  end if;
  if exists (select from public.signups s where s.task_id = p_task and s.volunteer_id = p_volunteer
             and s.status in ('confirmed', 'waitlisted')) then
    raise exception 'already signed up' using errcode = 'P0001', hint = 'already_signed_up';
  end if;
  if t.requires_police_certificate then
    select * into p from public.volunteer_profiles where user_id = p_volunteer;
    if p.user_id is null or p.police_certificate_status <> 'valid' or p.police_certificate_seen_on is null
       or (p.police_certificate_expires_on is not null and p.police_certificate_expires_on < t.ends_at::date) then
      raise exception 'a valid police certificate is required' using errcode = 'P0001', hint = 'certificate_required';
    end if;
  end if;
  if exists (
    select from public.signups s join public.tasks o on o.id = s.task_id
    where s.volunteer_id = p_volunteer and s.status in ('confirmed', 'waitlisted') and o.id <> p_task
      and o.status = 'open' and tstzrange(o.starts_at, o.ends_at) && tstzrange(t.starts_at, t.ends_at)
  ) then
    raise exception 'overlaps another task' using errcode = 'P0001', hint = 'overlap';
  end if;

  select count(*) into taken from public.signups where task_id = p_task and status = 'confirmed';
  outcome := case when taken < t.volunteers_needed then 'confirmed'::public.signup_status else 'waitlisted' end;
  insert into public.signups (task_id, volunteer_id, status, joined_at)
  values (p_task, p_volunteer, outcome, clock_timestamp())
  on conflict (task_id, volunteer_id) do update set status = excluded.status, joined_at = excluded.joined_at;

  select * into u from public.users where id = p_volunteer;
  perform public.enqueue_notification(u.email,
    case when outcome = 'confirmed' then 'signup_confirmed' else 'signup_waitlisted' end, u.locale,
    jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                       'locality', t.locality, 'url', p_origin || '/volunteer/tasks/' || t.id),
    'signup:' || t.id || ':' || p_volunteer || ':' || extract(epoch from clock_timestamp())::text);
  return outcome;
end
$$;

-- withdraw; a freed place goes to the first on the waitlist, who is told by mail
create function public.withdraw_signup(p_task uuid, p_volunteer uuid, p_origin text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
  was public.signup_status;
  next_one public.signups;
  u public.users;
begin
  select * into t from public.tasks where id = p_task for update;
  select status into was from public.signups where task_id = p_task and volunteer_id = p_volunteer;
  if was is null or was = 'withdrawn' then
    return false;
  end if;
  update public.signups set status = 'withdrawn' where task_id = p_task and volunteer_id = p_volunteer;
  if was = 'confirmed' and t.status = 'open' then
    select * into next_one from public.signups
    where task_id = p_task and status = 'waitlisted'
    order by joined_at, id
    limit 1;
    if next_one.id is not null then
      update public.signups set status = 'confirmed' where id = next_one.id;
      select * into u from public.users where id = next_one.volunteer_id;
      perform public.enqueue_notification(u.email, 'signup_promoted', u.locale,
        jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                           'locality', t.locality, 'url', p_origin || '/volunteer/tasks/' || t.id),
        'promoted:' || next_one.id || ':' || extract(epoch from clock_timestamp())::text);
    end if;
  end if;
  return true;
end
$$;
