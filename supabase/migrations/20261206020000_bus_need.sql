-- Issue 19, item 4: a household may need a bus close by — at least N departures within a
-- 1 km walk on a normal weekday, by the timetable (step-free families, no car). A hard
-- constraint like the ground floor: a dwelling whose bus access the timetable does not give
-- (no point, or no feed imported) is its own violation, departures_unknown, so staff read
-- "not known: place the dwelling" rather than "too few buses".

-- null: no such need; otherwise the departures a day it needs (a busy route runs ~100)
alter table public.households
  add column needs_departures integer check (needs_departures between 1 and 500);

-- as before (20261204110000_floor_lift_health_centre.sql), and, in the order of
-- constraints.ts: too_few_departures when the timetable gives fewer than the household
-- needs within a 1 km walk, departures_unknown when it gives nothing for the dwelling
drop function public.pair_violations(integer, boolean, boolean, date, integer, integer, boolean, boolean, date, date, integer, boolean, integer, boolean);
create function public.pair_violations(
  p_persons integer,
  p_needs_step_free boolean,
  p_has_pets boolean,
  p_expected_arrival date,
  p_beds integer,
  p_max_occupants integer,
  p_step_free boolean,
  p_pets_allowed boolean,
  p_available_from date,
  p_available_until date,
  p_crowded_margin integer,
  p_needs_ground_floor boolean,
  p_floor integer,
  p_lift boolean,
  p_needs_departures integer default null,
  p_departures integer default null
) returns text[]
language sql
immutable
set search_path = ''
as $$
  select array_remove(array[
    case when p_persons > coalesce(p_max_occupants, 0) + p_crowded_margin
           or p_persons > coalesce(p_beds, 0) + p_crowded_margin then 'too_small' end,
    case when p_expected_arrival is not null and coalesce(p_available_from, 'infinity'::date) > p_expected_arrival
      then 'not_available_in_time' end,
    case when p_expected_arrival is not null and p_available_until < p_expected_arrival then 'ends_before_arrival' end,
    case when p_needs_step_free and not p_step_free then 'not_step_free' end,
    case when p_has_pets and not p_pets_allowed then 'no_pets' end,
    case when p_needs_ground_floor and not p_lift and p_floor is distinct from 1 and p_floor is not null then 'not_ground_floor' end,
    case when p_needs_ground_floor and not p_lift and p_floor is null then 'floor_unknown' end,
    case when p_needs_departures is not null and p_departures < p_needs_departures then 'too_few_departures' end,
    case when p_needs_departures is not null and p_departures is null then 'departures_unknown' end
  ], null);
$$;

-- as before, with the household's need and the dwelling's departures from the timetable
create or replace function public.match_violations(p_household uuid, p_dwelling uuid) returns text[]
language sql
stable
security definer
set search_path = ''
as $$
  select public.pair_violations(
    (select count(*)::int from public.household_members x where x.household_id = h.id),
    h.needs_step_free, h.has_pets, h.expected_arrival,
    d.beds, d.max_occupants, d.step_free, d.pets_allowed, d.available_from, d.available_until,
    coalesce((select s.crowded_margin from public.municipality_settings s limit 1), 0),
    h.needs_ground_floor, d.floor, d.lift,
    h.needs_departures, (select b.departures_1000 from public.dwelling_bus_access b where b.dwelling_id = d.id)
  )
  from public.households h, public.dwellings d
  where h.id = p_household and d.id = p_dwelling;
$$;

-- registering a household takes its bus need too (as in 20261205030000_case_after_the_move.sql otherwise)
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
    needs_step_free, needs_near_health_centre, needs_ground_floor, needs_departures, has_pets,
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
    (p_household ->> 'needs_departures')::integer,
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

-- staff correct the bus need with the rest of the record (as in 20261205030000_case_after_the_move.sql
-- otherwise); a caller that does not send it (the CSV import has no column for it) leaves it as it is
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
    needs_departures = case when p_fields ? 'needs_departures' then (p_fields ->> 'needs_departures')::integer else h.needs_departures end,
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

-- as before (20261206000000_where_a_dwelling_is.sql), with the households' bus need
create or replace function public.matching_data(p_with_households boolean default true) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'districts', coalesce((select jsonb_agg(to_jsonb(d) - array['boundary', 'min_lat', 'max_lat', 'min_lon', 'max_lon']) from public.districts d), '[]'),
    'rent_caps', coalesce((select jsonb_agg(jsonb_build_object('persons', c.persons, 'max_rent_nok', c.max_rent_nok)) from public.rent_caps c), '[]'),
    'settings', (select jsonb_build_object('crowded_margin', s.crowded_margin, 'matching_weights', s.matching_weights) from public.municipality_settings s limit 1),
    'settled', coalesce((
      select jsonb_agg(jsonb_build_object('locality', d.locality, 'languages', h.languages))
      from public.matches m
      join public.households h on h.id = m.household_id
      join public.dwellings d on d.id = m.dwelling_id
      where m.status = 'confirmed'
    ), '[]'),
    'households', case when p_with_households then coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', h.id, 'needs_step_free', h.needs_step_free, 'has_pets', h.has_pets, 'expected_arrival', h.expected_arrival,
        'needs_ground_floor', h.needs_ground_floor, 'needs_near_health_centre', h.needs_near_health_centre,
        'needs_departures', h.needs_departures,
        'preferred_localities', h.preferred_localities, 'languages', h.languages,
        'household_members', coalesce((
          select jsonb_agg(jsonb_build_object('age_band', m.age_band, 'age', m.age))
          from public.household_members m where m.household_id = h.id
        ), '[]')
      ))
      from public.households h
      where h.status = 'expected'
        and not exists (
          select from public.matches m
          where m.household_id = h.id and m.status in ('proposed', 'accepted_by_landlord')
        )
    ), '[]') else '[]'::jsonb end,
    -- the approved dwellings, with the fields matching reads
    'dwellings', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', d.id, 'status', d.status, 'street', d.street, 'place', d.place, 'locality', d.locality,
        'district_id', d.district_id, 'beds', d.beds, 'max_occupants', d.max_occupants, 'bedrooms', d.bedrooms,
        'step_free', d.step_free, 'floor', d.floor, 'lift', d.lift, 'pets_allowed', d.pets_allowed,
        'available_from', d.available_from, 'available_until', d.available_until, 'rent_nok', d.rent_nok,
        'bus_stop_distance_m', d.bus_stop_distance_m, 'bus_departures_per_weekday', d.bus_departures_per_weekday,
        'bus', (select jsonb_build_object('stop', b.nearest_stop_name, 'walk_m', b.nearest_walk_m, 'departures', b.departures_1000,
                                          'first', b.first_departure, 'last', b.last_departure)
                from public.dwelling_bus_access b where b.dwelling_id = d.id)
      ))
      from public.dwellings d where d.status = 'approved'
    ), '[]'),
    'references', case when p_with_households then
      coalesce((select jsonb_object_agg(h.id, h.imdi_reference) from public.households h where h.status = 'expected'), '{}')
      else '{}'::jsonb end,
    'health_centre_localities', coalesce((select jsonb_agg(l.name order by l.name) from public.localities l where l.near_health_centre), '[]')
  );
$$;
