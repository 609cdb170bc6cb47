-- One home for each rule the pages and the database both need (issue 16, item 3): the
-- school stage of a child's age, the Norwegian date and a police certificate's validity on
-- it, and what a landlord may do with an offer in each status. Each is defined once here
-- and used by every SQL function that needs it; TypeScript reads them through the rows
-- and types generated from these definitions, or mirrors them under a parity test
-- (tests/integration/rules-parity.test.ts).

-- ---------------------------------------------------------------------------
-- school stages
-- ---------------------------------------------------------------------------

-- the stages a child can need a place in, as an enum so that the generated types carry
-- the list (Database['public']['Enums']['school_stage']) for the matching engine
create type public.school_stage as enum ('kindergarten', 'primary', 'lower_secondary');

-- the school stage a child of this age needs a place in, or null (a baby, or 16 and over);
-- confirm_match and the dashboard count with it, src/lib/server/matching/score.ts mirrors it
drop function public.school_stage(integer);
create function public.school_stage(p_age integer)
returns public.school_stage
language sql
immutable
set search_path = ''
as $$
  select case
    when p_age between 1 and 5 then 'kindergarten'::public.school_stage
    when p_age between 6 and 12 then 'primary'::public.school_stage
    when p_age between 13 and 15 then 'lower_secondary'::public.school_stage
  end;
$$;

-- ---------------------------------------------------------------------------
-- the municipality's date, and police certificates
-- ---------------------------------------------------------------------------

-- the date in Norway at an instant: the server's own time zone (UTC on hosted Supabase)
-- is never the municipality's
create function public.oslo_date(p_at timestamptz)
returns date
language sql
immutable
set search_path = ''
as $$
  select (p_at at time zone 'Europe/Oslo')::date;
$$;

-- today's date in Norway
create function public.oslo_today()
returns date
language sql
stable
set search_path = ''
as $$
  select public.oslo_date(now());
$$;

-- a police certificate counts on a (Norwegian) date when staff have seen it and it has
-- not run out by then; no profile (all null) counts as none
create function public.certificate_valid_on(
  p_status public.police_certificate_status, p_seen_on date, p_expires_on date, p_on date
) returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(p_status = 'valid' and p_seen_on is not null and (p_expires_on is null or p_expires_on >= p_on), false);
$$;

-- a valid certificate that runs out within 30 days of today: the volunteer and staff are
-- told, the dashboard counts them, the staff's list of volunteers shows them. A computed
-- field: PostgREST reads it as the column certificate_expiring_soon of volunteer_profiles.
create function public.certificate_expiring_soon(p public.volunteer_profiles)
returns boolean
language sql
stable
set search_path = ''
as $$
  select public.certificate_valid_on(p.police_certificate_status, p.police_certificate_seen_on,
                                     p.police_certificate_expires_on, public.oslo_today())
     and p.police_certificate_expires_on is not null
     and p.police_certificate_expires_on <= public.oslo_today() + 30;
$$;

-- as before (20261126181000_dashboard_reports.sql), with today's date and the expiring
-- certificates from the definitions above
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
    )
  );
$$;

