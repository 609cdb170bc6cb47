-- Issue 19, item 5: the staff's map and its table. Addresses, points and public transport
-- only: no household data, so the map page needs no read logged.

-- the dwellings of the given statuses with a point, each with its district and bus access;
-- how many of them have no point yet (staff place those on the dwelling's page); the stops
-- with departures, busiest first (p_stops: how many; null for all); the districts with their
-- free places, and their boundaries only when the map asks (p_boundaries) — the table does
-- not need the polygons, which may be large. With p_dwellings, those dwellings whatever their
-- status (a household's suggestions)
create function public.map_data(p_statuses public.dwelling_status[], p_stops integer, p_boundaries boolean, p_dwellings uuid[] default null)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'dwellings', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', d.id, 'street', d.street, 'place', d.place, 'locality', d.locality, 'status', d.status,
        'lat', d.lat, 'lon', d.lon, 'district', x.name,
        'stop', b.nearest_stop_name, 'walk_m', b.nearest_walk_m, 'departures', b.departures_1000
      ) order by d.locality, d.street, d.id)
      from public.dwellings d
      left join public.districts x on x.id = d.district_id
      left join public.dwelling_bus_access b on b.dwelling_id = d.id
      where (case when p_dwellings is null then d.status = any (p_statuses) else d.id = any (p_dwellings) end) and d.lat is not null
    ), '[]'),
    'unplaced', (select count(*) from public.dwellings d
                 where (case when p_dwellings is null then d.status = any (p_statuses) else d.id = any (p_dwellings) end) and d.lat is null),
    'stops', coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'lat', s.lat, 'lon', s.lon, 'departures', s.departures)
        order by s.departures desc, s.name)
      from (select * from public.bus_stops y where y.departures > 0 order by y.departures desc, y.name limit p_stops) s
    ), '[]'),
    'stop_count', (select count(*) from public.bus_stops y where y.departures > 0),
    'districts', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', x.id, 'name', x.name, 'primary_school_places', x.primary_school_places,
        'lower_secondary_places', x.lower_secondary_places, 'kindergarten_places', x.kindergarten_places,
        'boundary', case when p_boundaries then x.boundary end
      ) order by x.name)
      from public.districts x
    ), '[]')
  );
$$;
