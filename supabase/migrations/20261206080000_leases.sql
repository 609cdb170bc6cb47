-- Issue 20, item 3: the lease. When a match is confirmed, staff record what was signed: the
-- start, the end or open-ended, rent and deposit as agreed (checked against the offer and the
-- rent cap: a warning where they differ, not a refusal — the lease is what was signed), who
-- pays the deposit (the municipality or NAV often guarantees it), and the day the family moves
-- in, which the dashboard's "settled" date follows. Staff are reminded of a lease ending
-- within 90 days and of a deposit guarantee to renew.

-- who stands for the deposit
create type public.deposit_payer as enum ('household', 'municipality_guarantee', 'nav_guarantee', 'municipality_paid', 'none');

-- one lease per confirmed match (a new lease for the same home replaces it: staff correct it)
create table public.leases (
  match_id uuid primary key references public.matches (id) on delete cascade,
  starts_on date not null check (starts_on between date '2000-01-01' and date '2100-12-31'),
  -- null: open-ended (tidsuavgrensa)
  ends_on date check (ends_on > starts_on),
  rent_nok integer not null check (rent_nok between 0 and 100000),
  deposit_nok integer not null check (deposit_nok between 0 and 500000),
  deposit_payer public.deposit_payer not null,
  -- a guarantee runs out and is renewed; only a guarantee has such a date
  guarantee_until date check (guarantee_until is null or deposit_payer in ('municipality_guarantee', 'nav_guarantee')),
  move_in_on date not null check (move_in_on >= starts_on and move_in_on <= coalesce(ends_on, date '2100-12-31')),
  recorded_by uuid references public.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
-- the reminders look for leases and guarantees running out
create index leases_ends_on on public.leases (ends_on) where ends_on is not null;
create index leases_guarantee_until on public.leases (guarantee_until) where guarantee_until is not null;
create index leases_recorded_by on public.leases (recorded_by);

alter table public.leases enable row level security;
-- only the server (service role) reads and writes it; no policy for anon or authenticated

-- staff record or correct the lease of a household's confirmed match, in one transaction: a
-- settled household's date follows the move-in (set_household_status below takes it when the
-- household is settled later), and a matched household has now signed.
-- Returns false when the household has no confirmed match.
create function public.record_lease(p_household uuid, p_staff uuid, p_lease jsonb) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  confirmed uuid;
  move_in date := (p_lease ->> 'move_in_on')::date;
begin
  select m.id into confirmed from public.matches m
  join public.households h on h.id = m.household_id and h.status in ('matched', 'contract_signed', 'settled')
  where m.household_id = p_household and m.status = 'confirmed'
  for update of h;
  if confirmed is null then
    return false;
  end if;
  insert into public.leases (match_id, starts_on, ends_on, rent_nok, deposit_nok, deposit_payer, guarantee_until, move_in_on, recorded_by)
  values (confirmed, (p_lease ->> 'starts_on')::date, (p_lease ->> 'ends_on')::date, (p_lease ->> 'rent_nok')::integer,
          (p_lease ->> 'deposit_nok')::integer, (p_lease ->> 'deposit_payer')::public.deposit_payer,
          (p_lease ->> 'guarantee_until')::date, move_in, p_staff)
  on conflict (match_id) do update
  set starts_on = excluded.starts_on, ends_on = excluded.ends_on, rent_nok = excluded.rent_nok,
      deposit_nok = excluded.deposit_nok, deposit_payer = excluded.deposit_payer,
      guarantee_until = excluded.guarantee_until, move_in_on = excluded.move_in_on,
      recorded_by = excluded.recorded_by, updated_at = now();
  update public.households
  set settled_on = case when status = 'settled' then move_in else settled_on end,
      status = case when status = 'matched' then 'contract_signed'::public.household_status else status end,
      updated_at = now()
  where id = p_household;
  return true;
end
$$;

-- as before (20261126164000_matching.sql), and: a household with a lease is settled on the day
-- it moved in, whatever date the status form carried
create or replace function public.set_household_status(p_household uuid, p_status public.household_status, p_settled_on date)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  h public.households;
  moved_in date;
