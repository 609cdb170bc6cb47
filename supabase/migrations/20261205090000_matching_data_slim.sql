-- Issue 18, performance at scale: matching_data() (20261204110000) sent every approved
-- dwelling as its whole row, with its description, notes and approved terms, which the
-- engine never reads: at the demo data ×100 the household page and the matching page each
-- read 3.4 MB. Now each dwelling carries only what the engine and the pages use
-- (src/lib/server/db/matching.ts, freeDwelling), and a household's page, which suggests
-- homes for that one household, asks without the waiting households and their references.
drop function public.matching_data();

create function public.matching_data(p_with_households boolean default true) returns jsonb
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
    'households', case when p_with_households then coalesce((
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
    ), '[]') else '[]'::jsonb end,
    -- the approved dwellings, with the fields matching reads
    'dwellings', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', d.id, 'status', d.status, 'street', d.street, 'place', d.place, 'locality', d.locality,
        'district_id', d.district_id, 'beds', d.beds, 'max_occupants', d.max_occupants, 'bedrooms', d.bedrooms,
        'step_free', d.step_free, 'floor', d.floor, 'lift', d.lift, 'pets_allowed', d.pets_allowed,
        'available_from', d.available_from, 'available_until', d.available_until, 'rent_nok', d.rent_nok,
        'bus_stop_distance_m', d.bus_stop_distance_m, 'bus_departures_per_weekday', d.bus_departures_per_weekday
      ))
      from public.dwellings d where d.status = 'approved'
    ), '[]'),
    'references', case when p_with_households then
      coalesce((select jsonb_object_agg(h.id, h.imdi_reference) from public.households h where h.status = 'expected'), '{}')
      else '{}'::jsonb end,
    'health_centre_localities', coalesce((select jsonb_agg(l.name order by l.name) from public.localities l where l.near_health_centre), '[]')
  );
$$;
