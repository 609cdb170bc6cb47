-- Every list filtered, sorted and paged in SQL (issue 18, item 4), and the volunteer's task
-- list with its filters (item 9). Each page function takes the list's state as jsonb (the
-- filters, `sort` from the page's whitelist, `dir`, `size` at most 100 and `offset`) and
-- answers one page of rows with the total the filters match, in one round trip. Every
-- order ends with the row's id, so a page boundary inside a run of equal keys neither
-- repeats nor drops a row.

-- the page's size and offset from a list's state: at most 100 rows, never a negative offset
create function public.list_size(p_state jsonb) returns integer
language sql
immutable
set search_path = ''
as $$
  select greatest(1, least(100, coalesce((p_state ->> 'size')::integer, 50)));
$$;

create function public.list_offset(p_state jsonb) returns integer
language sql
immutable
set search_path = ''
as $$
  select greatest(0, least(10000000, coalesce((p_state ->> 'offset')::integer, 0)));
$$;

-- ---------------------------------------------------------------------------
-- households
-- ---------------------------------------------------------------------------

-- the sorts the list offers, each with the id after it
create index households_expected_arrival_id on public.households (expected_arrival, id);
create index households_created_at_id on public.households (created_at, id);
create index households_category on public.households (category);

-- staff's list of households: status, category and the responsible caseworker (a user's
-- id, or 'none' for nobody yet), sorted by arrival, reference or registration; with the
-- caseworker's name on each row and the staff to filter by
create function public.staff_households_page(p_filters jsonb) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with f as (
    select nullif(p_filters ->> 'status', '')::public.household_status as status,
      nullif(p_filters ->> 'category', '')::public.household_category as category,
      nullif(p_filters ->> 'caseworker', '') as caseworker,
      coalesce(p_filters ->> 'sort', 'expected_arrival') as sort,
      coalesce(p_filters ->> 'dir', 'asc') as dir
  ),
  hits as (
    select h.* from public.households h, f
    where (f.status is null or h.status = f.status)
      and (f.category is null or h.category = f.category)
      and (f.caseworker is null
        or (f.caseworker = 'none' and h.caseworker_id is null)
        or h.caseworker_id::text = f.caseworker)
  ),
  page as (
    select h.*, row_number() over () as n from (
      select h.* from hits h, f
      order by
        case when f.sort = 'expected_arrival' and f.dir = 'asc' then h.expected_arrival end asc nulls last,
        case when f.sort = 'expected_arrival' and f.dir = 'desc' then h.expected_arrival end desc nulls last,
        case when f.sort = 'imdi_reference' and f.dir = 'asc' then h.imdi_reference end asc,
        case when f.sort = 'imdi_reference' and f.dir = 'desc' then h.imdi_reference end desc,
        case when f.sort = 'created_at' and f.dir = 'asc' then h.created_at end asc,
        case when f.sort = 'created_at' and f.dir = 'desc' then h.created_at end desc,
        h.id
      limit public.list_size(p_filters) offset public.list_offset(p_filters)
    ) h
  )
  select jsonb_build_object(
    'total', (select count(*) from hits),
    'rows', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', p.id, 'imdi_reference', p.imdi_reference, 'category', p.category, 'status', p.status,
          'expected_arrival', p.expected_arrival,
          'persons', (select count(*) from public.household_members m where m.household_id = p.id),
          'caseworker', (select jsonb_build_object('id', u.id, 'name', u.display_name) from public.users u where u.id = p.caseworker_id)
        ) order by p.n)
      from page p
    ), '[]'),
    'caseworkers', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name) order by u.display_name, u.id)
      from public.users u
      where u.deactivated_at is null
        and exists (select from public.user_roles r where r.user_id = u.id and r.role in ('staff', 'admin'))
    ), '[]')
  );
$$;

-- ---------------------------------------------------------------------------
-- dwellings
-- ---------------------------------------------------------------------------

create index dwellings_submitted_at_id on public.dwellings (submitted_at desc, id);
create index dwellings_locality on public.dwellings (locality);

