-- Audit and privacy: every change of a household, its members, a dwelling or a volunteer
-- profile is logged with before/after by triggers (whatever path the write takes); erasing
-- an account and anonymising settled households are one function each; the audit log
-- stays append-only, with one more narrow exception for those two functions.

-- ---------------------------------------------------------------------------
-- who is acting
-- ---------------------------------------------------------------------------

-- every write comes through the one service-role client, so the database role cannot tell
-- people apart: the app sends the logged-in person's id in a request header, which
-- postgrest hands to the transaction as request.headers. a function that knows the actor
-- may set busett.actor instead. an id that is not a user's is ignored (logged as nobody).
create function public.audit_actor() returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  candidate text := coalesce(
    nullif(current_setting('busett.actor', true), ''),
    nullif(current_setting('request.headers', true), '')::jsonb ->> 'x-busett-actor'
  );
  found uuid;
begin
  if candidate is null or candidate !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  select u.id into found from public.users u where u.id = candidate::uuid;
  return found;
end
$$;

-- the same keys with every value removed: which fields changed stays, what they held goes
create function public.audit_redact(p_values jsonb) returns jsonb
language sql
immutable
set search_path = ''
as $$
  select case when p_values is null or jsonb_typeof(p_values) <> 'object' then p_values
    else coalesce((select jsonb_object_agg(k, 'null'::jsonb) from jsonb_object_keys(p_values) k), '{}'::jsonb) end;
$$;

-- true inside erase_account and anonymise_settled_households, which set it for their
-- own transaction; no function the api exposes lets a caller set it
create function public.audit_erasing() returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(current_setting('busett.erasing', true), '') = 'on';
$$;

-- ---------------------------------------------------------------------------
-- change rows: before/after of the fields that changed
-- ---------------------------------------------------------------------------

-- tg_argv[0] is the entity's name in the log, tg_argv[1] the column holding the record's
-- id (household members are logged under their household, so one filter shows both)
create function public.audit_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  record_id text := coalesce(new_row, old_row) ->> tg_argv[1];
  changed text[];
begin
  if tg_op = 'UPDATE' then
    select coalesce(array_agg(n.key), '{}') into changed from jsonb_each(new_row) n
    where n.key <> 'updated_at' and n.value is distinct from old_row -> n.key;
    -- a save that changed nothing is not a change
    if cardinality(changed) = 0 then
      return null;
    end if;
    old_row := (select jsonb_object_agg(k, old_row -> k) from unnest(changed) k);
    new_row := (select jsonb_object_agg(k, new_row -> k) from unnest(changed) k);
  end if;
  if public.audit_erasing() then
    old_row := public.audit_redact(old_row);
    new_row := public.audit_redact(new_row);
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id, before, after)
  values (
    case when public.audit_erasing() then null else public.audit_actor() end,
    case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
    tg_argv[0], record_id, old_row, new_row
  );
  return null;
end
$$;

create trigger households_audit after insert or update or delete on public.households
  for each row execute function public.audit_change('household', 'id');
create trigger household_members_audit after insert or update or delete on public.household_members
  for each row execute function public.audit_change('household_member', 'household_id');
create trigger dwellings_audit after insert or update or delete on public.dwellings
  for each row execute function public.audit_change('dwelling', 'id');
create trigger volunteer_profiles_audit after insert or update or delete on public.volunteer_profiles
  for each row execute function public.audit_change('volunteer_profile', 'user_id');

-- the log is read newest first, for one record or one person
create index audit_log_entity_id_at on public.audit_log (entity_id, id desc);

-- ---------------------------------------------------------------------------
-- the log stays append-only
-- ---------------------------------------------------------------------------

-- two changes pass: a deleted person's id becomes null (the foreign key does it), and
-- inside erase/anonymise the stored values are redacted. the row's what/when/which
-- record never change, and nothing is ever deleted.
create or replace function public.reject_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.at, new.action, new.entity, new.entity_id)
         is not distinct from (old.id, old.at, old.action, old.entity, old.entity_id) then
    if old.actor_id is not null and new.actor_id is null
       and (new.before, new.after) is not distinct from (old.before, old.after) then
      return new;
    end if;
    if public.audit_erasing()
       and (new.actor_id is null or new.actor_id = old.actor_id)
       and new.before is not distinct from public.audit_redact(old.before)
       and new.after is not distinct from public.audit_redact(old.after) then
      return new;
    end if;
  end if;
  raise exception 'the audit log is append-only' using errcode = 'P0001';
end
$$;

-- ---------------------------------------------------------------------------
-- erasing an account: personal data goes, the history of confirmed matches stays
-- ---------------------------------------------------------------------------

