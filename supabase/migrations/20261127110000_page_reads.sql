-- Page reads in one round trip (issue 10: at most 3 PostgREST requests per page load).
-- Each function returns what one staff page (or the matching engine) needs as one json
-- document; the app turns it into its types. Reads of a record's page are logged in the
-- same transaction as the read. Only the service role calls these (default privileges).

-- a dwelling as staff see it: the row, its district's name and whether its "still
-- available?" check has gone unanswered for 14 days (dwelling_flags)
create function public.staff_dwelling_json(p_dwelling uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select to_jsonb(d) || jsonb_build_object(
    'district', (select jsonb_build_object('name', di.name) from public.districts di where di.id = d.district_id),
    'stale', coalesce((select f.stale from public.dwelling_flags f where f.dwelling_id = d.id), false)
  )
  from public.dwellings d where d.id = p_dwelling;
$$;

-- the rent caps per number of persons, and the districts to choose from (by name)
create function public.dwelling_lookups() returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'rent_caps', coalesce((select jsonb_agg(jsonb_build_object('persons', c.persons, 'max_rent_nok', c.max_rent_nok)) from public.rent_caps c), '[]'),
    'districts', coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name) from public.districts d), '[]')
  );
$$;

-- staff's list of offers (drafts only when asked for), filtered and sorted as the page
-- asks, at most 500, with the rent caps, districts and localities for the filters
create function public.staff_dwellings_page(p_filters jsonb) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select public.dwelling_lookups() || jsonb_build_object(
    'dwellings', coalesce((
      select jsonb_agg(r.row order by r.n)
      from (
        select public.staff_dwelling_json(d.id) as row,
          row_number() over (order by
            case when p_filters ->> 'sort' = 'rent_nok' then d.rent_nok end asc nulls last,
            case when p_filters ->> 'sort' = 'bedrooms' then d.bedrooms end asc nulls last,
            case when p_filters ->> 'sort' = 'locality' then d.locality end asc nulls last,
            case when coalesce(p_filters ->> 'sort', 'submitted_at') = 'submitted_at' then d.submitted_at end desc nulls last
          ) as n
        from public.dwellings d
        where case when p_filters ->> 'status' is null then d.status <> 'draft'
                   else d.status = (p_filters ->> 'status')::public.dwelling_status end
          and (p_filters ->> 'locality' is null or d.locality = p_filters ->> 'locality')
          and (p_filters ->> 'district_id' is null or d.district_id = (p_filters ->> 'district_id')::uuid)
          and (p_filters ->> 'min_bedrooms' is null or d.bedrooms >= (p_filters ->> 'min_bedrooms')::integer)
          and (coalesce((p_filters ->> 'step_free')::boolean, false) = false or d.step_free)
          and (p_filters ->> 'max_rent' is null or d.rent_nok <= (p_filters ->> 'max_rent')::integer)
      ) r
      where r.n <= 500
    ), '[]'),
    'localities', coalesce((select jsonb_agg(distinct d.locality) from public.dwellings d where d.locality is not null), '[]')
  );
$$;

-- one dwelling's page for staff, with the rent caps and districts; the read is logged
-- (a dwelling that does not exist is neither shown nor logged)
create function public.staff_dwelling_page(p_dwelling uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select from public.dwellings d where d.id = p_dwelling) then
    return null;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'dwelling', p_dwelling::text);
  return public.dwelling_lookups() || jsonb_build_object('dwelling', public.staff_dwelling_json(p_dwelling));
end
$$;

-- one household's record with its members and its proposals (newest first, with the
-- dwelling); the read is logged in the same transaction
create function public.read_household(p_household uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  found_household jsonb;
begin
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'household', p_household::text);
  select to_jsonb(h) || jsonb_build_object(
      'household_members', coalesce((select jsonb_agg(to_jsonb(m)) from public.household_members m where m.household_id = h.id), '[]')
    )
  into found_household
  from public.households h where h.id = p_household;
  if found_household is null then
    return null;
  end if;
  return jsonb_build_object(
    'household', found_household,
    'history', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', m.id, 'status', m.status, 'score', m.score, 'created_at', m.created_at, 'decline_reason', m.decline_reason,
          'dwelling', (select jsonb_build_object('id', d.id, 'street', d.street, 'place', d.place, 'landlord_id', d.landlord_id)
                       from public.dwellings d where d.id = m.dwelling_id)
        ) order by m.created_at desc)
      from public.matches m where m.household_id = p_household
    ), '[]')
  );
end
$$;

-- what the matching engine needs, in one read: districts, rent caps, settings, the
-- languages already living in each locality, the households waiting without an open
-- proposal, the approved dwellings, and the references of expected households
create function public.matching_data() returns jsonb
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
    'references', coalesce((select jsonb_object_agg(h.id, h.imdi_reference) from public.households h where h.status = 'expected'), '{}')
  );
$$;

-- the retention period and the next days on which households will be anonymised
create function public.retention_overview(p_limit integer default 12) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'months', public.retention_months(),
    'upcoming', coalesce((
      select jsonb_agg(jsonb_build_object('due_on', p.due_on, 'households', p.households, 'persons', p.persons) order by p.due_on)
      from public.retention_preview(p_limit) p
    ), '[]')
  );
$$;

-- the admin's settings page: the year's target, rent caps, matching settings, retention
create function public.settings_page(p_year integer) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'target', (select t.persons from public.yearly_targets t where t.year = p_year),
    'rent_caps', coalesce((select jsonb_agg(jsonb_build_object('persons', c.persons, 'max_rent_nok', c.max_rent_nok)) from public.rent_caps c), '[]'),
    'crowded_margin', (select s.crowded_margin from public.municipality_settings s limit 1),
    'matching_weights', (select s.matching_weights from public.municipality_settings s limit 1),
    'retention_months', public.retention_months()
  );
$$;

-- every volunteer as the ranking for one task sees them: profile and languages, their
-- places on other open tasks between p_from and p_until (clashes, monthly maximum), and
-- how many invitations they got since p_since
create function public.volunteer_candidates(p_task uuid, p_from timestamptz, p_until timestamptz, p_since timestamptz) returns jsonb
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