-- as before (20261127110000_page_reads.sql), one page of the list at a time with the total
-- and either direction, instead of the first 500
create or replace function public.staff_dwellings_page(p_filters jsonb) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with f as (
    select coalesce(p_filters ->> 'sort', 'submitted_at') as sort,
      coalesce(p_filters ->> 'dir', case when coalesce(p_filters ->> 'sort', 'submitted_at') = 'submitted_at' then 'desc' else 'asc' end) as dir
  ),
  hits as (
    select d.* from public.dwellings d
    where case when p_filters ->> 'status' is null then d.status <> 'draft'
               else d.status = (p_filters ->> 'status')::public.dwelling_status end
      and (p_filters ->> 'locality' is null or d.locality = p_filters ->> 'locality')
      and (p_filters ->> 'district_id' is null or d.district_id = (p_filters ->> 'district_id')::uuid)
      and (p_filters ->> 'min_bedrooms' is null or d.bedrooms >= (p_filters ->> 'min_bedrooms')::integer)
      and (coalesce((p_filters ->> 'step_free')::boolean, false) = false or d.step_free)
      and (p_filters ->> 'max_rent' is null or d.rent_nok <= (p_filters ->> 'max_rent')::integer)
  ),
  page as (
    select d.id, row_number() over () as n from (
      select d.id from hits d, f
      order by
        case when f.sort = 'rent_nok' and f.dir = 'asc' then d.rent_nok end asc nulls last,
        case when f.sort = 'rent_nok' and f.dir = 'desc' then d.rent_nok end desc nulls last,
        case when f.sort = 'bedrooms' and f.dir = 'asc' then d.bedrooms end asc nulls last,
        case when f.sort = 'bedrooms' and f.dir = 'desc' then d.bedrooms end desc nulls last,
        case when f.sort = 'locality' and f.dir = 'asc' then d.locality end asc nulls last,
        case when f.sort = 'locality' and f.dir = 'desc' then d.locality end desc nulls last,
        case when f.sort = 'submitted_at' and f.dir = 'asc' then d.submitted_at end asc nulls last,
        case when f.sort = 'submitted_at' and f.dir = 'desc' then d.submitted_at end desc nulls last,
        d.id
      limit public.list_size(p_filters) offset public.list_offset(p_filters)
    ) d
  )
  select public.dwelling_lookups() || jsonb_build_object(
    'total', (select count(*) from hits),
    'dwellings', coalesce((select jsonb_agg(public.staff_dwelling_json(p.id) order by p.n) from page p), '[]'),
    'localities', coalesce((select jsonb_agg(distinct d.locality) from public.dwellings d where d.locality is not null), '[]')
  );
$$;

-- ---------------------------------------------------------------------------
-- volunteers
-- ---------------------------------------------------------------------------

-- the filters on a volunteer's skills, places and languages are array and key lookups
create index volunteer_profiles_skills on public.volunteer_profiles using gin (skills);
create index volunteer_profiles_localities on public.volunteer_profiles using gin (localities);
create index volunteer_languages_language on public.volunteer_languages (language, user_id);
create index volunteer_profiles_certificate on public.volunteer_profiles (police_certificate_status);
create index users_display_name_id on public.users (display_name, id);

-- staff's list of volunteers: by language, skill, locality (one of theirs) and the police
-- certificate's status (no profile yet counts as none), sorted by name or by when they
-- joined; with everyone whose certificate runs out within 30 days, whatever the filters
create function public.staff_volunteers_page(p_filters jsonb) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with f as (
    select nullif(p_filters ->> 'language', '') as language,
      nullif(p_filters ->> 'skill', '') as skill,
      nullif(p_filters ->> 'locality', '') as locality,
      nullif(p_filters ->> 'certificate', '')::public.police_certificate_status as certificate,
      coalesce(p_filters ->> 'sort', 'name') as sort,
      coalesce(p_filters ->> 'dir', 'asc') as dir
  ),
  hits as (
    select u.id, u.display_name, u.email, u.created_at, p as profile
    from public.users u
    join public.user_roles r on r.user_id = u.id and r.role = 'volunteer'
    left join public.volunteer_profiles p on p.user_id = u.id
    cross join f
    where (f.certificate is null or coalesce(p.police_certificate_status, 'none') = f.certificate)
      and (f.skill is null or p.skills @> array[f.skill])
      and (f.locality is null or p.localities @> array[f.locality])
      and (f.language is null or exists (
        select from public.volunteer_languages l where l.user_id = u.id and l.language = f.language))
  ),
  page as (
    select v.*, row_number() over () as n from (
      select v.* from hits v, f
      order by
        case when f.sort = 'name' and f.dir = 'asc' then v.display_name end asc,
        case when f.sort = 'name' and f.dir = 'desc' then v.display_name end desc,
        case when f.sort = 'created_at' and f.dir = 'asc' then v.created_at end asc,
        case when f.sort = 'created_at' and f.dir = 'desc' then v.created_at end desc,
        case when f.sort = 'expires' and f.dir = 'asc' then (v.profile).police_certificate_expires_on end asc nulls last,
        case when f.sort = 'expires' and f.dir = 'desc' then (v.profile).police_certificate_expires_on end desc nulls last,
        v.id
      limit public.list_size(p_filters) offset public.list_offset(p_filters)
    ) v
  )
  select jsonb_build_object(
    'total', (select count(*) from hits),
    'rows', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', v.id, 'name', v.display_name, 'email', v.email,
          'phone', coalesce((v.profile).phone, ''),
          'skills', coalesce((v.profile).skills, '{}'),
          'localities', coalesce((v.profile).localities, '{}'),
          'languages', coalesce((select jsonb_agg(l.language order by l.language) from public.volunteer_languages l where l.user_id = v.id), '[]'),
          'certificate', coalesce((v.profile).police_certificate_status, 'none'),
          'expires', (v.profile).police_certificate_expires_on
        ) order by v.n)
      from page v
    ), '[]'),
    'expiring', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name, 'expires', p.police_certificate_expires_on)
          order by p.police_certificate_expires_on, u.id)
      from public.volunteer_profiles p join public.users u on u.id = p.user_id
      where public.certificate_expiring_soon(p)
    ), '[]')
  );