-- as before (20261127110000_page_reads.sql), and each volunteer's certificate is judged
-- here for the task's end, on the Norwegian date (the ranking shows what sign-up enforces)
create or replace function public.volunteer_candidates(p_task uuid, p_from timestamptz, p_until timestamptz, p_since timestamptz) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', u.id,
    'display_name', u.display_name,
    'profile', (
      select jsonb_build_object(
        'skills', p.skills, 'localities', p.localities, 'availability', p.availability, 'dates_away', p.dates_away,
        'max_tasks_per_month', p.max_tasks_per_month, 'police_certificate_status', p.police_certificate_status,
        'police_certificate_seen_on', p.police_certificate_seen_on, 'police_certificate_expires_on', p.police_certificate_expires_on,
        'certificate_valid', public.certificate_valid_on(p.police_certificate_status, p.police_certificate_seen_on,
          p.police_certificate_expires_on, (select public.oslo_date(k.ends_at) from public.tasks k where k.id = p_task)),
        'volunteer_languages', coalesce((
          select jsonb_agg(jsonb_build_object('language', l.language, 'level', l.level, 'interpreting', l.interpreting))
          from public.volunteer_languages l where l.user_id = p.user_id
        ), '[]')
      )
      from public.volunteer_profiles p where p.user_id = u.id
    ),
    'busy', coalesce((
      select jsonb_agg(jsonb_build_object('starts_at', t.starts_at, 'ends_at', t.ends_at))
      from public.signups s join public.tasks t on t.id = s.task_id
      where s.volunteer_id = u.id and s.status = 'confirmed' and t.status = 'open' and s.task_id <> p_task
        and t.starts_at >= p_from and t.starts_at <= p_until
    ), '[]'),
    'recent', (select count(*) from public.task_invitations i where i.volunteer_id = u.id and i.sent_at > p_since)
  )), '[]')
  from (
    select u.id, u.display_name from public.users u
    where exists (select from public.user_roles r where r.user_id = u.id and r.role = 'volunteer')
    limit 2000
  ) u;
$$;

-- ---------------------------------------------------------------------------
-- what a landlord may do with an offer
-- ---------------------------------------------------------------------------

-- what a landlord can do with an offer: change its terms, send it in (the first time, after
-- changes, or again after a tenancy or withdrawing), withdraw it
create type public.dwelling_action as enum ('edit', 'submit', 'withdraw');

-- what may be done with an offer in each status: the one table the landlord's page draws its
-- form and buttons from (the computed field landlord_actions below) and the database holds
-- every writer to (guard_dwelling_update, submit_dwelling, withdraw_dwelling). An approved
-- offer is not sent in: a change of its terms sends it back to review by itself.
create function public.dwelling_actions(p_status public.dwelling_status)
returns public.dwelling_action[]
language sql
immutable
set search_path = ''
as $$
  select array_remove(array[
    -- the terms can change until the offer is proposed to a household, and not once it has ended
    case when p_status in ('draft', 'submitted', 'needs_changes', 'approved') then 'edit' end,
    case when p_status in ('draft', 'needs_changes', 'let', 'withdrawn') then 'submit' end,
    case when public.dwelling_transition_allowed(p_status, 'withdrawn') then 'withdraw' end
  ]::public.dwelling_action[], null);
$$;

-- the same for one offer, as a column PostgREST can select (dwellings.landlord_actions)
create function public.landlord_actions(d public.dwellings)
returns public.dwelling_action[]
language sql
immutable
set search_path = ''
as $$
  select public.dwelling_actions(d.status);
$$;

-- as before (20261201111000_offer_frozen_once_proposed.sql), with the terms held in every
-- status where dwelling_actions has no 'edit' (proposed and let as before, and now also a
-- rejected or withdrawn offer, which the landlord's page never offered to edit)
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
    new.available_from, new.available_until, new.locality, new.street, new.postcode, new.place
  ) is distinct from (
    old.bedrooms, old.beds, old.max_occupants, old.rent_nok, old.step_free, old.pets_allowed,
    old.available_from, old.available_until, old.locality, old.street, old.postcode, old.place
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

-- as before (20261126162000_dwelling_lifecycle.sql), refused (hint invalid_transition)
-- where dwelling_actions has no 'withdraw', also for an offer already withdrawn
create or replace function public.withdraw_dwelling(p_dwelling uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
begin
  select * into d from public.dwellings where id = p_dwelling for update;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  if not 'withdraw' = any (public.dwelling_actions(d.status)) then
    raise exception 'a % offer cannot be withdrawn', d.status using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  update public.matches set status = 'cancelled', decided_at = now()
  where dwelling_id = p_dwelling and status in ('proposed', 'accepted_by_landlord');
  update public.dwellings set status = 'withdrawn' where id = p_dwelling;
end
$$;
