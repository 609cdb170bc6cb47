-- Issue 19, item 6: the report for the transport authority. Bus service is the
-- municipality's argument to the county: how many dwellings offered to it, and how many where
-- families now live, lie more than a 1,000 m walk from a stop with at least 20 departures on a
-- normal weekday (dwelling_bus_access.frequent_walk_m, computed from the imported timetable),
-- by locality, with the persons affected. Counts only: no address, no household, no landlord.

-- one row per locality, counted in SQL, and the feed the figures come from (null: none
-- imported, and every dwelling's bus access is unknown):
--   offered: submitted, sent back, approved or proposed — still on offer to the municipality;
--   settled: let, with the confirmed match of a household that is not cancelled;
--   far: a point and a feed, and no stop with 20 departures within a 1,000 m walk;
--   unknown: no point (staff have not placed it) or no feed, so the timetable says nothing;
--   places_far: the occupants the far offers take (max_occupants); persons_far: the members
--   of the households settled far from the bus
create function public.transport_report() returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with d as (
    select x.id, coalesce(nullif(btrim(x.locality), ''), '') as locality, x.max_occupants,
      x.status in ('submitted', 'needs_changes', 'approved', 'proposed') as offered,
      x.status = 'let' as let,
      b.dwelling_id is null as unknown,
      b.dwelling_id is not null and (b.frequent_walk_m is null or b.frequent_walk_m > 1000) as far
    from public.dwellings x
    left join public.dwelling_bus_access b on b.dwelling_id = x.id and x.lat is not null
    where x.status in ('submitted', 'needs_changes', 'approved', 'proposed', 'let')
  ),
  -- who lives in each let dwelling: the household of its confirmed match
  living as (
    select m.dwelling_id, count(hm.id)::int as persons
    from public.matches m
    join public.households h on h.id = m.household_id and h.status <> 'cancelled'
    join public.household_members hm on hm.household_id = h.id
    where m.status = 'confirmed'
    group by m.dwelling_id
  ),
  counted as (
    select d.locality,
      count(*) filter (where d.offered)::int as offered,
      count(*) filter (where d.offered and d.far)::int as offered_far,
      coalesce(sum(d.max_occupants) filter (where d.offered and d.far), 0)::int as places_far,
      count(*) filter (where d.let and l.dwelling_id is not null)::int as settled,
      count(*) filter (where d.let and l.dwelling_id is not null and d.far)::int as settled_far,
      coalesce(sum(l.persons) filter (where d.let and d.far), 0)::int as persons_far,
      count(*) filter (where d.unknown and (d.offered or l.dwelling_id is not null))::int as unknown
    from d left join living l on l.dwelling_id = d.id and d.let
    group by d.locality
  )
  select jsonb_build_object(
    'feed', (select jsonb_build_object('file_name', f.file_name, 'service_date', f.service_date) from public.bus_feed f),
    'localities', coalesce((
      select jsonb_agg(to_jsonb(c) order by c.offered_far + c.settled_far desc, c.locality)
      from counted c
      where c.offered + c.settled > 0
    ), '[]'::jsonb)
  );
$$;
