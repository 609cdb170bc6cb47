-- The staff dashboard and the reports: everything is counted here, in one place, so the
-- page, the CSV files and the tests agree on what "settled this year" means. Years and
-- months are Norwegian calendar ones (Europe/Oslo). Family reunification is tracked but
-- never counted toward the target; cancelled households are never counted at all.

-- the school stage a child of this age needs a place in (same ages as the matching engine)
create function public.school_stage(p_age integer)
returns text
language sql
immutable
set search_path = ''
as $$
  select case
    when p_age between 1 and 5 then 'kindergarten'
    when p_age between 6 and 12 then 'primary'
    when p_age between 13 and 15 then 'lower_secondary'
  end;
$$;

-- an offer is over the rent cap when its rent is above the cap of every household size it
-- could house (1 up to its maximum occupants); a size without a cap of its own takes the
-- cap of the largest size listed. Same rule as src/lib/rent-cap.ts.
create function public.over_rent_cap(p_rent integer, p_max_occupants integer)
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(p_rent > (
    select max(coalesce(c.max_rent_nok, (select l.max_rent_nok from public.rent_caps l order by l.persons desc limit 1)))
    from generate_series(1, p_max_occupants) as p
    left join public.rent_caps c on c.persons = p
  ), false);
$$;

-- one row per household with its size and where it lives or will live (the district of
-- its active match); no names, phone numbers or notes: the base of the counts and the export
create view public.household_report with (security_invoker = true) as
select h.id, h.imdi_reference, h.category, h.status, h.expected_arrival, h.settled_on, h.created_at,
  count(hm.id)::int as persons,
  count(hm.id) filter (where hm.age_band = 'adult')::int as adults,
  count(hm.id) filter (where hm.age_band = 'elderly')::int as elderly,
  count(hm.id) filter (where hm.age_band = 'child')::int as children,
  d.district_id, di.name as district_name, d.locality
from public.households h
left join public.household_members hm on hm.household_id = h.id
left join public.matches m on m.household_id = h.id and m.status in ('proposed', 'accepted_by_landlord', 'confirmed')
left join public.dwellings d on d.id = m.dwelling_id
left join public.districts di on di.id = d.district_id
group by h.id, d.district_id, di.name, d.locality;

-- one row per offered dwelling with the flags staff act on; the landlord is not named
create view public.dwelling_report with (security_invoker = true) as
select d.id, d.status, d.street, d.postcode, d.place, d.locality, di.name as district_name,
  d.bedrooms, d.beds, d.max_occupants, d.rent_nok, d.deposit_nok, d.available_from, d.available_until,
  d.step_free, d.pets_allowed, d.furnished, d.submitted_at, d.landlord_id is null as municipal,
  public.over_rent_cap(d.rent_nok, d.max_occupants) as over_rent_cap,
  coalesce(f.stale, false) as stale
from public.dwellings d
left join public.districts di on di.id = d.district_id
left join public.dwelling_flags f on f.dwelling_id = d.id
where d.status <> 'draft';

-- settled persons and households per month and category in a year (what imdi asks for);
-- every month and category appears, with zeros, so the report has the same shape each year
create function public.settled_by_month(p_year integer)
returns table (month integer, category public.household_category, households integer, persons integer)
language sql
stable
security definer
set search_path = ''
as $$
  select mo.month, c.category,
    count(r.id)::int,
    coalesce(sum(r.persons), 0)::int
  from generate_series(1, 12) as mo(month)
  cross join unnest(enum_range(null::public.household_category)) as c(category)
  left join public.household_report r
    on r.status = 'settled' and r.category = c.category
    and extract(year from r.settled_on) = p_year and extract(month from r.settled_on) = mo.month
  group by mo.month, c.category
  order by mo.month, c.category;
$$;

-- volunteer hours per month and task type in a year: reported, and of those approved by staff
create function public.volunteer_hours_by_month(p_year integer)
returns table (month integer, task_type public.task_type, tasks integer, volunteers integer, hours_reported numeric, hours_approved numeric)
language sql
stable
security definer
set search_path = ''
as $$
  select extract(month from t.starts_at at time zone 'Europe/Oslo')::int, t.type,
    count(distinct t.id)::int, count(distinct s.volunteer_id)::int,
    coalesce(sum(s.hours), 0), coalesce(sum(s.hours) filter (where s.hours_approved_at is not null), 0)
  from public.tasks t
  join public.signups s on s.task_id = t.id and s.status = 'confirmed' and s.hours is not null
  where extract(year from t.starts_at at time zone 'Europe/Oslo') = p_year
  group by 1, 2
  order by 1, 2;
$$;

