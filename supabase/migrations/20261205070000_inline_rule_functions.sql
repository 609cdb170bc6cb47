-- Issue 18, performance at scale: the small SQL functions that state one rule (the date in
-- Norway, whether a police certificate counts, whether it runs out soon) are used as
-- predicates over whole tables: staff's volunteer list, "needs action" and the dashboard call
-- them once per volunteer. With `set search_path` Postgres cannot inline a SQL function, so
-- each row paid three nested function calls: at the demo data ×100 (2,600 volunteers) the
-- expiring check alone took 139 ms (BENCHMARKS.md, "Scale"). Without it they are inlined into
-- the query that uses them. That is safe here: none is security definer (each runs with its
-- caller's rights), and every name in them is schema-qualified or a built-in (pg_catalog is
-- searched first). `create or replace` keeps their grants, and their callers keep using them.

-- the date in Norway at an instant: the server's own time zone (UTC on hosted Supabase)
-- is never the municipality's
create or replace function public.oslo_date(p_at timestamptz)
returns date
language sql
immutable
as $$
  select (p_at at time zone 'Europe/Oslo')::date;
$$;

-- today in Norway
create or replace function public.oslo_today()
returns date
language sql
stable
as $$
  select public.oslo_date(now());
$$;

-- a police certificate counts on a (Norwegian) date when staff have seen it and it has
-- not run out by then; no profile (all null) counts as none
create or replace function public.certificate_valid_on(
  p_status public.police_certificate_status, p_seen_on date, p_expires_on date, p_on date
) returns boolean
language sql
immutable
as $$
  select coalesce(p_status = 'valid' and p_seen_on is not null and (p_expires_on is null or p_expires_on >= p_on), false);
$$;

-- a valid certificate that runs out within 30 days of today (see 20261202110000)
create or replace function public.certificate_expiring_soon(p public.volunteer_profiles)
returns boolean
language sql
stable
as $$
  select public.certificate_valid_on(p.police_certificate_status, p.police_certificate_seen_on,
                                     p.police_certificate_expires_on, public.oslo_today())
     and p.police_certificate_expires_on is not null
     and p.police_certificate_expires_on <= public.oslo_today() + 30;
$$;

-- the stage of school a child's age puts it in (the dashboard, once per child)
create or replace function public.school_stage(p_age integer)
returns public.school_stage
language sql
immutable
as $$
  select case
    when p_age between 1 and 5 then 'kindergarten'::public.school_stage
    when p_age between 6 and 12 then 'primary'::public.school_stage
    when p_age between 13 and 15 then 'lower_secondary'::public.school_stage
  end;
$$;

-- whether a task fits a volunteer: their place, a language they speak, or all the skills it
-- needs (the volunteer's task list, once per open task)
create or replace function public.task_fits(p_task public.tasks, p_localities text[], p_languages text[], p_skills text[]) returns boolean
language sql
immutable
as $$
  select p_task.locality = any(p_localities)
    or p_task.needed_languages && p_languages
    or (cardinality(p_task.needed_skills) > 0 and p_task.needed_skills <@ p_skills);
$$;

-- the date a household's retention period runs from (the retention preview, once per household)
create or replace function public.retention_basis(p_status public.household_status, p_settled_on date, p_cancelled_on date) returns date
language sql
immutable
as $$
  select case p_status when 'settled' then p_settled_on when 'cancelled' then p_cancelled_on end;
$$;

-- the grant forecast (20261205040000) priced each person once but then scanned those rows
-- fourteen times a year (each sum and count its own pass): at ×100, 60 ms. The same figures
-- from one pass, grouped by year, source and year of settlement.
create or replace function public.grant_forecast(p_year integer)
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
  ),
  -- one pass: persons and amount per year, source and year of settlement (at most 2 × 2 × 5 rows)
  sums as (
    select year, source, k, count(*) as persons, sum(amount) as amount from priced group by year, source, k
  )
  select jsonb_agg(jsonb_build_object(
    'year', y.year,
    'rates', (select to_jsonb(r) - 'updated_at' - 'year' from public.grant_rates r where r.year = y.year),
    'settled', (select coalesce(sum(s.amount), 0) from sums s where s.year = y.year and s.source = 'settled'),
    'expected', (select coalesce(sum(s.amount), 0) from sums s where s.year = y.year and s.source = 'expected'),
    'persons_settled', (select coalesce(sum(s.persons), 0) from sums s where s.year = y.year and s.source = 'settled'),
    'persons_expected', (select coalesce(sum(s.persons), 0) from sums s where s.year = y.year and s.source = 'expected'),
    'by_settlement_year', (
      select jsonb_agg(jsonb_build_object(
        'settlement_year', n.n,
        'persons', (select coalesce(sum(s.persons), 0) from sums s where s.year = y.year and s.k = n.n),
        'amount', (select coalesce(sum(s.amount), 0) from sums s where s.year = y.year and s.k = n.n)
      ) order by n.n)
      from generate_series(1, 5) n(n)
    )
  ) order by y.year)
  from years y;
$$;
