-- Needs that were collected and then ignored (issue 17, item 3): a household may need a
-- ground floor and to live near a health centre, and matching used neither.
--   ground floor: a hard constraint. An offer now says which floor it is on (Norwegian
--     numbering: 1 is "1. etasje", the floor at street level; 0 an underetasje or
--     kjellar) and whether the building has a lift. The need is met by floor 1 or by a
--     lift; an unknown floor (null, every offer made before this) without a lift does not
--     meet it, and says "floor unknown".
--   near a health centre: a scored part of the match ("health"), from a flag staff set
--     per locality until the geodata issue gives real distances.

-- ---------------------------------------------------------------------------
-- the floor and the lift of an offer
-- ---------------------------------------------------------------------------

-- null: not given (the offers made before this migration); 0 underetasje, 1 street level
alter table public.dwellings
  add column floor integer check (floor between 0 and 60),
  add column lift boolean not null default false;

-- as before (20261201111000_offer_frozen_once_proposed.sql), with the floor and the lift:
-- a proposal rests on them as on step-free access
create or replace function public.dwelling_terms(d public.dwellings) returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'street', d.street, 'postcode', d.postcode, 'place', d.place, 'locality', d.locality,
    'bedrooms', d.bedrooms, 'beds', d.beds, 'max_occupants', d.max_occupants, 'size_m2', d.size_m2,
    'rent_nok', d.rent_nok, 'deposit_nok', d.deposit_nok,
    'rent_includes_electricity', d.rent_includes_electricity, 'rent_includes_internet', d.rent_includes_internet,
    'furnished', d.furnished, 'step_free', d.step_free, 'floor', d.floor, 'lift', d.lift, 'pets_allowed', d.pets_allowed,
    'smoking_allowed', d.smoking_allowed, 'available_from', d.available_from, 'available_until', d.available_until,
    'min_lease_months', d.min_lease_months, 'bus_stop_distance_m', d.bus_stop_distance_m,
    'bus_departures_per_weekday', d.bus_departures_per_weekday, 'fire_safety_confirmed', d.fire_safety_confirmed
  );
$$;

-- as before (20261202110000_one_home_for_each_rule.sql), and a change of the floor or the
-- lift of an approved offer sends it back to review, as a change of step-free access does
create or replace function public.guard_dwelling_update() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  frozen text;
begin
  if not 'edit' = any (public.dwelling_actions(old.status)) then
    select string_agg(n.key, ',' order by n.key) into frozen
    from jsonb_each(public.dwelling_terms(new)) n
    where n.value is distinct from public.dwelling_terms(old) -> n.key;
    if frozen is not null then
      raise exception 'the terms of a % offer cannot change (%)', old.status, frozen
        using errcode = 'P0001', hint = 'dwelling_frozen', detail = frozen;
    end if;
  end if;
  if old.status = 'approved' and new.status = 'approved' and (
    new.bedrooms, new.beds, new.max_occupants, new.rent_nok, new.step_free, new.pets_allowed,
    new.available_from, new.available_until, new.locality, new.street, new.postcode, new.place,
    new.floor, new.lift
  ) is distinct from (
    old.bedrooms, old.beds, old.max_occupants, old.rent_nok, old.step_free, old.pets_allowed,
    old.available_from, old.available_until, old.locality, old.street, old.postcode, old.place,
    old.floor, old.lift
  ) then
    new.status := 'submitted';
    new.submitted_at := now();
  end if;
  if new.status is distinct from old.status and not public.dwelling_transition_allowed(old.status, new.status) then
    raise exception 'a dwelling cannot go from % to %', old.status, new.status
      using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  if old.status = 'submitted' and new.status = 'approved' then
    new.approved_terms := public.dwelling_terms(new);
  end if;
  new.updated_at := now();
  return new;
end
$$;

-- as before (20261202140000_rules_behind_one_call.sql), with the floor and the lift among
-- the form's fields
create or replace function public.save_and_submit_dwelling(p_dwelling uuid, p_landlord uuid, p_fields jsonb)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  v_id := p_dwelling;
  if v_id is null then
    -- a new offer starts as a draft of the columns' defaults; the update below fills it in
    insert into public.dwellings (landlord_id, status) values (p_landlord, 'draft') returning id into v_id;
  end if;
  -- the owner is named in the update itself, so another landlord's id finds nothing
  update public.dwellings d set (
    street, postcode, place, locality, bedrooms, beds, max_occupants, size_m2, rent_nok, deposit_nok,
    rent_includes_electricity, rent_includes_internet, furnished, step_free, floor, lift, pets_allowed,
    smoking_allowed, available_from, available_until, min_lease_months, bus_stop_distance_m,
    bus_departures_per_weekday, description, fire_safety_confirmed
  ) = (
    select f.street, f.postcode, f.place, f.locality, f.bedrooms, f.beds, f.max_occupants, f.size_m2,
      f.rent_nok, f.deposit_nok, f.rent_includes_electricity, f.rent_includes_internet, f.furnished,
      f.step_free, f.floor, f.lift, f.pets_allowed, f.smoking_allowed, f.available_from, f.available_until,
      f.min_lease_months, f.bus_stop_distance_m, f.bus_departures_per_weekday, f.description,
      f.fire_safety_confirmed
    from jsonb_populate_record(d, p_fields) f
  )
  where d.id = v_id and d.landlord_id is not distinct from p_landlord
  returning d.id into v_id;
  if v_id is null then
    return null;
  end if;
  -- raises on a refusal, which undoes the save above with it
  perform public.submit_dwelling(v_id);
  return v_id;