begin
  select * into h from public.households where id = p_household for update;
  if h.id is null or not (
    (h.status, p_status) in (('matched', 'contract_signed'), ('contract_signed', 'settled'), ('matched', 'settled'),
                             ('expected', 'cancelled'), ('matched', 'cancelled'), ('contract_signed', 'cancelled'))
  ) then
    return false;
  end if;
  select l.move_in_on into moved_in from public.leases l join public.matches m on m.id = l.match_id
  where m.household_id = p_household and m.status = 'confirmed';
  update public.households
  set status = p_status,
      settled_on = case when p_status = 'settled' then coalesce(moved_in, p_settled_on) else settled_on end,
      updated_at = now()
  where id = p_household;
  if p_status = 'cancelled' then
    perform public.cancel_match(m.id) from public.matches m
    where m.household_id = p_household and m.status in ('proposed', 'accepted_by_landlord');
  end if;
  return true;
end
$$;

-- the lease page: the household's reference, its confirmed match's home with the offer's
-- terms, the lease if recorded, and where the lease differs from the offer or passes the rent
-- cap; the read of the household goes to the audit log. Null: no such household.
create function public.lease_page(p_household uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  h public.households;
begin
  select * into h from public.households where id = p_household;
  if h.id is null then
    return null;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'household', p_household::text);
  return jsonb_build_object(
    'household', jsonb_build_object('id', h.id, 'imdi_reference', h.imdi_reference, 'status', h.status, 'settled_on', h.settled_on),
    'home', (
      select jsonb_build_object(
        'dwelling_id', d.id, 'street', d.street, 'place', d.place, 'rent_nok', d.rent_nok, 'deposit_nok', d.deposit_nok,
        'max_occupants', d.max_occupants,
        'lease', (select to_jsonb(l) - 'match_id' - 'recorded_by' from public.leases l where l.match_id = m.id),
        'warnings', (
          select jsonb_build_object(
            'rent_differs', l.rent_nok is distinct from d.rent_nok,
            'deposit_differs', l.deposit_nok is distinct from coalesce(d.deposit_nok, 0),
            'over_cap', public.over_rent_cap(l.rent_nok, d.max_occupants))
          from public.leases l where l.match_id = m.id)
      )
      from public.matches m join public.dwellings d on d.id = m.dwelling_id
      where m.household_id = p_household and m.status = 'confirmed'
    )
  );
end
$$;

-- as before (20261205010000_needs_action.sql), with two reminders from the lease: a lease
-- ending within 90 days (renew it, or find the family another home) and a deposit guarantee
-- running out within 60 days (renew it with the landlord), each from the day it comes due
create or replace function public.needs_action(p_mine uuid default null)
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
    union all
    -- leases that end within 90 days
    select 'lease_ending', (l.ends_on - 90)::timestamptz, '/staff/households/' || m.household_id || '/lease', h.contact_name, m.household_id
    from public.leases l join public.matches m on m.id = l.match_id and m.status = 'confirmed'
    join public.households h on h.id = m.household_id and h.status <> 'cancelled' and h.anonymised_at is null
    where l.ends_on between public.oslo_today() and public.oslo_today() + 90
    union all
    -- deposit guarantees that run out within 60 days
    select 'deposit_guarantee', (l.guarantee_until - 60)::timestamptz, '/staff/households/' || m.household_id || '/lease', h.contact_name, m.household_id
    from public.leases l join public.matches m on m.id = l.match_id and m.status = 'confirmed'
    join public.households h on h.id = m.household_id and h.status <> 'cancelled' and h.anonymised_at is null
    where l.guarantee_until between public.oslo_today() and public.oslo_today() + 60
  )
  select i.kind, i.since, i.target, i.label, i.household_id, h.caseworker_id
  from items i left join public.households h on h.id = i.household_id
  where p_mine is null or i.household_id is null or h.caseworker_id = p_mine
  order by i.since, i.kind, i.target;
$$;
