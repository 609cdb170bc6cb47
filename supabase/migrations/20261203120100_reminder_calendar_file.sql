-- The 24-hour reminder carries the task's calendar file, as the sign-up mail does (issue 17,
-- item 20): the file needs the task's end, which the reminder's payload did not hold.

-- as before (20261202111000_mail_links_from_ids.sql), with the task's end in the payload
create or replace function public.queue_task_reminders()
returns integer
language sql
security definer
set search_path = ''
as $$
  select count(public.enqueue_notification(
    u.email, 'task_reminder', u.locale,
    jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                       'locality', t.locality, 'task_id', t.id),
    'task_reminder:' || s.id,
    'reminders'
  ))::int
  from public.signups s
  join public.tasks t on t.id = s.task_id
  join public.users u on u.id = s.volunteer_id
  where s.status = 'confirmed' and t.status = 'open'
    and t.starts_at > now() and t.starts_at <= now() + interval '24 hours';
$$;

-- reminders queued before this and not yet sent get their task's end, so the template
-- (which now needs it) renders them rather than failing them
update public.notifications n set payload = n.payload || jsonb_build_object('ends_at', t.ends_at)
from public.tasks t
where n.template = 'task_reminder' and n.status in ('queued', 'sending')
  and not (n.payload ? 'ends_at') and t.id::text = n.payload ->> 'task_id';
