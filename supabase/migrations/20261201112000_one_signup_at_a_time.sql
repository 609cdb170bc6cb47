-- No volunteer ends up on two tasks at overlapping times, however the requests arrive.
-- The overlap check of sign_up_for_task locked only the task it signed up for, so one
-- volunteer's two sign-ups for two overlapping tasks at the same moment each saw none of
-- the other's and both passed; and staff moving a task's time while one of its volunteers
-- signed up for another task at that time both passed too. Now:
--   one volunteer's sign-ups are one at a time: each takes a lock on the volunteer's users
--   row first (for no key update: it waits for the volunteer's other sign-ups, but not
--   for, nor blocks, rows that merely point at the user — a new session, an audit row —
--   which take only key-share locks);
--   then it locks the task it signs up for (for update) and every open task the volunteer
--   is already on (for share), in one order (by id), so two sign-ups never wait for each
--   other in a circle. a task whose time staff are changing (update_task holds its row)
--   is waited for, and the overlap check then sees the new time; a change of time that
--   starts after this sign-up has its locks waits, and its own check sees the new sign-up.
-- Lock order everywhere: the volunteer, then tasks by id. answer_task_invitation takes the
-- volunteer's row (it verifies the address) before it signs up; update_task and
-- withdraw_signup lock only their one task and no volunteer.

-- as before (20261126170000_signups.sql), with the locks above
create or replace function public.sign_up_for_task(p_task uuid, p_volunteer uuid, p_origin text)
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
  other uuid;
begin
  -- one sign-up at a time per volunteer
  perform from public.users where id = p_volunteer for no key update;
  -- the task (for update: it also serialises sign-ups for this task, for capacity) and the
  -- volunteer's other open tasks (for share: their times hold still until we are done,
  -- while other volunteers on them may sign up elsewhere at once), in the order of their ids
  for other in
    select k.id from public.tasks k
    where k.id = p_task or (k.status = 'open' and k.id in (
      select s.task_id from public.signups s where s.volunteer_id = p_volunteer and s.status in ('confirmed', 'waitlisted')))
    order by k.id
  loop
    if other = p_task then
      perform from public.tasks where id = other for update;
    else
      perform from public.tasks where id = other for share;
    end if;
  end loop;
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
