-- Cancelled households are anonymised too (issue 17, item 23): a household IMDi
-- withdrew, or that never came, was kept with its names and phone for ever. The retention
-- rule now counts from the day it was cancelled, as it counts from settlement for the
-- settled ones, with the same number of months.

-- the day a household was cancelled: the basis of its retention, as settled_on is of a
-- settled one's
alter table public.households add column cancelled_on date;

-- households cancelled before now: the day the log saw the status become cancelled, else
-- the day the record last changed (the latest it can have been)
update public.households h set cancelled_on = coalesce(
  (select public.oslo_date(max(a.at)) from public.audit_log a
   where a.entity = 'household' and a.entity_id = h.id::text and a.after ->> 'status' = 'cancelled'),
  public.oslo_date(h.updated_at))
where h.status = 'cancelled' and h.cancelled_on is null;

-- a cancelled household always has its date, so the retention rule always finds it
alter table public.households
  add constraint households_cancelled_has_date check (status <> 'cancelled' or cancelled_on is not null);

-- the date is set by the change itself, whichever path cancels (a function, an import, a
-- direct update): today in Norway, unless the change names the day
create function public.set_household_cancelled_on() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'cancelled' and (tg_op = 'INSERT' or old.status is distinct from 'cancelled') then
    new.cancelled_on := coalesce(new.cancelled_on, public.oslo_today());
  end if;
  return new;
end
$$;

create trigger households_cancelled_on before insert or update of status on public.households
  for each row execute function public.set_household_cancelled_on();

-- the day a household's retention counts from: settled or cancelled; null while it is
-- still under way (expected, matched, contract signed), which is never due
create function public.retention_basis(p_status public.household_status, p_settled_on date, p_cancelled_on date) returns date
language sql
immutable
set search_path = ''
as $$
  select case p_status when 'settled' then p_settled_on when 'cancelled' then p_cancelled_on end;
$$;

-- as before (20261201110000_mail_belongs_to_a_person.sql), for settled and cancelled
-- households alike, each from its own date; the name stays, so the hourly job and its
-- callers are unchanged
create or replace function public.anonymise_settled_households() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  ids uuid[];
begin
  with due as (
    select h.id from public.households h
    where h.status in ('settled', 'cancelled') and h.anonymised_at is null
      and public.retention_due_on(public.retention_basis(h.status, h.settled_on, h.cancelled_on), public.retention_months()) <= current_date
    for update skip locked
  )
  select coalesce(array_agg(id), '{}') into ids from due;
  if cardinality(ids) = 0 then
    return 0;
  end if;
  perform set_config('busett.erasing', 'on', true);

  update public.households set
    imdi_reference = 'anonymisert-' || id, contact_name = '', contact_phone = '', staff_note = '',
    languages = '{}', preferred_localities = '{}', anonymised_at = now(), updated_at = now()
  where id = any (ids);
  update public.household_members set first_name = '', relation = '' where household_id = any (ids);
  update public.tasks set address = '', description = '' where household_id = any (ids);
  update public.matches set decline_reason = '' where household_id = any (ids);
  update public.audit_log a set before = public.audit_redact(a.before), after = public.audit_redact(a.after)
    where a.entity in ('household', 'household_member') and a.entity_id = any (ids::text[]);
  update public.notifications n set payload = '{}'
    where n.status in ('sent', 'failed') and n.about_household_id = any (ids);

  perform set_config('busett.erasing', 'off', true);
  return cardinality(ids);
end
$$;

-- as before (20261127100000_audit_privacy.sql): what the job will anonymise next, the
-- cancelled households now with the settled ones
create or replace function public.retention_preview(p_limit integer default 12)
returns table (due_on date, households integer, persons integer)
language sql
stable
security definer
set search_path = ''
as $$
  select public.retention_due_on(public.retention_basis(h.status, h.settled_on, h.cancelled_on), public.retention_months()) as due_on,
    count(*)::int,
    coalesce(sum((select count(*) from public.household_members m where m.household_id = h.id)), 0)::int
  from public.households h
  where h.status in ('settled', 'cancelled') and h.anonymised_at is null
  group by 1
  order by 1
  limit p_limit;
$$;