$$;

-- ---------------------------------------------------------------------------
-- tasks, the outbox and the audit log (read with PostgREST's count and range)
-- ---------------------------------------------------------------------------

create index tasks_ends_at on public.tasks (ends_at);
create index tasks_status_starts_at on public.tasks (status, starts_at, id);
create index notifications_status_created_at on public.notifications (status, created_at desc, id);
create index notifications_created_at on public.notifications (created_at desc, id);
create index audit_log_actor_id_desc on public.audit_log (actor_id, id desc);
create index audit_log_entity_kind_id_desc on public.audit_log (entity, id desc);

-- ---------------------------------------------------------------------------
-- the volunteer's task list (item 9)
-- ---------------------------------------------------------------------------

-- whether an open task fits a volunteer, as their page has said since the start: in a place
-- they help, in a language they speak, or needing skills that they all have
create function public.task_fits(p_task public.tasks, p_localities text[], p_languages text[], p_skills text[]) returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_task.locality = any(p_localities)
    or p_task.needed_languages && p_languages
    or (cardinality(p_task.needed_skills) > 0 and p_task.needed_skills <@ p_skills);
$$;

-- the open tasks still to come, soonest first, filtered by place, type and "fits me", with
-- the places taken and left; never the address. Also the places and types there are tasks
-- in, for the filters.
create function public.volunteer_tasks_page(p_volunteer uuid, p_filters jsonb) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with me as (
    select coalesce(p.localities, '{}') as localities, coalesce(p.skills, '{}') as skills,
      coalesce((select array_agg(l.language) from public.volunteer_languages l where l.user_id = p_volunteer), '{}') as languages
    from (select p_volunteer as id) x left join public.volunteer_profiles p on p.user_id = x.id
  ),
  f as (
    select nullif(p_filters ->> 'locality', '') as locality,
      nullif(p_filters ->> 'type', '')::public.task_type as type,
      coalesce((p_filters ->> 'fits')::boolean, false) as fits
  ),
  open as (
    select t.*, public.task_fits(t, me.localities, me.languages, me.skills) as fits
    from public.tasks t, me
    where t.status = 'open' and t.ends_at > now()
  ),
  hits as (
    select t.* from open t, f
    where (f.locality is null or t.locality = f.locality)
      and (f.type is null or t.type = f.type)
      and (not f.fits or t.fits)
  ),
  page as (
    select t.*, row_number() over () as n,
      (select count(*) from public.signups s where s.task_id = t.id and s.status = 'confirmed') as taken
    from (
      select t.* from hits t order by t.starts_at, t.id
      limit public.list_size(p_filters) offset public.list_offset(p_filters)
    ) t
  )
  select jsonb_build_object(
    'total', (select count(*) from hits),
    'rows', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', t.id, 'type', t.type, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
          'locality', t.locality, 'volunteers_needed', t.volunteers_needed, 'needed_languages', t.needed_languages,
          'needed_skills', t.needed_skills, 'requires_police_certificate', t.requires_police_certificate,
          'fits', t.fits, 'taken', t.taken, 'places_left', greatest(0, t.volunteers_needed - t.taken)
        ) order by t.n)
      from page t
    ), '[]'),
    'localities', coalesce((select jsonb_agg(distinct t.locality) from open t), '[]')
  );
$$;