create function public.erase_account(p_user uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
  their_dwellings uuid[];
begin
  select * into person from public.users where id = p_user for update;
  if person.id is null then
    return;
  end if;
  perform set_config('busett.erasing', 'on', true);

  -- offers that never housed anyone go with their proposals; a dwelling with a confirmed
  -- match stays (the settlement happened there) without its landlord or their words
  select coalesce(array_agg(d.id), '{}') into their_dwellings from public.dwellings d where d.landlord_id = p_user;
  delete from public.dwellings d where d.id = any (their_dwellings)
    and not exists (select from public.matches m where m.dwelling_id = d.id and m.status = 'confirmed');
  update public.dwellings set status = 'withdrawn'
    where id = any (their_dwellings) and status in ('draft', 'submitted', 'approved', 'needs_changes');
  update public.dwellings set landlord_id = null, description = '', review_message = ''
    where id = any (their_dwellings);

  -- mail to them goes; mail to others that named them keeps no trace of them
  delete from public.notifications where recipient = lower(person.email);
  delete from public.notifications n where n.status in ('queued', 'sending') and (
    strpos(lower(n.payload::text), lower(person.email)) > 0
    or (length(person.display_name) >= 3 and strpos(lower(n.payload::text), lower(person.display_name)) > 0));
  update public.notifications n set payload = '{}' where
    strpos(lower(n.payload::text), lower(person.email)) > 0
    or (length(person.display_name) >= 3 and strpos(lower(n.payload::text), lower(person.display_name)) > 0);
  delete from public.mail_opt_outs where email = lower(person.email);
  delete from public.rate_limit_events where strpos(key, lower(person.email)) > 0;

  -- what the log held of their profile and their dwellings
  update public.audit_log a set before = public.audit_redact(a.before), after = public.audit_redact(a.after)
    where a.entity_id = p_user::text or a.entity_id = any (their_dwellings::text[])
      or strpos(lower(coalesce(a.before::text, '') || coalesce(a.after::text, '')), lower(person.email)) > 0;

  -- the rest follows the foreign keys: roles, sessions, tokens, profile and languages,
  -- sign-ups (cascade); their id in the log and on others' rows becomes null
  delete from public.users where id = p_user;
  perform set_config('busett.erasing', 'off', true);
end
$$;

-- ---------------------------------------------------------------------------
-- retention: households settled more than n months ago are anonymised
-- ---------------------------------------------------------------------------

alter table public.municipality_settings
  add column retention_months integer not null default 24 check (retention_months between 1 and 240);

alter table public.households add column anonymised_at timestamptz;

-- the admin's setting, or 24 months when none is saved yet
create function public.retention_months() returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select s.retention_months from public.municipality_settings s limit 1), 24);
$$;

-- the day a settled household is anonymised: the first day it is more than n months past settlement
create function public.retention_due_on(p_settled_on date, p_months integer) returns date
language sql
immutable
set search_path = ''
as $$
  select (p_settled_on + make_interval(months => p_months) + interval '1 day')::date;
$$;

create function public.save_retention(p_months integer) returns void
language sql
security definer
set search_path = ''
as $$
  update public.municipality_settings set retention_months = p_months, updated_at = now() where id;
$$;

-- run by the hourly job in every instance: the rows are locked and skipped when taken,
-- so two instances anonymise each household once. returns how many it anonymised.
-- what stays: category, status, dates, the members' age bands (the numbers reported to
-- imdi); what goes: reference, contact, notes, names, languages, wishes, task addresses.
create function public.anonymise_settled_households() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  ids uuid[];
  names text[];
begin
  with due as (
    select h.id from public.households h
    where h.status = 'settled' and h.anonymised_at is null
      and public.retention_due_on(h.settled_on, public.retention_months()) <= current_date
    for update skip locked
  )
  select coalesce(array_agg(id), '{}') into ids from due;
  if cardinality(ids) = 0 then
    return 0;
  end if;
  perform set_config('busett.erasing', 'on', true);

  select coalesce(array_agg(n), '{}') into names from (
    select h.contact_name as n from public.households h where h.id = any (ids)
    union select h.contact_phone from public.households h where h.id = any (ids)
  ) x where length(n) >= 3;

  update public.households set
    imdi_reference = 'anonymisert-' || id, contact_name = '', contact_phone = '', staff_note = '',
    languages = '{}', preferred_localities = '{}', anonymised_at = now(), updated_at = now()
  where id = any (ids);
  update public.household_members set first_name = '', relation = '' where household_id = any (ids);
  update public.tasks set address = '', description = '' where household_id = any (ids);
  update public.matches set decline_reason = '' where household_id = any (ids);
  update public.audit_log a set before = public.audit_redact(a.before), after = public.audit_redact(a.after)
    where a.entity in ('household', 'household_member') and a.entity_id = any (ids::text[]);
  -- the landlord's "match confirmed" mail carried the contact's name and phone
  update public.notifications n set payload = '{}'
    where n.status in ('sent', 'failed') and exists (select from unnest(names) x where strpos(n.payload::text, x) > 0);

  perform set_config('busett.erasing', 'off', true);
  return cardinality(ids);
end
$$;

-- what the job will anonymise next: how many households and persons on which day,
-- without anything that identifies them
create function public.retention_preview(p_limit integer default 12)
returns table (due_on date, households integer, persons integer)
language sql
stable
security definer
set search_path = ''
as $$
  select public.retention_due_on(h.settled_on, public.retention_months()) as due_on,
    count(*)::int,
    coalesce(sum((select count(*) from public.household_members m where m.household_id = h.id)), 0)::int
  from public.households h
  where h.status = 'settled' and h.anonymised_at is null
  group by 1
  order by 1
  limit p_limit;
$$;
