-- Hours: after a task, a volunteer reports the hours they spent; staff approve them.
alter table public.signups add column hours_approved_by uuid references public.users (id) on delete set null;

-- only a volunteer who had a place, only after the task, and not once approved
create function public.report_hours(p_task uuid, p_volunteer uuid, p_hours numeric)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with reported as (
    update public.signups s set hours = p_hours
    from public.tasks t
    where s.task_id = p_task and s.volunteer_id = p_volunteer and t.id = s.task_id
      and s.status = 'confirmed' and t.ends_at < now() and s.hours_approved_at is null
    returning 1
  )
  select exists (select from reported);
$$;

create function public.approve_hours(p_signup uuid, p_staff uuid)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with approved as (
    update public.signups set hours_approved_at = now(), hours_approved_by = p_staff
    where id = p_signup and hours is not null and hours_approved_at is null
    returning 1
  )
  select exists (select from approved);
$$;
