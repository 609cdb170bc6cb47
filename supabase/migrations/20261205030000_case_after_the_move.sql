-- issue 18, items 5 and 6: the case after the move — the responsible caseworker, the follow-up
-- checklist after settlement, the interpreter need — and a household's timeline

-- ---------------------------------------------------------------------------
-- the responsible caseworker is a staff member or an admin, never anyone else
-- ---------------------------------------------------------------------------

-- checked in the database, so no path (form, import, crafted call) can name a landlord or a volunteer
create function public.check_household_caseworker() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.caseworker_id is not null and not exists (
    select 1 from public.user_roles r where r.user_id = new.caseworker_id and r.role in ('staff', 'admin')
  ) then
    raise exception 'the caseworker must be a staff member' using errcode = 'P0001', hint = 'caseworker_not_staff';
  end if;
  return new;
end
$$;

create trigger households_caseworker_is_staff before insert or update of caseworker_id on public.households
  for each row execute function public.check_household_caseworker();

-- staff assign or change (or clear) the caseworker; the household's audit trigger records who and when.
-- false when the household is gone or anonymised
create function public.assign_caseworker(p_household uuid, p_caseworker uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.households set caseworker_id = p_caseworker, updated_at = now()
  where id = p_household and anonymised_at is null;
  return found;
end
$$;

-- ---------------------------------------------------------------------------
-- the interpreter need: a language, and whether a volunteer is enough or a professional is required
-- ---------------------------------------------------------------------------

-- none: no interpreter; volunteer: a volunteer who speaks the language is enough;
-- professional: a professional (certified) interpreter must be booked, never a volunteer
create type public.interpreter_need as enum ('none', 'volunteer', 'professional');

-- the language is a language code like households.languages; empty when no interpreter is needed
alter table public.households
  add column interpreter_need public.interpreter_need not null default 'none',
  add column interpreter_language text not null default '' check (length(interpreter_language) <= 20),
  add constraint households_interpreter_language check (interpreter_need = 'none' or interpreter_language <> '');

-- professional interpreting is never left to volunteers: no interpreting task for volunteers
-- for a household that needs a professional interpreter
create function public.check_interpreting_task() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.type = 'interpreting' and new.household_id is not null and exists (
    select 1 from public.households h where h.id = new.household_id and h.interpreter_need = 'professional'
  ) then
    raise exception 'this household needs a professional interpreter' using errcode = 'P0001', hint = 'professional_interpreter_required';
  end if;
  return new;
end
$$;

create trigger tasks_no_volunteer_for_professional_interpreting before insert or update of type, household_id on public.tasks
  for each row execute function public.check_interpreting_task();

-- and the other way round: a household with an open interpreting task for volunteers cannot be
-- marked as needing a professional until that task is cancelled
create function public.check_household_interpreter() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.interpreter_need = 'professional' and exists (
    select 1 from public.tasks t where t.household_id = new.id and t.type = 'interpreting' and t.status = 'open'
  ) then
    raise exception 'an open interpreting task for volunteers exists' using errcode = 'P0001', hint = 'professional_interpreter_required';
  end if;
  return new;
end
$$;

create trigger households_professional_interpreter before update of interpreter_need on public.households
  for each row execute function public.check_household_interpreter();

-- registering a household takes its interpreter need and (optionally) its caseworker too (as in 20261126164000_matching.sql otherwise)
create or replace function public.create_household(p_household jsonb, p_members jsonb)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_id uuid;
begin
  insert into public.households (
    imdi_reference, category, contact_name, contact_phone, languages,
    needs_step_free, needs_near_health_centre, needs_ground_floor, has_pets,
    preferred_localities, expected_arrival, staff_note, interpreter_need, interpreter_language, caseworker_id
  )
  select
    p_household ->> 'imdi_reference',
    (p_household ->> 'category')::public.household_category,
    coalesce(p_household ->> 'contact_name', ''),
    coalesce(p_household ->> 'contact_phone', ''),
    coalesce(array(select jsonb_array_elements_text(p_household -> 'languages')), '{}'),
    coalesce((p_household ->> 'needs_step_free')::boolean, false),
    coalesce((p_household ->> 'needs_near_health_centre')::boolean, false),
    coalesce((p_household ->> 'needs_ground_floor')::boolean, false),
    coalesce((p_household ->> 'has_pets')::boolean, false),
    coalesce(array(select jsonb_array_elements_text(p_household -> 'preferred_localities')), '{}'),
    (p_household ->> 'expected_arrival')::date,
    coalesce(p_household ->> 'staff_note', ''),
    coalesce((p_household ->> 'interpreter_need')::public.interpreter_need, 'none'),
    case when coalesce(p_household ->> 'interpreter_need', 'none') = 'none' then '' else coalesce(p_household ->> 'interpreter_language', '') end,
    (p_household ->> 'caseworker_id')::uuid
  returning id into new_id;

  insert into public.household_members (household_id, age_band, age, relation)
  select new_id, (m ->> 'age_band')::public.age_band, (m ->> 'age')::int, coalesce(m ->> 'relation', '')
  from jsonb_array_elements(p_members) m;

  if not exists (select from public.household_members where household_id = new_id) then
    raise exception 'a household has at least one member' using errcode = '23514';
  end if;
  return new_id;
end
$$;

-- staff correct the interpreter need and the caseworker with the rest of the record (as in 20261204100000_household_edit.sql
-- otherwise); a caller that does not send it leaves it as it is
create or replace function public.update_household(p_household uuid, p_fields jsonb, p_members jsonb)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  h public.households;
begin
  select * into h from public.households where id = p_household for update;
  if h.id is null or h.status = 'cancelled' or h.anonymised_at is not null then
    return false;
  end if;

  update public.households set
    imdi_reference = p_fields ->> 'imdi_reference',
    category = (p_fields ->> 'category')::public.household_category,
    contact_name = coalesce(p_fields ->> 'contact_name', ''),
    contact_phone = coalesce(p_fields ->> 'contact_phone', ''),
    languages = coalesce(array(select jsonb_array_elements_text(p_fields -> 'languages')), '{}'),
    needs_step_free = coalesce((p_fields ->> 'needs_step_free')::boolean, false),
    needs_near_health_centre = coalesce((p_fields ->> 'needs_near_health_centre')::boolean, false),
    needs_ground_floor = coalesce((p_fields ->> 'needs_ground_floor')::boolean, false),
    has_pets = coalesce((p_fields ->> 'has_pets')::boolean, false),
    preferred_localities = coalesce(array(select jsonb_array_elements_text(p_fields -> 'preferred_localities')), '{}'),
    expected_arrival = (p_fields ->> 'expected_arrival')::date,
    staff_note = coalesce(p_fields ->> 'staff_note', ''),
    interpreter_need = case when p_fields ? 'interpreter_need'
      then coalesce((p_fields ->> 'interpreter_need')::public.interpreter_need, 'none') else h.interpreter_need end,
    interpreter_language = case when p_fields ? 'interpreter_need'
      then case when coalesce(p_fields ->> 'interpreter_need', 'none') = 'none' then '' else coalesce(p_fields ->> 'interpreter_language', '') end
      else h.interpreter_language end,
    caseworker_id = case when p_fields ? 'caseworker_id' then (p_fields ->> 'caseworker_id')::uuid else h.caseworker_id end,
    updated_at = now()
  where id = p_household;

  -- the members the new list no longer has: of each key, those beyond the new count
  delete from public.household_members x
  using (
    select y.id, row_number() over (partition by public.member_key(y.age_band, y.age) order by y.id) as n,
      public.member_key(y.age_band, y.age) as k
    from public.household_members y where y.household_id = p_household
  ) have
  where x.id = have.id
    and have.n > (select count(*) from jsonb_array_elements(p_members) w
                  where public.member_key((w ->> 'age_band')::public.age_band, (w ->> 'age')::int) = have.k);

  -- the members the record lacks: of each key, those beyond the count it still has
  insert into public.household_members (household_id, age_band, age, relation)
  select p_household, want.age_band, want.age, coalesce(want.relation, '')
  from (
    select (w ->> 'age_band')::public.age_band as age_band,
      case when w ->> 'age_band' = 'child' then (w ->> 'age')::int end as age,
      w ->> 'relation' as relation,
      row_number() over (partition by public.member_key((w ->> 'age_band')::public.age_band, (w ->> 'age')::int)) as n
    from jsonb_array_elements(p_members) w
  ) want
  where want.n > (select count(*) from public.household_members x
                  where x.household_id = p_household and public.member_key(x.age_band, x.age) = public.member_key(want.age_band, want.age));

  if not exists (select from public.household_members where household_id = p_household) then
    raise exception 'a household has at least one member' using errcode = '23514';
  end if;
  return true;
end
$$;

-- ---------------------------------------------------------------------------
-- the follow-up checklist after settlement, shaped by the admin
-- ---------------------------------------------------------------------------

-- a step of the checklist: its name, when it is due (days after the settlement date) and its place;
-- a step is retired, never deleted, so the steps households have done keep their name
create table public.follow_up_steps (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  due_days integer not null check (due_days between 0 and 3650),
  position integer not null check (position >= 0),
  retired_at timestamptz,
  created_at timestamptz not null default now()
);

-- only the server (service role) reads and writes it; no policy for anon or authenticated
alter table public.follow_up_steps enable row level security;

-- the checklist is read in its order
create index follow_up_steps_position on public.follow_up_steps (position) where retired_at is null;

-- a step done for a household: when, by whom, with an optional note; one row per household and step
create table public.household_follow_ups (
  household_id uuid not null references public.households (id) on delete cascade,
  step_id uuid not null references public.follow_up_steps (id),
  done_on date not null,
  done_by uuid references public.users (id) on delete set null,
  note text not null default '' check (length(note) <= 1000),
  done_at timestamptz not null default now(),
  primary key (household_id, step_id)
);

-- only the server (service role) reads and writes it; no policy for anon or authenticated
alter table public.household_follow_ups enable row level security;

-- who did what, with before/after, like every other change to a household's case
create trigger follow_up_steps_audit after insert or update or delete on public.follow_up_steps
  for each row execute function public.audit_change('follow_up_step', 'id');
create trigger household_follow_ups_audit after insert or update or delete on public.household_follow_ups
  for each row execute function public.audit_change('household_follow_up', 'household_id');

-- the defaults, in the order a settlement usually goes (names in Nynorsk, the admin renames them)
insert into public.follow_up_steps (name, due_days, position) values
  ('Introduksjonsprogrammet startar', 14, 1),
  ('Fastlege tildelt', 14, 2),
  ('Skulestart', 21, 3),
  ('Barnehagestart', 30, 4),
  ('NAV-konto og ytingar', 7, 5),
  ('Bankkonto oppretta', 21, 6),
  ('Heimebesøk etter ein månad', 30, 7);

-- the admin adds a step (at the end) or renames it and changes its due offset
create function public.save_follow_up_step(p_step uuid, p_name text, p_due_days integer) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  saved uuid;
begin
  if p_step is null then
    insert into public.follow_up_steps (name, due_days, position)
    values (btrim(p_name), p_due_days, coalesce((select max(position) + 1 from public.follow_up_steps), 1))
    returning id into saved;
  else
    update public.follow_up_steps set name = btrim(p_name), due_days = p_due_days
    where id = p_step and retired_at is null returning id into saved;
  end if;
  return saved;
end
$$;

-- the admin moves a step one place up or down among the active steps (swapping places)
create function public.move_follow_up_step(p_step uuid, p_up boolean) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  this public.follow_up_steps;
  other public.follow_up_steps;
begin
  perform 1 from public.follow_up_steps for update;
  select * into this from public.follow_up_steps where id = p_step and retired_at is null;
  if not found then
    return false;
  end if;
  if p_up then
    select * into other from public.follow_up_steps where retired_at is null and (position, id) < (this.position, this.id)
    order by position desc, id desc limit 1;
  else
    select * into other from public.follow_up_steps where retired_at is null and (position, id) > (this.position, this.id)
    order by position, id limit 1;
  end if;
  if not found then
    return false;
  end if;
  update public.follow_up_steps set position = other.position where id = this.id;
  update public.follow_up_steps set position = this.position where id = other.id;
  if this.position = other.position then
    update public.follow_up_steps set position = position + 1 where id = case when p_up then other.id else this.id end;
  end if;
  return true;
end
$$;

-- the admin retires a step: it leaves the checklist of households that have not done it
create function public.retire_follow_up_step(p_step uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.follow_up_steps set retired_at = now() where id = p_step and retired_at is null;
  return found;
end
$$;

-- staff mark a step done for a settled household (not in the future, not before the settlement);
-- marking it again corrects the date and the note. refused with a hint the page turns into a message
create function public.mark_follow_up_done(p_household uuid, p_step uuid, p_done_on date, p_note text) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  h public.households;
begin
  select * into h from public.households where id = p_household for update;
  if not found or h.status <> 'settled' or h.anonymised_at is not null then
    raise exception 'the household is not settled' using errcode = 'P0001', hint = 'follow_up_not_settled';
  end if;
  if not exists (select 1 from public.follow_up_steps s where s.id = p_step and s.retired_at is null) then
    return false;
  end if;
  if p_done_on > public.oslo_today() or (h.settled_on is not null and p_done_on < h.settled_on) then
    raise exception 'the date is outside the settlement' using errcode = 'P0001', hint = 'follow_up_date';
  end if;
  insert into public.household_follow_ups (household_id, step_id, done_on, done_by, note)
  values (p_household, p_step, p_done_on, public.audit_actor(), coalesce(btrim(p_note), ''))
  on conflict (household_id, step_id) do update
    set done_on = excluded.done_on, done_by = excluded.done_by, note = excluded.note, done_at = now();
  return true;
end
$$;

-- staff undo a step marked done by mistake
create function public.undo_follow_up(p_household uuid, p_step uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.household_follow_ups where household_id = p_household and step_id = p_step;
  return found;
end
$$;

-- a settled household's checklist: each active step (and each retired one it did), its due date
-- from the settlement date, whether it is done, by whom, and whether it is overdue on Oslo's today
create function public.household_checklist(p_household uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'step_id', s.id, 'name', s.name, 'due_on', h.settled_on + s.due_days,
      'done_on', f.done_on, 'note', coalesce(f.note, ''), 'done_by', u.display_name,
      'overdue', f.done_on is null and h.settled_on + s.due_days < public.oslo_today()
    ) order by s.position, s.id), '[]')
  from public.households h
  join public.follow_up_steps s on true
  left join public.household_follow_ups f on f.household_id = h.id and f.step_id = s.id
  left join public.users u on u.id = f.done_by
  where h.id = p_household and h.status = 'settled' and h.settled_on is not null
    and (s.retired_at is null or f.step_id is not null);
$$;

-- anonymising a household clears what the case after the move holds about it: the interpreter
-- language and need, the notes of its follow-up steps (and their before/after in the log)
create function public.clear_case_on_anonymise() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.interpreter_need := 'none';
  new.interpreter_language := '';
  update public.household_follow_ups set note = '' where household_id = new.id;
  -- the log's values can be redacted only while erasing (anonymise_settled_households)
  if public.audit_erasing() then
    update public.audit_log a set before = public.audit_redact(a.before), after = public.audit_redact(a.after)
      where a.entity = 'household_follow_up' and a.entity_id = new.id::text;
  end if;
  return new;
end
$$;

create trigger households_clear_case_on_anonymise before update of anonymised_at on public.households
  for each row when (old.anonymised_at is null and new.anonymised_at is not null)
  execute function public.clear_case_on_anonymise();

-- ---------------------------------------------------------------------------
-- a household's timeline
-- ---------------------------------------------------------------------------

-- everything that happened to one household, in order: from the audit log (registered, edits,
-- status changes, caseworker, follow-up steps), the rows themselves (proposals and the landlord's
-- answers, move-in tasks, volunteers signed up, hours approved) and the outbox (which mail, to whom
-- by role, when — never its body). staff only: the page that shows it is a staff page.
create function public.household_timeline(p_household uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with events as (
    -- the record's own changes
    select a.at, case
        when a.action = 'create' then 'registered'
        when a.after ? 'status' then 'status'
        when a.after ? 'caseworker_id' and (a.after - 'caseworker_id' - 'updated_at') = '{}'::jsonb then 'caseworker'
        when a.after ? 'anonymised_at' then 'anonymised'
        else 'edited' end as kind,
      a.actor_id,
      case
        when a.after ? 'status' then a.after ->> 'status'
        when a.after ? 'caseworker_id' then (select u.display_name from public.users u where u.id = (a.after ->> 'caseworker_id')::uuid)
        else null end as detail
    from public.audit_log a
    where a.entity = 'household' and a.entity_id = p_household::text and a.action in ('create', 'update')
    union all
    -- follow-up steps done and undone
    select a.at, case when a.action = 'delete' then 'follow_up_undone' else 'follow_up_done' end, a.actor_id,
      (select s.name from public.follow_up_steps s where s.id = (coalesce(a.after, a.before) ->> 'step_id')::uuid)
    from public.audit_log a
    where a.entity = 'household_follow_up' and a.entity_id = p_household::text and a.action in ('create', 'update', 'delete')
    union all
    -- proposals
    select m.created_at, 'proposed', m.proposed_by, concat_ws(', ', d.street, d.place)
    from public.matches m left join public.dwellings d on d.id = m.dwelling_id
    where m.household_id = p_household
    union all
    -- the landlord's answers
    select m.decided_at, case when m.status = 'declined' then 'declined' else 'accepted' end, d.landlord_id,
      concat_ws(', ', d.street, d.place)
    from public.matches m left join public.dwellings d on d.id = m.dwelling_id
    where m.household_id = p_household and m.decided_at is not null
      and (m.status in ('accepted_by_landlord', 'confirmed') or (m.status = 'declined' and d.landlord_id is not null))
    union all
    -- move-in tasks
    select t.created_at, 'task', t.created_by, t.title
    from public.tasks t where t.household_id = p_household
    union all
    -- who helped: sign-ups and approved hours
    select s.joined_at, 'signup', s.volunteer_id, t.title
    from public.signups s join public.tasks t on t.id = s.task_id
    where t.household_id = p_household and s.status = 'confirmed'
    union all
    select s.hours_approved_at, 'hours', s.hours_approved_by,
      concat(t.title, ': ', (select u.display_name from public.users u where u.id = s.volunteer_id), ', ', coalesce(s.hours, s.hours_reported)::text)
    from public.signups s join public.tasks t on t.id = s.task_id
    where t.household_id = p_household and s.hours_approved_at is not null
    union all
    -- mails about it: the template and the recipient's role, never the body nor the address
    select coalesce(n.sent_at, n.created_at), 'mail', null::uuid,
      concat(n.template, ' → ', coalesce((select string_agg(distinct r.role::text, '/') from public.user_roles r where r.user_id = n.user_id), '–'),
             case when n.status = 'sent' then '' else ' (' || n.status::text || ')' end)
    from public.notifications n where n.about_household_id = p_household
  )
  select coalesce(jsonb_agg(jsonb_build_object('at', e.at, 'kind', e.kind, 'who', u.display_name, 'detail', e.detail)
    order by e.at, e.kind), '[]')
  from events e left join public.users u on u.id = e.actor_id
  where e.at is not null;
$$;

-- ---------------------------------------------------------------------------
-- the household page's one read, now with the case after the move
-- ---------------------------------------------------------------------------

-- as before (20261127110000_page_reads.sql), plus the timeline, the follow-up checklist and the
-- staff to choose a caseworker from, so the page stays within its round trips
create or replace function public.read_household(p_household uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  found_household jsonb;
begin
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'household', p_household::text);
  select to_jsonb(h) || jsonb_build_object(
      'household_members', coalesce((select jsonb_agg(to_jsonb(m)) from public.household_members m where m.household_id = h.id), '[]')
    )
  into found_household
  from public.households h where h.id = p_household;
  if found_household is null then
    return null;
  end if;
  return jsonb_build_object(
    'household', found_household,
    'history', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', m.id, 'status', m.status, 'score', m.score, 'created_at', m.created_at, 'decline_reason', m.decline_reason,
          'dwelling', (select jsonb_build_object('id', d.id, 'street', d.street, 'place', d.place, 'landlord_id', d.landlord_id)
                       from public.dwellings d where d.id = m.dwelling_id)
        ) order by m.created_at desc)
      from public.matches m where m.household_id = p_household
    ), '[]'),
    'timeline', public.household_timeline(p_household),
    'checklist', public.household_checklist(p_household),
    'staff', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name, 'email', u.email) order by u.display_name, u.email)
      from public.users u
      where exists (select 1 from public.user_roles r where r.user_id = u.id and r.role in ('staff', 'admin'))
    ), '[]')
  );
end
$$;
