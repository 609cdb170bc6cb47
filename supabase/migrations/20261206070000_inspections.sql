-- Issue 20, item 2: the municipality's own inspection of a dwelling. Before a family is placed,
-- someone from the service visits and checks fire safety, damp, heating and the electrical
-- installation, and that the offer is as claimed. The landlord's fire-safety confirmation
-- stays; this is the municipality's check. Approval needs a passed inspection unless the admin
-- setting says otherwise; a failed item sends the offer back to the landlord, the item named.

-- what is checked at each visit (the order the form and the mail list them in)
create type public.inspection_item as enum (
  'smoke_alarms', 'extinguisher', 'escape_routes', 'damp', 'heating', 'electrical', 'step_free', 'furniture'
);
-- each item's finding: in order, failed, or not applicable (no second floor, offered unfurnished)
create type public.inspection_result as enum ('ok', 'failed', 'not_applicable');

-- one visit: when, by whom (the staff member who records it), remarks; passed is whether no
-- item failed, kept with the row so "approved needs a passed inspection" is one lookup
create table public.inspections (
  id uuid primary key default gen_random_uuid(),
  dwelling_id uuid not null references public.dwellings (id) on delete cascade,
  inspected_on date not null check (inspected_on between date '2000-01-01' and date '2100-12-31'),
  inspector_id uuid references public.users (id) on delete set null,
  remarks text not null default '' check (length(remarks) <= 2000),
  passed boolean not null,
  created_at timestamptz not null default now()
);
-- a dwelling's inspections, newest first
create index inspections_dwelling on public.inspections (dwelling_id, inspected_on desc, created_at desc);
-- the staff member's inspections, for erasure (on delete set null)
create index inspections_inspector on public.inspections (inspector_id);

-- every item of every visit has its finding; a failed item says what is wrong
create table public.inspection_findings (
  inspection_id uuid not null references public.inspections (id) on delete cascade,
  item public.inspection_item not null,
  result public.inspection_result not null,
  note text not null default '' check (length(note) <= 500),
  primary key (inspection_id, item)
);

alter table public.inspections enable row level security;
alter table public.inspection_findings enable row level security;
-- only the server (service role) reads and writes them; no policy for anon or authenticated

-- the admin's choice: approval needs a passed inspection (the default), or not (a municipality
-- that inspects after approval, or a dwelling it knows already)
alter table public.municipality_settings
  add column approval_needs_inspection boolean not null default true;

-- the latest inspection of a dwelling passed
create function public.inspection_passed(p_dwelling uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((
    select i.passed from public.inspections i where i.dwelling_id = p_dwelling
    order by i.inspected_on desc, i.created_at desc limit 1
  ), false);
$$;

-- staff record a visit: every item's finding at once (p_findings: [{item, result, note}], each
-- item exactly once), in one transaction. A failed item sends an offer on review or approved
-- back to the landlord (needs changes), with the failed items in the message and the mail;
-- a proposed or let dwelling keeps its status (its terms are frozen: staff take it up with
-- the landlord). Returns the inspection's id and whether it was sent back.
create function public.record_inspection(
  p_dwelling uuid,
  p_staff uuid,
  p_inspected_on date,
  p_findings jsonb,
  p_remarks text
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
  new_id uuid;
  failed text[];
  sent_back boolean := false;
begin
  select * into d from public.dwellings where id = p_dwelling for update;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  if d.status = 'draft' then
    raise exception 'a draft is not inspected' using errcode = 'P0001', hint = 'inspection_draft';
  end if;
  if (select count(distinct f ->> 'item') from jsonb_array_elements(p_findings) f) <> cardinality(enum_range(null::public.inspection_item))
     or jsonb_array_length(p_findings) <> cardinality(enum_range(null::public.inspection_item)) then
    raise exception 'every item has one finding' using errcode = '22023';
  end if;
  select coalesce(array_agg(f ->> 'item' order by (f ->> 'item')::public.inspection_item), '{}') into failed
  from jsonb_array_elements(p_findings) f where f ->> 'result' = 'failed';

  insert into public.inspections (dwelling_id, inspected_on, inspector_id, remarks, passed)
  values (p_dwelling, p_inspected_on, p_staff, coalesce(btrim(p_remarks), ''), cardinality(failed) = 0)
  returning id into new_id;
  insert into public.inspection_findings (inspection_id, item, result, note)
  select new_id, (f ->> 'item')::public.inspection_item, (f ->> 'result')::public.inspection_result, coalesce(btrim(f ->> 'note'), '')
  from jsonb_array_elements(p_findings) f;

  if cardinality(failed) > 0 and d.status in ('submitted', 'approved') then
    update public.dwellings
    set status = 'needs_changes', review_message = coalesce(btrim(p_remarks), ''), reviewed_at = now(), reviewed_by = p_staff
    where id = p_dwelling
    returning * into d;
    sent_back := true;
    select * into l from public.dwelling_landlord(p_dwelling);
    if l.email is not null then
      -- the items go as keys: the mail names them in the landlord's language, with staff's notes
      perform public.enqueue_notification(l.email, 'dwelling_reviewed', l.locale,
        jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                           'decision', 'needs_changes', 'message', coalesce(btrim(p_remarks), ''),
                           'dwelling_id', d.id,
                           'failed', (select coalesce(jsonb_agg(jsonb_build_object('item', f ->> 'item', 'note', coalesce(btrim(f ->> 'note'), ''))
                                                                order by (f ->> 'item')::public.inspection_item), '[]')
                                      from jsonb_array_elements(p_findings) f where f ->> 'result' = 'failed')),
        'dwelling_reviewed:' || d.id || ':' || extract(epoch from d.reviewed_at)::bigint);
    end if;
  end if;
  return jsonb_build_object('id', new_id, 'sent_back', sent_back);
