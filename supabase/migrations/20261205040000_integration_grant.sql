-- Issue 18, item 10: the integration grant (integreringstilskot). The state pays the
-- municipality per settled person for five years: a rate for each year of settlement (1 to 5),
-- set for each calendar year, and extra grants for children and elderly persons (once, in the
-- year of settlement) and for unaccompanied minors (each of the five years). Admins set the
-- rates at /staff/admin/grants; the overview forecasts the income of the year and the next.

-- one row per calendar year: the rates IMDi publishes for it, in whole kroner per person.
-- `example` marks rates that are not the municipality's own (the demo's), so the pages say so.
create table public.grant_rates (
  year integer primary key check (year between 2000 and 2100),
  year_1 integer not null check (year_1 between 0 and 10000000),
  year_2 integer not null check (year_2 between 0 and 10000000),
  year_3 integer not null check (year_3 between 0 and 10000000),
  year_4 integer not null check (year_4 between 0 and 10000000),
  year_5 integer not null check (year_5 between 0 and 10000000),
  child_extra integer not null default 0 check (child_extra between 0 and 10000000),
  elderly_extra integer not null default 0 check (elderly_extra between 0 and 10000000),
  unaccompanied_extra integer not null default 0 check (unaccompanied_extra between 0 and 10000000),
  example boolean not null default false,
  updated_at timestamptz not null default now()
);

-- only the server (service role) reads and writes it; no policy for anon or authenticated
alter table public.grant_rates enable row level security;

-- an admin's rates for a year: stored whole, and no longer an example
create function public.save_grant_rates(
  p_year integer, p_year_1 integer, p_year_2 integer, p_year_3 integer, p_year_4 integer, p_year_5 integer,
  p_child_extra integer, p_elderly_extra integer, p_unaccompanied_extra integer
) returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.grant_rates (year, year_1, year_2, year_3, year_4, year_5, child_extra, elderly_extra, unaccompanied_extra, example)
  values (p_year, p_year_1, p_year_2, p_year_3, p_year_4, p_year_5, p_child_extra, p_elderly_extra, p_unaccompanied_extra, false)
  on conflict (year) do update set
    year_1 = excluded.year_1, year_2 = excluded.year_2, year_3 = excluded.year_3, year_4 = excluded.year_4,
    year_5 = excluded.year_5, child_extra = excluded.child_extra, elderly_extra = excluded.elderly_extra,
    unaccompanied_extra = excluded.unaccompanied_extra, example = false, updated_at = now();
$$;

-- The expected grant income of p_year and p_year + 1, each at that year's rates (none set:
-- `rates` is null and the amounts 0). Who counts:
--   settled households: every member, from the year of `settled_on` (settlement year 1);
--   households on their way (expected, matched, contract signed) with an expected arrival:
--     every member, from the year of arrival, but not before this year (a late household
--     settles this year at the earliest); without an arrival date they are not counted;
--   cancelled households never. Family reunification counts: the grant is paid for them too.
-- A child is a member of age band child; an unaccompanied minor a child in a household with
-- no adult or elderly member (who gets the unaccompanied extra instead of the child extra).
create function public.grant_forecast(p_year integer)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with
  this_year as (select extract(year from public.oslo_today())::int as y),
  people as (
    select
      case when h.status = 'settled' then 'settled' else 'expected' end as source,
      case when h.status = 'settled' then extract(year from h.settled_on)::int
           else greatest(extract(year from h.expected_arrival)::int, (select y from this_year)) end as from_year,
      m.age_band,
      m.age_band = 'child' and not exists (
        select from public.household_members a where a.household_id = h.id and a.age_band <> 'child'
      ) as unaccompanied
    from public.households h
    join public.household_members m on m.household_id = h.id
    where (h.status = 'settled' and h.settled_on is not null)
       or (h.status in ('expected', 'matched', 'contract_signed') and h.expected_arrival is not null)
  ),
  years as (select g as year from generate_series(p_year, p_year + 1) g),
  priced as (
    select y.year, p.source, y.year - p.from_year + 1 as k,
      coalesce(case y.year - p.from_year + 1
        when 1 then r.year_1 when 2 then r.year_2 when 3 then r.year_3 when 4 then r.year_4 when 5 then r.year_5 end, 0)
      + case when y.year = p.from_year and p.age_band = 'child' and not p.unaccompanied then coalesce(r.child_extra, 0) else 0 end
      + case when y.year = p.from_year and p.age_band = 'elderly' then coalesce(r.elderly_extra, 0) else 0 end
      + case when p.unaccompanied then coalesce(r.unaccompanied_extra, 0) else 0 end as amount
    from years y
    join people p on y.year - p.from_year between 0 and 4
    left join public.grant_rates r on r.year = y.year
  )
  select jsonb_agg(jsonb_build_object(
    'year', y.year,
    'rates', (select to_jsonb(r) - 'updated_at' - 'year' from public.grant_rates r where r.year = y.year),
    'settled', (select coalesce(sum(amount), 0) from priced p where p.year = y.year and p.source = 'settled'),
    'expected', (select coalesce(sum(amount), 0) from priced p where p.year = y.year and p.source = 'expected'),
    'persons_settled', (select count(*) from priced p where p.year = y.year and p.source = 'settled'),
    'persons_expected', (select count(*) from priced p where p.year = y.year and p.source = 'expected'),
    'by_settlement_year', (
      select jsonb_agg(jsonb_build_object(
        'settlement_year', s.n,
        'persons', (select count(*) from priced p where p.year = y.year and p.k = s.n),
        'amount', (select coalesce(sum(amount), 0) from priced p where p.year = y.year and p.k = s.n)
      ) order by s.n)
      from generate_series(1, 5) s(n)
    )
  ) order by y.year)
  from years y;
$$;

-- as before (20261202110000_one_home_for_each_rule.sql), with the grant forecast of the year
-- and the next, so the overview stays one call
create or replace function public.dashboard(p_year integer)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with
  today as (select public.oslo_today() as d),
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
      'certificates_expiring', (select count(*) from public.volunteer_profiles p where public.certificate_expiring_soon(p))
    ),
    'grants', public.grant_forecast(p_year)
  );
$$;