-- the whole dashboard in one call: progress to the target, the housing pipeline, school and
-- kindergarten places per district, and the volunteers
create function public.dashboard(p_year integer)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with
  today as (select (now() at time zone 'Europe/Oslo')::date as d),
  counted as (
    select * from public.household_report where category <> 'family_reunification' and status <> 'cancelled'
  ),
  settled as (
    select * from public.household_report
    where status = 'settled' and extract(year from settled_on) = p_year
  ),
  children as (
    select r.district_id, r.status, r.settled_on, public.school_stage(hm.age) as stage
    from public.household_report r
    join public.household_members hm on hm.household_id = r.id and hm.age_band = 'child'
    where r.district_id is not null and r.status in ('matched', 'contract_signed', 'settled')
  )
  select jsonb_build_object(
    'year', p_year,
    'today', (select d from today),
    'target', (select persons from public.yearly_targets where year = p_year),
    'progress', jsonb_build_object(
      'settled_persons', (select coalesce(sum(persons), 0) from settled where category <> 'family_reunification'),
      'settled_households', (select count(*) from settled where category <> 'family_reunification'),
      'family_reunification_persons', (select coalesce(sum(persons), 0) from settled where category = 'family_reunification'),
      'matched_persons', (select coalesce(sum(persons), 0) from counted where status in ('matched', 'contract_signed')),
      'pipeline_persons', (select coalesce(sum(persons), 0) from counted where status = 'expected'),
      'by_month', (
        select jsonb_agg(jsonb_build_object('month', month, 'persons', p) order by month)
        from (select month, sum(persons)::int as p from public.settled_by_month(p_year)
              where category <> 'family_reunification' group by month) x
      ),
      'by_category', (
        select jsonb_agg(jsonb_build_object('category', category, 'households', h, 'persons', p) order by category)
        from (select category, sum(households)::int as h, sum(persons)::int as p
              from public.settled_by_month(p_year) group by category) x
      )
    ),
    'housing', jsonb_build_object(
      'by_status', (
        select coalesce(jsonb_agg(jsonb_build_object('status', status, 'dwellings', n, 'beds', b) order by status), '[]')
        from (select status, count(*)::int as n, coalesce(sum(beds), 0)::int as b from public.dwelling_report group by status) x
      ),
      'beds_available', (select coalesce(sum(beds), 0) from public.dwelling_report where status = 'approved'),
      'stale', (select count(*) from public.dwelling_report where status = 'approved' and stale),
      'over_rent_cap', (
        select count(*) from public.dwelling_report
        where status in ('submitted', 'needs_changes', 'approved', 'proposed') and over_rent_cap
      )
    ),
    'districts', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'id', di.id, 'name', di.name,
        'kindergarten_places', di.kindergarten_places,
        'primary_places', di.primary_school_places,
        'lower_secondary_places', di.lower_secondary_places,
        'kindergarten_expected', (select count(*) from children c where c.district_id = di.id and c.status <> 'settled' and c.stage = 'kindergarten'),
        'primary_expected', (select count(*) from children c where c.district_id = di.id and c.status <> 'settled' and c.stage = 'primary'),
        'lower_secondary_expected', (select count(*) from children c where c.district_id = di.id and c.status <> 'settled' and c.stage = 'lower_secondary'),
        'placed', (select count(*) from children c where c.district_id = di.id and c.status = 'settled'
                   and c.stage is not null and extract(year from c.settled_on) = p_year)
      ) order by di.name), '[]')
      from public.districts di
    ),
    'volunteers', jsonb_build_object(
      'registered', (select count(*) from public.volunteer_profiles),
      -- active: had or has a place on a task in the last 90 days or later
      'active', (
        select count(distinct s.volunteer_id) from public.signups s join public.tasks t on t.id = s.task_id
        where s.status = 'confirmed' and t.status <> 'cancelled' and t.starts_at > now() - interval '90 days'
      ),
      'open_tasks', (select count(*) from public.tasks where status = 'open' and ends_at > now()),
      'short_next_7_days', (
        select coalesce(jsonb_agg(jsonb_build_object('id', id, 'title', title, 'starts_at', starts_at,
          'needed', volunteers_needed, 'confirmed', confirmed) order by starts_at), '[]')
        from (
          select t.id, t.title, t.starts_at, t.volunteers_needed,
            (select count(*) from public.signups s where s.task_id = t.id and s.status = 'confirmed')::int as confirmed
          from public.tasks t
          where t.status = 'open' and t.starts_at > now() and t.starts_at <= now() + interval '7 days'
        ) x where confirmed < volunteers_needed
      ),
      'hours_this_month', (
        select coalesce(sum(s.hours), 0) from public.signups s join public.tasks t on t.id = s.task_id
        where s.status = 'confirmed' and s.hours_approved_at is not null
          and date_trunc('month', t.starts_at at time zone 'Europe/Oslo') = date_trunc('month', (select d from today))
      ),
      'hours_awaiting_approval', (
        select coalesce(sum(s.hours), 0) from public.signups s
        where s.status = 'confirmed' and s.hours is not null and s.hours_approved_at is null
      ),
      'certificates_expiring', (
        select count(*) from public.volunteer_profiles
        where police_certificate_status = 'valid'
          and police_certificate_expires_on between (select d from today) and (select d from today) + 30
      )
    )
  );
$$;
