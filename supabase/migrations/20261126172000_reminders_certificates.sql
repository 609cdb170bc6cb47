-- Reminders 24 hours before a task, and staff recording that they saw a police certificate.

-- queue the reminder of every confirmed volunteer whose task starts within 24 hours; the
-- idempotency key (one per sign-up) makes running it from every instance, every hour, safe
create function public.queue_task_reminders(p_origin text)
returns integer
language sql
security definer
set search_path = ''
as $$
  select count(public.enqueue_notification(
    u.email, 'task_reminder', u.locale,
    jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at,
                       'locality', t.locality, 'url', p_origin || '/volunteer/tasks/' || t.id),
    'task_reminder:' || s.id,
    'reminders'
  ))::int
  from public.signups s
  join public.tasks t on t.id = s.task_id
  join public.users u on u.id = s.volunteer_id
  where s.status = 'confirmed' and t.status = 'open'
    and t.starts_at > now() and t.starts_at <= now() + interval '24 hours';
$$;

-- staff saw a volunteer's police certificate: valid until the date on it
create function public.record_police_certificate(p_volunteer uuid, p_staff uuid, p_seen_on date, p_expires_on date)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.volunteer_profiles (user_id, police_certificate_status, police_certificate_seen_on, police_certificate_seen_by, police_certificate_expires_on)
  values (p_volunteer, 'valid', p_seen_on, p_staff, p_expires_on)
  on conflict (user_id) do update set
    police_certificate_status = 'valid', police_certificate_seen_on = excluded.police_certificate_seen_on,
    police_certificate_seen_by = excluded.police_certificate_seen_by,
    police_certificate_expires_on = excluded.police_certificate_expires_on, updated_at = now();
$$;
