-- issue 18, item 7: a member of staff may choose one mail in the morning with what needs
-- their action, instead of one mail per event
alter table public.users add column staff_digest boolean not null default false;

-- as before (20261126162000_dwelling_lifecycle.sql), without the staff who chose the daily
-- digest: each event these mails tell of is an item of "needs action", which the digest counts
create or replace function public.enqueue_to_staff(p_template text, p_payload jsonb, p_key text)
returns void
language sql
security definer
set search_path = ''
as $$
  select public.enqueue_notification(u.email, p_template, u.locale, p_payload, p_key || ':' || u.id)
  from public.users u
  where exists (select from public.user_roles r where r.user_id = u.id and r.role in ('staff', 'admin'))
    and u.password_hash is not null
    and not u.staff_digest;
$$;

-- the morning digest: from 07:00 Oslo time, for each member of staff who chose it and has
-- something waiting in their "needs action" (their households and nobody's), one mail a day
-- with how many items of each kind wait and since when the oldest. It names no one: the
-- page it links to does, after the sign-in. The hourly job calls it; the key makes it once a day.
create function public.queue_staff_digests(p_now timestamptz default now())
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  u record;
  kinds jsonb;
  today date := (p_now at time zone 'Europe/Oslo')::date;
  n integer := 0;
begin
  if extract(hour from p_now at time zone 'Europe/Oslo') < 7 then
    return 0;
  end if;
  for u in
    select x.id, x.email, x.locale from public.users x
    where x.staff_digest and x.password_hash is not null
      and exists (select from public.user_roles r where r.user_id = x.id and r.role in ('staff', 'admin'))
  loop
    select jsonb_agg(jsonb_build_object('kind', a.kind, 'count', a.n, 'oldest', a.oldest) order by a.oldest, a.kind)
    into kinds
    from (select i.kind, count(*)::int as n, min(i.since) as oldest from public.needs_action(u.id) i group by i.kind) a;
    continue when kinds is null;
    if public.enqueue_notification(u.email, 'needs_action_digest', u.locale, jsonb_build_object('kinds', kinds),
                                   'digest:' || u.id || ':' || today) is not null then
      n := n + 1;
    end if;
  end loop;
  return n;
end
$$;
