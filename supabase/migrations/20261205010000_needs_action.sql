-- issue 18: how many days a proposal may wait for the landlord's answer before it needs
-- staff's action; the admin sets it on /staff/admin/settings
alter table public.municipality_settings
  add column proposal_wait_days integer not null default 5
  check (proposal_wait_days between 1 and 60);

-- issue 18: "needs action", the staff's start page. Every item that waits for staff, oldest
-- first: its kind, since when it waits (the page shows the age), the page that clears it,
-- a short label, and the household it belongs to (its caseworker decides "mine"). With
-- p_mine = a staff member's id, items tied to a household show only when that household's
-- caseworker is that person; items tied to no household (offers, certificates, hours of a
-- task without a household, mails about nobody's household) show in both views, since
-- nobody else is assigned them. An item goes when its page's action is done: the offer
-- reviewed, the proposal answered or confirmed, a dwelling proposed, volunteers found, the
-- certificate renewed, the hours reviewed, the mail sent again.
create function public.needs_action(p_mine uuid default null)
returns table (kind text, since timestamptz, target text, label text, household_id uuid, caseworker_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  with items as (
    -- offers to review: submitted, never reviewed (an offer put in that state by hand or by an
    -- older import may have no submitted_at; it then waits since its last change)
    select 'offer_review'::text as kind, coalesce(d.submitted_at, d.updated_at) as since, '/staff/dwellings/' || d.id as target,
           d.street || ', ' || d.place as label, null::uuid as household_id
    from public.dwellings d where d.status = 'submitted' and d.reviewed_at is null
    union all
    -- offers sent back and changed: submitted again after a review asked for changes
    select 'offer_changed', coalesce(d.submitted_at, d.updated_at), '/staff/dwellings/' || d.id, d.street || ', ' || d.place, null
    from public.dwellings d where d.status = 'submitted' and d.reviewed_at is not null
    union all
    -- proposals the landlord has not answered for more than the admin's number of days
    select 'proposal_unanswered', m.created_at, '/staff/households/' || m.household_id, h.contact_name, m.household_id
    from public.matches m join public.households h on h.id = m.household_id
    where m.status = 'proposed'
      and m.created_at < now() - make_interval(days => (select s.proposal_wait_days from public.municipality_settings s limit 1))
    union all
    -- accepted by the landlord, to confirm
    select 'proposal_accepted', coalesce(m.decided_at, m.created_at), '/staff/households/' || m.household_id, h.contact_name, m.household_id
    from public.matches m join public.households h on h.id = m.household_id
    where m.status = 'accepted_by_landlord'
    union all
    -- arriving within 14 days with no dwelling
    select 'arrival_without_dwelling', h.created_at, '/staff/households/' || h.id, h.contact_name, h.id
    from public.households h
    where h.status = 'expected' and h.anonymised_at is null
      and h.expected_arrival is not null and h.expected_arrival <= public.oslo_today() + 14
    union all
    -- tasks within 7 days short of volunteers
    select 'task_short', t.created_at, '/staff/tasks/' || t.id || '/volunteers', t.title, t.household_id
    from public.tasks t
    where t.status = 'open' and t.starts_at > now() and t.starts_at <= now() + interval '7 days'
      and (select count(*) from public.signups s where s.task_id = t.id and s.status = 'confirmed') < t.volunteers_needed
    union all
    -- police certificates that run out within 30 days
    select 'certificate_expiring', (p.police_certificate_expires_on - 30)::timestamptz, '/staff/volunteers/' || p.user_id, u.display_name, null
    from public.volunteer_profiles p join public.users u on u.id = p.user_id
    where public.certificate_expiring_soon(p)
    union all
    -- hours reported, to approve
    select 'hours_to_approve', s.joined_at, '/staff/tasks', u.display_name || ': ' || t.title, t.household_id
    from public.signups s join public.tasks t on t.id = s.task_id join public.users u on u.id = s.volunteer_id
    where s.status = 'confirmed' and s.hours is not null and s.hours_review is null
    union all
    -- mails that failed
    select 'mail_failed', n.created_at, '/staff/outbox', n.template || ' → ' || n.recipient, n.about_household_id
    from public.notifications n where n.status = 'failed'
  )
  select i.kind, i.since, i.target, i.label, i.household_id, h.caseworker_id
  from items i left join public.households h on h.id = i.household_id
  where p_mine is null or i.household_id is null or h.caseworker_id = p_mine
  order by i.since, i.kind, i.target;
$$;

-- the settings page reads the days too, in the same one read (20261127110000_page_reads.sql)
create or replace function public.settings_page(p_year integer) returns jsonb
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
    'proposal_wait_days', (select s.proposal_wait_days from public.municipality_settings s limit 1),
    'retention_months', public.retention_months()
  );
$$;

-- the matching form saves the days with the weights: one function, one write
drop function public.save_matching_settings(integer, jsonb);
create function public.save_matching_settings(p_crowded_margin integer, p_weights jsonb, p_proposal_wait_days integer)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.municipality_settings
  set crowded_margin = p_crowded_margin, matching_weights = p_weights, proposal_wait_days = p_proposal_wait_days, updated_at = now()
  where id;
$$;