end
$$;

-- ---------------------------------------------------------------------------
-- the hard constraints of a pair, with the ground floor
-- ---------------------------------------------------------------------------

-- as before (20261201111000_offer_frozen_once_proposed.sql), and, in the order of
-- constraints.ts: a household that needs a ground floor gets one on floor 1 or with a
-- lift; not_ground_floor when the floor is known and neither holds, floor_unknown when the
-- floor was never given and there is no lift
drop function public.pair_violations(integer, boolean, boolean, date, integer, integer, boolean, boolean, date, date, integer);
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
  p_lift boolean
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
    case when p_needs_ground_floor and not p_lift and p_floor is null then 'floor_unknown' end
  ], null);
$$;

-- as before, with the household's need and the dwelling's floor and lift
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
    h.needs_ground_floor, d.floor, d.lift
  )
  from public.households h, public.dwellings d
  where h.id = p_household and d.id = p_dwelling;
$$;

-- ---------------------------------------------------------------------------
-- localities near a health centre
-- ---------------------------------------------------------------------------

-- a locality is the free-text name on offers and tasks ("Straumvik"); staff mark those
-- with a health centre close by. Not personal data: no audit trigger
create table public.localities (
  name text primary key check (length(name) between 1 and 100 and name = btrim(name)),
  near_health_centre boolean not null default false,
  updated_at timestamptz not null default now()
);

alter table public.localities enable row level security;

-- the localities staff can mark: every one an offer names, and those already marked
create function public.locality_list()
returns table (name text, near_health_centre boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select n.name, coalesce(l.near_health_centre, false)
  from (
    select btrim(d.locality) as name from public.dwellings d where coalesce(btrim(d.locality), '') <> ''
    union
    select l.name from public.localities l
  ) n
  left join public.localities l on l.name = n.name
  order by n.name;
$$;

-- one form for every locality shown: those in p_near are near a health centre, the other
-- shown ones are not (a checkbox left empty posts nothing); names not shown stay as they are
create function public.set_localities_near_health_centre(p_shown text[], p_near text[])
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.localities (name, near_health_centre, updated_at)
  select distinct btrim(s), btrim(s) = any (select btrim(x) from unnest(coalesce(p_near, '{}')) x), now()
  from unnest(coalesce(p_shown, '{}')) s
  where btrim(s) <> '' and length(btrim(s)) <= 100
  on conflict (name) do update
    set near_health_centre = excluded.near_health_centre, updated_at = excluded.updated_at
    where public.localities.near_health_centre is distinct from excluded.near_health_centre;
$$;

-- ---------------------------------------------------------------------------
-- what the engine reads, and its weights
-- ---------------------------------------------------------------------------

-- the weight of the new part, "health", is set by admins like the others
create or replace function public.valid_matching_weights(p_weights jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(p_weights) = 'object' and coalesce((
    select bool_and(jsonb_typeof(v) = 'number' and (v::text)::numeric between 0 and 100
                    and k in ('school', 'rent', 'bus', 'bedrooms', 'locality', 'language', 'health'))
    from jsonb_each(p_weights) as w (k, v)
  ), true)
$$;

-- as before (20261127110000_page_reads.sql), with the households' ground-floor and
-- health-centre needs and the localities near a health centre
create or replace function public.matching_data() returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'districts', coalesce((select jsonb_agg(to_jsonb(d)) from public.districts d), '[]'),
    'rent_caps', coalesce((select jsonb_agg(jsonb_build_object('persons', c.persons, 'max_rent_nok', c.max_rent_nok)) from public.rent_caps c), '[]'),
    'settings', (select jsonb_build_object('crowded_margin', s.crowded_margin, 'matching_weights', s.matching_weights) from public.municipality_settings s limit 1),
    'settled', coalesce((
      select jsonb_agg(jsonb_build_object('locality', d.locality, 'languages', h.languages))
      from public.matches m
      join public.households h on h.id = m.household_id
      join public.dwellings d on d.id = m.dwelling_id
      where m.status = 'confirmed'
    ), '[]'),
    'households', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', h.id, 'needs_step_free', h.needs_step_free, 'has_pets', h.has_pets, 'expected_arrival', h.expected_arrival,
        'needs_ground_floor', h.needs_ground_floor, 'needs_near_health_centre', h.needs_near_health_centre,
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
    ), '[]'),
    'dwellings', coalesce((select jsonb_agg(to_jsonb(d)) from public.dwellings d where d.status = 'approved'), '[]'),
    'references', coalesce((select jsonb_object_agg(h.id, h.imdi_reference) from public.households h where h.status = 'expected'), '{}'),
    'health_centre_localities', coalesce((select jsonb_agg(l.name order by l.name) from public.localities l where l.near_health_centre), '[]')
  );
$$;
