-- The e-mail outbox's functions: enqueue in the event's own transaction, claim with
-- `for update skip locked` so any number of workers can run, record the outcome.

-- which worker holds a row while it sends it
alter table public.notifications add column locked_by text;

-- a non-essential mail is of a category a person can opt out of (null: essential)
alter table public.notifications add column category text check (length(category) between 1 and 50);

-- one-click unsubscribes, per address and category of non-essential mail
create table public.mail_opt_outs (
  email text not null check (length(email) <= 254),
  category text not null check (length(category) between 1 and 50),
  created_at timestamptz not null default now(),
  primary key (email, category)
);

alter table public.mail_opt_outs enable row level security;

-- queue one mail; the idempotency key makes a repeated event a no-op, and an address that
-- opted out of the category gets nothing. returns the row's id, or null when nothing queued.
-- event functions call it inside their own transaction.
create function public.enqueue_notification(
  p_recipient text,
  p_template text,
  p_locale public.app_locale,
  p_payload jsonb,
  p_idempotency_key text,
  p_category text default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_id uuid;
begin
  if p_category is not null and exists (
    select from public.mail_opt_outs o where o.email = lower(p_recipient) and o.category = p_category
  ) then
    return null;
  end if;
  insert into public.notifications (recipient, template, locale, payload, idempotency_key, category)
  values (lower(p_recipient), p_template, p_locale, coalesce(p_payload, '{}'), p_idempotency_key, p_category)
  on conflict (idempotency_key) do nothing
  returning id into new_id;
  return new_id;
end
$$;

-- hand a worker up to p_limit due mails: queued ones whose time has come, and ones a
-- crashed worker left in `sending` past their lease. skip locked: two workers never
-- claim the same row.
create function public.claim_notifications(p_worker text, p_limit integer, p_lease_seconds integer)
returns setof public.notifications
language sql
security definer
set search_path = ''
as $$
  with due as (
    select n.id from public.notifications n
    where (n.status = 'queued' and n.next_attempt_at <= now())
       or (n.status = 'sending' and n.locked_until < now())
    order by n.next_attempt_at
    limit p_limit
    for update skip locked
  )
  update public.notifications n
  set status = 'sending',
      attempts = n.attempts + 1,
      locked_by = p_worker,
      locked_until = now() + make_interval(secs => p_lease_seconds)
  from due
  where n.id = due.id
  returning n.*;
$$;

-- the mails a worker handed to the smtp server
create function public.complete_notifications(p_worker text, p_ids uuid[])
returns integer
language sql
security definer
set search_path = ''
as $$
  with done as (
    update public.notifications
    set status = 'sent', sent_at = now(), locked_by = null, locked_until = null, last_error = null
    where id = any (p_ids) and status = 'sending' and locked_by = p_worker
    returning 1
  )
  select count(*)::int from done;
$$;

-- a send that failed: retry at p_retry_at, or give up (null) after a permanent error or
-- the last attempt
create function public.fail_notification(p_worker text, p_id uuid, p_error text, p_retry_at timestamptz default null)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.notifications
  set status = case when p_retry_at is null then 'failed'::public.notification_status else 'queued' end,
      next_attempt_at = coalesce(p_retry_at, next_attempt_at),
      last_error = left(p_error, 1000),
      locked_by = null,
      locked_until = null
  where id = p_id and status = 'sending' and locked_by = p_worker;
$$;

-- give claimed mails back untried: the smtp server was down, or the worker is stopping.
-- the attempt does not count against the mail.
create function public.release_notifications(p_worker text, p_ids uuid[] default null)
returns integer
language sql
security definer
set search_path = ''
as $$
  with released as (
    update public.notifications
    set status = 'queued', attempts = greatest(attempts - 1, 0), locked_by = null, locked_until = null
    where status = 'sending' and locked_by = p_worker and (p_ids is null or id = any (p_ids))
    returning 1
  )
  select count(*)::int from released;
$$;

-- staff's "retry now": a failed or waiting mail goes out on the next round
create function public.retry_notification(p_id uuid)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with retried as (
    update public.notifications
    set status = 'queued', next_attempt_at = now(), attempts = case when status = 'failed' then 0 else attempts end
    where id = p_id and status in ('failed', 'queued')
    returning 1
  )
  select exists (select from retried);
$$;

-- the outbox at a glance, for staff and for /healthz-style checks
create function public.notification_counts()
returns table (status public.notification_status, count bigint)
language sql
stable
security definer
set search_path = ''
as $$
  select s.status, count(n.id)
  from unnest(enum_range(null::public.notification_status)) as s (status)
  left join public.notifications n on n.status = s.status
  group by s.status
  order by s.status;
$$;

-- record a one-click unsubscribe (idempotent)
create function public.opt_out_of_mail(p_email text, p_category text)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.mail_opt_outs (email, category) values (lower(p_email), p_category)
  on conflict do nothing;
$$;
