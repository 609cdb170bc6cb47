-- The staff map's table is a list like the others (issue 18): its dwellings are paged in
-- SQL, with their total, so a page reads at most one page of rows however many offers there
-- are; the map itself still asks for every point (p_limit null). The dwellings chosen (by
-- status, or by id for a household's suggestions) are named once.

-- as before (20261206030000_staff_map.sql), and: p_offset and p_limit page the dwellings
-- with a point ('placed' counts them all); for named dwellings (a household's page, opened
-- all day) only the stops around them, within about 3 km, not the whole feed
drop function public.map_data(public.dwelling_status[], integer, boolean, uuid[]);
create function public.map_data(
  p_statuses public.dwelling_status[],
  p_stops integer,
  p_boundaries boolean,
  p_dwellings uuid[] default null,
  p_offset integer default 0,
  p_limit integer default null
) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with chosen as (
    select d.* from public.dwellings d
    where case when p_dwellings is null then d.status = any (p_statuses) else d.id = any (p_dwellings) end
  ),
  shown as (
    select c.* from chosen c where c.lat is not null
    order by c.locality, c.street, c.id
    offset p_offset limit p_limit
  ),
  -- 0.03° of latitude is 3.3 km; a degree of longitude is about half as long up here
  around as (
    select min(c.lat) - 0.03 as s, max(c.lat) + 0.03 as n, min(c.lon) - 0.06 as w, max(c.lon) + 0.06 as e
    from chosen c where c.lat is not null
  )
  select jsonb_build_object(
    'dwellings', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', d.id, 'street', d.street, 'place', d.place, 'locality', d.locality, 'status', d.status,
        'lat', d.lat, 'lon', d.lon, 'district', x.name,
        'stop', b.nearest_stop_name, 'walk_m', b.nearest_walk_m, 'departures', b.departures_1000
      ) order by d.locality, d.street, d.id)
      from shown d
      left join public.districts x on x.id = d.district_id
      left join public.dwelling_bus_access b on b.dwelling_id = d.id
    ), '[]'),
    'placed', (select count(*) from chosen c where c.lat is not null),
    'unplaced', (select count(*) from chosen c where c.lat is null),
    'stops', coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'lat', s.lat, 'lon', s.lon, 'departures', s.departures)
        order by s.departures desc, s.name)
      from (
        select y.* from public.bus_stops y, around a
        where y.departures > 0
          and (p_dwellings is null or (y.lat between a.s and a.n and y.lon between a.w and a.e))
        order by y.departures desc, y.name limit p_stops
      ) s
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