end
$$;

-- as before (20261206000000_where_a_dwelling_is.sql), and: approval needs the latest
-- inspection passed, unless the admin setting says otherwise (hint inspection_required)
create or replace function public.review_dwelling(
  p_dwelling uuid,
  p_staff uuid,
  p_decision public.dwelling_status,
  p_message text,
  p_district uuid,
  p_inspection_date date,
  p_staff_note text,
  p_district_reason text default null
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
  boundary_district uuid;
  reason text := nullif(btrim(coalesce(p_district_reason, '')), '');
begin
  if p_decision not in ('approved', 'needs_changes', 'rejected') then
    raise exception 'a review approves, asks for changes or rejects' using errcode = '22023';
  end if;
  if p_decision = 'approved'
     and coalesce((select s.approval_needs_inspection from public.municipality_settings s limit 1), true)
     and not public.inspection_passed(p_dwelling) then
    raise exception 'approval needs a passed inspection' using errcode = 'P0001', hint = 'inspection_required';
  end if;
  select public.district_at(x.lat, x.lon) into boundary_district from public.dwellings x where x.id = p_dwelling and x.lat is not null;
  if boundary_district is not null and p_district is not null and p_district <> boundary_district and reason is null then
    raise exception 'another district than the boundary''s needs a reason' using errcode = 'P0001', hint = 'district_reason_required';
  end if;
  update public.dwellings
  set status = p_decision, review_message = coalesce(p_message, ''), district_id = coalesce(p_district, district_id),
      district_reason = case when boundary_district is null or p_district is null or p_district = boundary_district then null else reason end,
      inspection_date = p_inspection_date, staff_note = coalesce(p_staff_note, ''),
      reviewed_at = now(), reviewed_by = p_staff,
      confirmed_available_at = case when p_decision = 'approved' then now() else confirmed_available_at end
  where id = p_dwelling
  returning * into d;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  select * into l from public.dwelling_landlord(p_dwelling);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'dwelling_reviewed', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'decision', p_decision, 'message', coalesce(p_message, ''),
                         'dwelling_id', d.id),
      'dwelling_reviewed:' || d.id || ':' || extract(epoch from d.reviewed_at)::bigint);
  end if;
end
$$;

-- a dwelling's inspections for staff's page, newest first, each with its findings and who
-- recorded it
create function public.dwelling_inspections(p_dwelling uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', i.id, 'inspected_on', i.inspected_on, 'passed', i.passed, 'remarks', i.remarks,
      'inspector', (select u.display_name from public.users u where u.id = i.inspector_id),
      'findings', (select jsonb_agg(jsonb_build_object('item', f.item, 'result', f.result, 'note', f.note) order by f.item)
                   from public.inspection_findings f where f.inspection_id = i.id)
    ) order by i.inspected_on desc, i.created_at desc), '[]')
  from public.inspections i where i.dwelling_id = p_dwelling;
$$;

-- as before (20261206000000_where_a_dwelling_is.sql), with the inspections and whether
-- approval needs one
create or replace function public.staff_dwelling_page(p_dwelling uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select from public.dwellings d where d.id = p_dwelling) then
    return null;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'dwelling', p_dwelling::text);
  return public.dwelling_lookups() || jsonb_build_object(
    'dwelling', public.staff_dwelling_json(p_dwelling),
    'landlord', (
      select jsonb_build_object('display_name', u.display_name, 'email', u.email, 'phone', u.phone)
      from public.dwellings d join public.users u on u.id = d.landlord_id
      where d.id = p_dwelling
    ),
    'place', public.dwelling_place(p_dwelling),
    'inspections', public.dwelling_inspections(p_dwelling),
    'approval_needs_inspection', coalesce((select s.approval_needs_inspection from public.municipality_settings s limit 1), true)
  );
end
$$;

-- the admin's settings page: as before (20261205010000_needs_action.sql), with the inspection rule
create or replace function public.settings_page(p_year integer) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'target', (select t.persons from public.yearly_targets t where t.year = p_year),
    'rent_caps', coalesce((select jsonb_agg(jsonb_build_object('persons', c.persons, 'max_rent_nok', c.max_rent_nok)) from public.rent_caps c), '[]'),
    'crowded_margin', (select s.crowded_margin from public.municipality_settings s limit 1),
    'matching_weights', (select s.matching_weights from public.municipality_settings s limit 1),
    'proposal_wait_days', (select s.proposal_wait_days from public.municipality_settings s limit 1),
    'retention_months', public.retention_months(),
    'approval_needs_inspection', (select s.approval_needs_inspection from public.municipality_settings s limit 1)
  );
$$;

-- the admin sets the inspection rule
create function public.save_inspection_setting(p_needed boolean) returns void
language sql
security definer
set search_path = ''
as $$
  update public.municipality_settings set approval_needs_inspection = p_needed, updated_at = now();
$$;

-- what the landlord is asked to mend: the failed items of the latest inspection, with staff's
-- notes (not who inspected, nor the other findings); read by PostgREST as the computed column
-- dwellings.inspection_to_mend on the landlord's own dwelling
create function public.inspection_to_mend(d public.dwellings) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('item', f.item, 'note', f.note) order by f.item), '[]')
  from (select i.id from public.inspections i where i.dwelling_id = d.id order by i.inspected_on desc, i.created_at desc limit 1) latest
  join public.inspection_findings f on f.inspection_id = latest.id and f.result = 'failed';
$$;
