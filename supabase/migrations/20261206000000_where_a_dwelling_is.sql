-- Issue 19: where a dwelling is. Three public datasets, each imported from its official file
-- (never fetched at run time): the address register (Kartverket's Matrikkelen – Adresse), the
-- county's timetable (GTFS) and the school districts' boundaries (GeoJSON). From them a
-- dwelling takes its coordinates, its school district and its bus access; the landlord no
-- longer guesses. Postgres 15 without PostGIS (hosted Supabase has PostGIS, the local stack
-- does not): distances are haversine in SQL, point in polygon a ray cast over the GeoJSON.

-- ---------------------------------------------------------------------------
-- geometry in plain SQL
-- ---------------------------------------------------------------------------

-- metres on the ground between two points in degrees (haversine on the mean earth radius;
-- within a few metres at the distances a walk to a bus stop covers)
create function public.distance_m(p_lat1 double precision, p_lon1 double precision, p_lat2 double precision, p_lon2 double precision)
returns double precision
language sql
immutable
parallel safe
as $$
  select 2 * 6371008.8 * asin(least(1, sqrt(
    power(sin(radians(p_lat2 - p_lat1) / 2), 2)
    + cos(radians(p_lat1)) * cos(radians(p_lat2)) * power(sin(radians(p_lon2 - p_lon1) / 2), 2))));
$$;

-- the walk to a stop: the straight line × 1.3, the detour factor of walks along roads in
-- Norwegian settlements (docs/architecture.md says where it comes from and what it misses)
create function public.walking_m(p_lat1 double precision, p_lon1 double precision, p_lat2 double precision, p_lon2 double precision)
returns integer
language sql
immutable
parallel safe
as $$
  select round(public.distance_m(p_lat1, p_lon1, p_lat2, p_lon2) * 1.3)::integer;
$$;

-- whether a point lies inside one ring of GeoJSON positions ([lon, lat], closed): a ray cast
-- east from the point crosses the ring's edges an odd number of times
create function public.point_in_ring(p_ring jsonb, p_lat double precision, p_lon double precision) returns boolean
language sql
immutable
parallel safe
as $$
  select coalesce(sum(case
    when (e.y1 > p_lat) <> (e.y2 > p_lat) and p_lon < (e.x2 - e.x1) * (p_lat - e.y1) / (e.y2 - e.y1) + e.x1 then 1
    else 0 end) % 2 = 1, false)
  from (
    select (p_ring -> i ->> 0)::double precision as x1, (p_ring -> i ->> 1)::double precision as y1,
           (p_ring -> (i + 1) ->> 0)::double precision as x2, (p_ring -> (i + 1) ->> 1)::double precision as y2
    from generate_series(0, jsonb_array_length(p_ring) - 2) as i
  ) as e;
$$;

-- a GeoJSON Polygon or MultiPolygon geometry: inside the outer ring of one polygon and in
-- none of its holes
create function public.point_in_geometry(p_geometry jsonb, p_lat double precision, p_lon double precision) returns boolean
language sql
immutable
parallel safe
as $$
  select exists (
    select 1
    from jsonb_array_elements(case p_geometry ->> 'type'
      when 'Polygon' then jsonb_build_array(p_geometry -> 'coordinates')
      when 'MultiPolygon' then p_geometry -> 'coordinates'
      else '[]'::jsonb end) as poly (rings)
    where public.point_in_ring(poly.rings -> 0, p_lat, p_lon)
      and not exists (
        select 1 from generate_series(1, jsonb_array_length(poly.rings) - 1) as h
        where public.point_in_ring(poly.rings -> h, p_lat, p_lon))
  );
$$;

-- ---------------------------------------------------------------------------
-- the address register
-- ---------------------------------------------------------------------------

-- how an address is compared: case, spaces and "4 B" against "4B" do not matter
create function public.address_key(p_street text) returns text
language sql
immutable
parallel safe
as $$
  select lower(regexp_replace(regexp_replace(btrim(p_street), '\s+', ' ', 'g'), '(\d) ([[:alpha:]])$', '\1\2'));
$$;

-- one row of Kartverket's address register (Matrikkelen – Adresse), as `npm run
-- import:addresses` loads it: the register's own id, the address as it is written, and the
-- coordinates converted from EUREF89 UTM to WGS84 degrees
create table public.addresses (
  id text primary key check (length(id) between 1 and 100),
  municipality_number text not null check (municipality_number ~ '^[0-9]{4}$'),
  street text not null check (length(street) between 1 and 200),
  postcode text not null check (postcode ~ '^[0-9]{4}$'),
  place text not null check (length(place) between 1 and 100),
  locality text check (length(locality) <= 100),
  lat double precision not null check (lat between -90 and 90),
  lon double precision not null check (lon between -180 and 180),
  match_key text generated always as (public.address_key(street)) stored
);

alter table public.addresses enable row level security;
-- only the server (service role) reads and writes it; no policy for anon or authenticated

-- a typed address found by its postcode and street; suggestions found by a part of the street
create index addresses_postcode_key on public.addresses (postcode, match_key);
create index addresses_key_trgm on public.addresses using gin (match_key extensions.gin_trgm_ops);

-- ---------------------------------------------------------------------------
-- the timetable: stops and their departures on one normal weekday
-- ---------------------------------------------------------------------------

-- the feed last imported (one at a time): its file, the Tuesday it was counted on, the hub
create table public.bus_feed (
  id boolean primary key default true check (id),
  file_name text not null check (length(file_name) between 1 and 300),
  service_date date not null,
  hub_stop_id text,
  hub_name text,
  stops integer not null,
  departures integer not null,
  imported_at timestamptz not null default now()
);

-- a stop where people board: the GTFS station (parent_station) when the feed has one, else
-- the stop itself; its departures on the feed's normal Tuesday (minutes after midnight: a
-- GTFS time may pass 24:00 for a trip that runs past midnight)
create table public.bus_stops (
  id text primary key check (length(id) between 1 and 200),
  name text not null check (length(name) between 1 and 200),
  lat double precision not null check (lat between -90 and 90),
  lon double precision not null check (lon between -180 and 180),
  departures integer not null check (departures >= 0),
  hub_departures integer not null check (hub_departures >= 0),
  first_departure integer check (first_departure >= 0),
  last_departure integer check (last_departure >= 0)
);

-- the stops near a point: a band of latitude first
create index bus_stops_lat on public.bus_stops (lat);

-- each departure of that Tuesday: which trip, when, and whether it goes on to the hub
create table public.bus_departures (
  stop_id text not null references public.bus_stops (id) on delete cascade,
  trip_id text not null check (length(trip_id) between 1 and 200),
  minute integer not null check (minute >= 0),
  reaches_hub boolean not null,
  primary key (stop_id, trip_id, minute)
);

alter table public.bus_feed enable row level security;
alter table public.bus_stops enable row level security;
alter table public.bus_departures enable row level security;
-- only the server (service role) reads and writes them; no policy for anon or authenticated

-- ---------------------------------------------------------------------------
-- the school districts' boundaries
-- ---------------------------------------------------------------------------

-- a district's polygon as the municipality publishes it (a GeoJSON Polygon or MultiPolygon in
-- WGS84), with its bounding box to find candidates fast
alter table public.districts
  add column boundary jsonb check (boundary is null or boundary ->> 'type' in ('Polygon', 'MultiPolygon')),
  add column min_lat double precision,
  add column max_lat double precision,
  add column min_lon double precision,
  add column max_lon double precision;

-- the district whose boundary holds a point (the smallest, where boundaries overlap); null:
-- none does
create function public.district_at(p_lat double precision, p_lon double precision) returns uuid
language sql
stable
set search_path = ''
as $$
  select d.id from public.districts d
  where d.boundary is not null and p_lat between d.min_lat and d.max_lat and p_lon between d.min_lon and d.max_lon
    and public.point_in_geometry(d.boundary, p_lat, p_lon)
  order by (d.max_lat - d.min_lat) * (d.max_lon - d.min_lon), d.name
  limit 1;
$$;

-- ---------------------------------------------------------------------------
-- a dwelling's place: the register's address, or a point staff set on the map
-- ---------------------------------------------------------------------------

-- address_id: the register's row for the typed address (found by the trigger below);
-- lat/lon: its coordinates, or where staff placed a dwelling the register does not know;
-- district_reason: why staff chose another district than the boundary's (null: the district
-- follows the boundary)
alter table public.dwellings
  add column address_id text references public.addresses (id) on delete set null,
  add column lat double precision check (lat between -90 and 90),
  add column lon double precision check (lon between -180 and 180),
  add column placed_by text check (placed_by in ('register', 'staff')),
  add column district_reason text check (length(district_reason) between 1 and 500),
  add constraint dwellings_point check ((lat is null) = (lon is null) and (lat is null) = (placed_by is null));

create index dwellings_address_id on public.dwellings (address_id);

-- the typed address against the register, on every write of a dwelling: a street and
-- postcode the register has take its id and coordinates; another address loses coordinates
-- that came from the register (staff place it); a point staff set stays until the address is
-- changed. Then the district follows the boundary, unless staff overrode it with a reason
-- (review_dwelling below refuses another district without one).
create function public.locate_dwelling() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  typed_changed boolean := tg_op = 'INSERT' or new.street is distinct from old.street or new.postcode is distinct from old.postcode;
  found_id text;
  boundary_district uuid;
begin
  if typed_changed and (tg_op = 'INSERT' or new.address_id is not distinct from old.address_id) then
    select a.id into found_id from public.addresses a
    where a.postcode = new.postcode and a.match_key = public.address_key(new.street)
    order by a.id limit 1;
    new.address_id := found_id;
    if found_id is null and (tg_op = 'INSERT' or new.lat is not distinct from old.lat) then
      new.lat := null;
      new.lon := null;
      new.placed_by := null;
    end if;
  elsif tg_op = 'UPDATE' and old.address_id is not null and new.address_id is null and new.lat is not distinct from old.lat then
    -- the register dropped the address (its import deleted the row): its point goes with it
    new.lat := null;
    new.lon := null;
    new.placed_by := null;
  end if;
  if new.address_id is not null then
    select a.lat, a.lon into new.lat, new.lon from public.addresses a where a.id = new.address_id;
    new.placed_by := 'register';
  elsif new.lat is not null and (tg_op = 'INSERT' or new.lat is distinct from old.lat or new.lon is distinct from old.lon) then
    new.placed_by := 'staff';
  end if;
  -- where a boundary holds the point, the district is the boundary's, unless staff chose
  -- another with a reason; choosing the boundary's own district again needs none
  if new.lat is not null then
    boundary_district := public.district_at(new.lat, new.lon);
    if boundary_district is not null then
      if new.district_reason is null then
        new.district_id := boundary_district;
      elsif new.district_id = boundary_district then
        new.district_reason := null;
      end if;
    end if;
  end if;
  return new;
end
$$;

-- after the lifecycle guard (triggers of one kind run in name order)
create trigger dwellings_locate before insert or update on public.dwellings
  for each row execute function public.locate_dwelling();

-- ---------------------------------------------------------------------------
-- a dwelling's bus access, computed from its point and the feed
-- ---------------------------------------------------------------------------

-- kept beside the dwelling, not in it: a reimported feed recomputes every row without
-- touching the offer (its "still available?" clock, its audit trail)
create table public.dwelling_bus_access (
  dwelling_id uuid primary key references public.dwellings (id) on delete cascade,
  -- the nearest stop within 3 km walking, and the walk
  nearest_stop_id text,
  nearest_stop_name text,
  nearest_walk_m integer,
  nearest_departures integer,
  -- distinct trips leaving from stops within a 500 m and a 1,000 m walk
  departures_500 integer not null,
  departures_1000 integer not null,
  -- of those within 1,000 m: how many go on to the hub (the municipality centre)
  hub_departures_1000 integer not null,
  first_departure integer,
  last_departure integer,
  -- the walk to the nearest stop with at least 20 departures (the transport report's line);
  -- null: none within 3 km
  frequent_walk_m integer,
  computed_at timestamptz not null default now()
);

alter table public.dwelling_bus_access enable row level security;
-- only the server (service role) reads and writes it; no policy for anon or authenticated

-- the bus access of the given dwellings (null: every dwelling), from their points and the
-- feed's stops: within a 3 km walk the nearest stop and the nearest with at least 20
-- departures; within 500 m and 1,000 m the distinct trips leaving (a trip that passes two
-- stops near the dwelling counts once). No feed imported: no rows. Returns the rows written.
create function public.compute_bus_access(p_dwellings uuid[]) returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  written integer;
begin
  delete from public.dwelling_bus_access b where p_dwellings is null or b.dwelling_id = any (p_dwellings);
  if not exists (select 1 from public.bus_feed) then
    return 0;
  end if;
  with d as (
    select x.id, x.lat, x.lon from public.dwellings x
    where x.lat is not null and (p_dwellings is null or x.id = any (p_dwellings))
  ),
  -- 3 km walking is 2.3 km in a straight line: a band of 0.021° of latitude, wider in longitude
  near as (
    select d.id as dwelling_id, s.id as stop_id, s.name, s.departures, public.walking_m(d.lat, d.lon, s.lat, s.lon) as walk_m
    from d join public.bus_stops s
      on s.lat between d.lat - 0.021 and d.lat + 0.021
     and s.lon between d.lon - 0.021 / cos(radians(d.lat)) and d.lon + 0.021 / cos(radians(d.lat))
  ),
  walkable as (select * from near where walk_m <= 3000),
  nearest as (
    select distinct on (w.dwelling_id) w.dwelling_id, w.stop_id, w.name, w.walk_m, w.departures
    from walkable w order by w.dwelling_id, w.walk_m, w.stop_id
  ),
  frequent as (select w.dwelling_id, min(w.walk_m) as walk_m from walkable w where w.departures >= 20 group by w.dwelling_id),
  leaving as (
    select w.dwelling_id,
      count(distinct t.trip_id) filter (where w.walk_m <= 500) as within_500,
      count(distinct t.trip_id) as within_1000,
      count(distinct t.trip_id) filter (where t.reaches_hub) as hub,
      min(t.minute) as first, max(t.minute) as last
    from walkable w join public.bus_departures t on t.stop_id = w.stop_id
    where w.walk_m <= 1000
    group by w.dwelling_id
  )
  insert into public.dwelling_bus_access (
    dwelling_id, nearest_stop_id, nearest_stop_name, nearest_walk_m, nearest_departures,
    departures_500, departures_1000, hub_departures_1000, first_departure, last_departure, frequent_walk_m
  )
  select d.id, n.stop_id, n.name, n.walk_m, n.departures,
         coalesce(l.within_500, 0), coalesce(l.within_1000, 0), coalesce(l.hub, 0), l.first, l.last, f.walk_m
  from d
  left join nearest n on n.dwelling_id = d.id
  left join leaving l on l.dwelling_id = d.id
  left join frequent f on f.dwelling_id = d.id;
  get diagnostics written = row_count;
  return written;
end
$$;

-- a dwelling placed or moved gets its bus access again, in the statement that moved it (one
-- computation for a whole import's worth of dwellings, not one per row)
create function public.dwellings_moved() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform public.compute_bus_access(array(select n.id from new_rows n where n.lat is not null));
  else
    perform public.compute_bus_access(array(
      select n.id from new_rows n join old_rows o on o.id = n.id
      where (n.lat, n.lon) is distinct from (o.lat, o.lon)));
  end if;
  return null;
end
$$;

create trigger dwellings_moved_insert after insert on public.dwellings
  referencing new table as new_rows for each statement execute function public.dwellings_moved();
create trigger dwellings_moved_update after update on public.dwellings
  referencing old table as old_rows new table as new_rows for each statement execute function public.dwellings_moved();

-- ---------------------------------------------------------------------------
-- a change of place is no change of the offer
-- ---------------------------------------------------------------------------

-- as before (20261204110000_floor_lift_health_centre.sql), and: an update that changes only
-- where the dwelling is (its register address, point, district from the boundary; an import
-- does that) leaves updated_at, the "still available?" clock, as it was
create or replace function public.guard_dwelling_update() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  frozen text;
  place_only constant text[] := array['address_id', 'lat', 'lon', 'placed_by', 'district_id', 'district_reason', 'updated_at'];
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
  if (to_jsonb(new) - place_only) is distinct from (to_jsonb(old) - place_only) then
    new.updated_at := now();
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------
-- the imports: each replaces its dataset in one transaction, or changes nothing
-- ---------------------------------------------------------------------------

-- the dwellings whose district follows the boundary get it again (after new boundaries or
-- new points); returns how many changed
create function public.relocate_districts() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed integer;
begin
  update public.dwellings d set district_id = b.district
  from (select x.id, public.district_at(x.lat, x.lon) as district from public.dwellings x
        where x.lat is not null and x.district_reason is null) b
  where d.id = b.id and b.district is not null and d.district_id is distinct from b.district;
  get diagnostics changed = row_count;
  return changed;
end
$$;

-- one municipality's addresses, as parsed from the register's CSV (src/lib/server/geodata):
-- [{id, street, postcode, place, locality, lat, lon}]. Addresses the file no longer has are
-- removed (a dwelling at one loses its point: staff place it); dwellings without a register
-- address whose street and postcode the file has are linked to it.
create function public.import_addresses(p_municipality text, p_rows jsonb) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  upserted integer;
  removed integer;
  moved integer;
  linked integer;
begin
  insert into public.addresses (id, municipality_number, street, postcode, place, locality, lat, lon)
  select r.id, p_municipality, r.street, r.postcode, r.place, nullif(r.locality, ''), r.lat, r.lon
  from jsonb_to_recordset(p_rows) as r (id text, street text, postcode text, place text, locality text, lat double precision, lon double precision)
  on conflict (id) do update set
    municipality_number = excluded.municipality_number, street = excluded.street, postcode = excluded.postcode,
    place = excluded.place, locality = excluded.locality, lat = excluded.lat, lon = excluded.lon;
  get diagnostics upserted = row_count;
  delete from public.addresses a
  where a.municipality_number = p_municipality
    and a.id not in (select e ->> 'id' from jsonb_array_elements(p_rows) e);
  get diagnostics removed = row_count;
  -- an address that moved in the register moves its dwellings
  update public.dwellings d set lat = a.lat, lon = a.lon
  from public.addresses a where d.address_id = a.id and (d.lat, d.lon) is distinct from (a.lat, a.lon);
  get diagnostics moved = row_count;
  update public.dwellings d set address_id = a.id
  from public.addresses a
  where d.address_id is null and d.street is not null and a.postcode = d.postcode and a.match_key = public.address_key(d.street);
  get diagnostics linked = row_count;
  return jsonb_build_object('addresses', upserted, 'removed', removed, 'moved', moved, 'linked', linked);
end
$$;

-- a GTFS feed, as parsed (src/lib/server/geodata/gtfs.ts): the stops people board at and the
-- departures of the feed's normal Tuesday, as parallel arrays (a Skyss-size feed has about
-- 100,000 of them). Replaces the feed before, then recomputes every dwelling's bus access.
create function public.import_gtfs(
  p_file_name text, p_service_date date, p_hub_stop_id text, p_stops jsonb,
  p_dep_stops text[], p_dep_trips text[], p_dep_minutes integer[], p_dep_hubs boolean[]
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  stop_count integer;
  departure_count integer;
  dwelling_count integer;
begin
  delete from public.bus_departures;
  delete from public.bus_stops;
  insert into public.bus_stops (id, name, lat, lon, departures, hub_departures)
  select s.id, s.name, s.lat, s.lon, 0, 0
  from jsonb_to_recordset(p_stops) as s (id text, name text, lat double precision, lon double precision);
  get diagnostics stop_count = row_count;
  insert into public.bus_departures (stop_id, trip_id, minute, reaches_hub)
  select u.stop_id, u.trip_id, u.minute, u.hub
  from unnest(p_dep_stops, p_dep_trips, p_dep_minutes, p_dep_hubs) as u (stop_id, trip_id, minute, hub)
  on conflict do nothing;
  get diagnostics departure_count = row_count;
  update public.bus_stops s set departures = c.n, hub_departures = c.hub, first_departure = c.first, last_departure = c.last
  from (select t.stop_id, count(*)::integer as n, (count(*) filter (where t.reaches_hub))::integer as hub,
               min(t.minute) as first, max(t.minute) as last
        from public.bus_departures t group by t.stop_id) c
  where c.stop_id = s.id;
  insert into public.bus_feed (id, file_name, service_date, hub_stop_id, hub_name, stops, departures, imported_at)
  values (true, p_file_name, p_service_date, p_hub_stop_id,
          (select s.name from public.bus_stops s where s.id = p_hub_stop_id), stop_count, departure_count, now())
  on conflict (id) do update set file_name = excluded.file_name, service_date = excluded.service_date,
    hub_stop_id = excluded.hub_stop_id, hub_name = excluded.hub_name, stops = excluded.stops,
    departures = excluded.departures, imported_at = excluded.imported_at;
  dwelling_count := public.compute_bus_access(null);
  return jsonb_build_object('stops', stop_count, 'departures', departure_count, 'dwellings', dwelling_count);
end
$$;

-- the school districts' boundaries, as parsed from the municipality's GeoJSON: [{name,
-- geometry, min_lat, max_lat, min_lon, max_lon}]. A district is found by its name (case does
-- not matter) or added with no free places; a district the file does not name loses its
-- boundary. Then every dwelling whose district follows the boundary gets it again.
create function public.import_district_boundaries(p_districts jsonb) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  added integer;
  updated integer;
  cleared integer;
  dwellings integer;
begin
  insert into public.districts (name)
  select b.name from jsonb_to_recordset(p_districts) as b (name text)
  where not exists (select 1 from public.districts d where lower(d.name) = lower(b.name));
  get diagnostics added = row_count;
  update public.districts d set boundary = b.geometry, min_lat = b.min_lat, max_lat = b.max_lat,
    min_lon = b.min_lon, max_lon = b.max_lon, updated_at = now()
  from jsonb_to_recordset(p_districts) as b (name text, geometry jsonb, min_lat double precision,
    max_lat double precision, min_lon double precision, max_lon double precision)
  where lower(d.name) = lower(b.name);
  get diagnostics updated = row_count;
  update public.districts d set boundary = null, min_lat = null, max_lat = null, min_lon = null, max_lon = null, updated_at = now()
  where d.boundary is not null
    and lower(d.name) not in (select lower(e ->> 'name') from jsonb_array_elements(p_districts) e);
  get diagnostics cleared = row_count;
  dwellings := public.relocate_districts();
  return jsonb_build_object('added', added, 'updated', updated, 'cleared', cleared, 'dwellings', dwellings);
end
$$;

-- ---------------------------------------------------------------------------
-- matching reads the computed facts
-- ---------------------------------------------------------------------------

-- as before (20261205090000_matching_data_slim.sql), and: each dwelling with its bus access
-- from the timetable (null: no point or no feed; the landlord's own figures are then the
-- fallback), and the districts without their boundaries (matching needs their places)
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

-- ---------------------------------------------------------------------------
-- staff: the district at review, placing a dwelling the register lacks, the page's facts
-- ---------------------------------------------------------------------------

-- as before (20261202111000_mail_links_from_ids.sql), and: a district other than the one its
-- boundary gives needs a reason (hint district_reason_required), which is kept with the
-- dwelling and so in its audit trail; the boundary's own district clears a reason
drop function public.review_dwelling(uuid, uuid, public.dwelling_status, text, uuid, date, text);
create function public.review_dwelling(
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

-- staff place a dwelling the register does not know (or clear the point: nulls); a dwelling
-- with a register address keeps the register's point. False: no such dwelling, or it has one.
create function public.place_dwelling(p_dwelling uuid, p_lat double precision, p_lon double precision) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.dwellings set lat = p_lat, lon = p_lon, placed_by = case when p_lat is null then null else 'staff' end
  where id = p_dwelling and address_id is null;
  return found;
end
$$;

-- where a dwelling is, for staff's page: the register's address, the point, the district its
-- boundary gives, the bus access and the feed it was computed from
create function public.dwelling_place(p_dwelling uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'address', (select jsonb_build_object('id', a.id, 'street', a.street, 'postcode', a.postcode, 'place', a.place)
                from public.addresses a where a.id = d.address_id),
    'lat', d.lat, 'lon', d.lon, 'placed_by', d.placed_by, 'district_reason', d.district_reason,
    'boundary_district', (select jsonb_build_object('id', x.id, 'name', x.name) from public.districts x
                          where x.id = public.district_at(d.lat, d.lon)),
    'bus', (select to_jsonb(b) - 'dwelling_id' from public.dwelling_bus_access b where b.dwelling_id = d.id),
    'feed', (select jsonb_build_object('file_name', f.file_name, 'service_date', f.service_date, 'hub_name', f.hub_name)
             from public.bus_feed f)
  )
  from public.dwellings d where d.id = p_dwelling;
$$;

-- as before (20261203110000_landlord_phone.sql), with where the dwelling is
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
    'place', public.dwelling_place(p_dwelling)
  );
end
$$;

-- ---------------------------------------------------------------------------
-- the register's addresses for a typed one
-- ---------------------------------------------------------------------------

-- up to p_limit register addresses like the typed street (a part of it, or close to it by
-- trigrams: "Skulevegen 4" finds "Skulevegen 4B", "Skulvegen 4" finds "Skulevegen 4"), those
-- in the typed postcode first, each saying whether it is the typed address itself; and
-- whether there is a register at all (none imported: nothing to check against). Fewer than
-- three characters find nothing.
create function public.address_suggestions(p_street text, p_postcode text, p_limit integer) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with q as (select public.address_key(coalesce(p_street, '')) as key, coalesce(p_postcode, '') as postcode)
  select jsonb_build_object(
    'register', exists (select 1 from public.addresses),
    'addresses', coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'street', s.street, 'postcode', s.postcode, 'place', s.place, 'exact', s.exact)
                       order by s.rank)
      from (
        select a.id, a.street, a.postcode, a.place, (a.postcode = q.postcode and a.match_key = q.key) as exact,
               row_number() over (order by (a.postcode = q.postcode and a.match_key = q.key) desc, (a.postcode = q.postcode) desc,
                                           (a.match_key = q.key) desc, extensions.similarity(a.match_key, q.key) desc,
                                           a.match_key, a.postcode) as rank
        from public.addresses a, q
        where length(q.key) >= 3
          and (a.match_key like public.substring_pattern(q.key) or a.match_key operator(extensions.%) q.key)
        order by rank
        limit greatest(1, least(20, coalesce(p_limit, 8)))
      ) s
    ), '[]')
  );
$$;

-- one register address by its id (the "did you mean" choice)
create function public.register_address(p_id text) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('id', a.id, 'street', a.street, 'postcode', a.postcode, 'place', a.place)
  from public.addresses a where a.id = p_id;
$$;
