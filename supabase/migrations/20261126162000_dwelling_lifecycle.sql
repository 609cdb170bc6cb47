-- The dwelling lifecycle: which status changes are allowed (the database refuses the
-- rest), staff review, the rent cap, the 30-day "still available?" check, and the
-- landlord's answer to a proposal. Every change that sends mail does it in the same
-- transaction.

-- what staff record on review
alter table public.dwellings
  add column inspection_date date,
  add column staff_note text not null default '' check (length(staff_note) <= 4000),
  -- the message the landlord got with the last review decision
  add column review_message text not null default '' check (length(review_message) <= 2000),
  add column submitted_at timestamptz,
  add column reviewed_at timestamptz,
  add column reviewed_by uuid references public.users (id) on delete set null,
  -- the landlord last said the offer still stands (or it was approved)
  add column confirmed_available_at timestamptz;

-- the maximum monthly rent per household size (persons) the municipality accepts
create table public.rent_caps (
  persons integer primary key check (persons between 1 and 20),
  max_rent_nok integer not null check (max_rent_nok between 0 and 100000),
  updated_at timestamptz not null default now()
);

alter table public.rent_caps enable row level security;

-- one "still available?" check of an approved offer: a single-use token for its links
create table public.availability_checks (
  id text primary key check (length(id) between 16 and 64),
  dwelling_id uuid not null references public.dwellings (id) on delete cascade,
  secret_hash bytea not null check (length(secret_hash) = 32),
  sent_at timestamptz not null default now(),
  expires_at timestamptz not null,
  answered_at timestamptz,
  answer boolean
);

create index availability_checks_dwelling on public.availability_checks (dwelling_id, sent_at desc);

alter table public.availability_checks enable row level security;

-- ---------------------------------------------------------------------------
-- status transitions: only along the lifecycle of DESIGN.md
-- ---------------------------------------------------------------------------

create function public.dwelling_transition_allowed(p_from public.dwelling_status, p_to public.dwelling_status)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select (p_from, p_to) in (
    ('draft', 'submitted'), ('draft', 'withdrawn'),
    ('submitted', 'approved'), ('submitted', 'needs_changes'), ('submitted', 'rejected'), ('submitted', 'withdrawn'),
    ('needs_changes', 'submitted'), ('needs_changes', 'withdrawn'),
    -- an approved offer goes back to review when a field that matters for matching changes
    ('approved', 'proposed'), ('approved', 'submitted'), ('approved', 'withdrawn'),
    -- a declined or cancelled proposal frees the dwelling again
    ('proposed', 'approved'), ('proposed', 'let'), ('proposed', 'withdrawn'),
    -- re-offer: after a tenancy, or after withdrawing
    ('let', 'submitted'), ('withdrawn', 'submitted'), ('withdrawn', 'draft')
  )
$$;

-- the fields matching looks at; changing one of them on an approved offer sends it back to review
create function public.guard_dwelling_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
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
  new.updated_at := now();
  return new;
end
$$;

create trigger dwellings_guard before update on public.dwellings
  for each row execute function public.guard_dwelling_update();

-- a new dwelling starts as a draft or as submitted, nothing else
create function public.guard_dwelling_insert() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status not in ('draft', 'submitted') then
    raise exception 'a new dwelling starts as a draft or submitted, not %', new.status
      using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  return new;
end
$$;

create trigger dwellings_guard_insert before insert on public.dwellings
  for each row execute function public.guard_dwelling_insert();

-- a proposal needs a dwelling that is free for it: approved (never withdrawn, let, or
-- still under review)
create function public.guard_match_dwelling() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  dwelling_status public.dwelling_status;
begin
  if new.status = 'proposed' and (tg_op = 'INSERT' or old.status is distinct from 'proposed') then
    select d.status into dwelling_status from public.dwellings d where d.id = new.dwelling_id for update;
    if dwelling_status <> 'approved' then
      raise exception 'dwelling % is % and cannot be proposed', new.dwelling_id, dwelling_status
        using errcode = 'P0001', hint = 'dwelling_not_available';
    end if;
  end if;
  return new;
end
$$;

create trigger matches_guard_dwelling before insert or update of status on public.matches
  for each row execute function public.guard_match_dwelling();

-- ---------------------------------------------------------------------------
-- mail helpers
-- ---------------------------------------------------------------------------

-- queue one mail to every member of staff (for offers to review, answers to proposals)
create function public.enqueue_to_staff(p_template text, p_payload jsonb, p_key text)
returns void
language sql
security definer
set search_path = ''
as $$
  select public.enqueue_notification(u.email, p_template, u.locale, p_payload, p_key || ':' || u.id)
  from public.users u
  where exists (select from public.user_roles r where r.user_id = u.id and r.role in ('staff', 'admin'))
    and u.password_hash is not null;
$$;

-- the landlord of a dwelling, for mails about it (none for the municipality's own)
create function public.dwelling_landlord(p_dwelling uuid)
returns table (email text, display_name text, locale public.app_locale)
language sql
stable
security definer
set search_path = ''
as $$
  select u.email, u.display_name, u.locale
  from public.dwellings d join public.users u on u.id = d.landlord_id
  where d.id = p_dwelling;
$$;

-- ---------------------------------------------------------------------------
-- lifecycle functions
-- ---------------------------------------------------------------------------

-- a landlord (or staff, for the municipality's own) sends an offer for review
create function public.submit_dwelling(p_dwelling uuid, p_origin text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
begin
  update public.dwellings set status = 'submitted', submitted_at = now()
  where id = p_dwelling
  returning * into d;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  select * into l from public.dwelling_landlord(p_dwelling);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'dwelling_received', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'url', p_origin || '/landlord/dwellings/' || d.id),
      'dwelling_received:' || d.id || ':' || extract(epoch from d.submitted_at)::bigint);
  end if;
  perform public.enqueue_to_staff('dwelling_to_review',
    jsonb_build_object('address', d.street || ', ' || d.place, 'locality', d.locality,
                       'url', p_origin || '/staff/dwellings/' || d.id),
    'dwelling_to_review:' || d.id || ':' || extract(epoch from d.submitted_at)::bigint);
end
$$;

-- staff decide on a submitted offer; the landlord hears of it by mail
create function public.review_dwelling(
  p_dwelling uuid,
  p_staff uuid,
  p_decision public.dwelling_status,
  p_message text,
  p_district uuid,
  p_inspection_date date,
  p_staff_note text,
  p_origin text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
begin
  if p_decision not in ('approved', 'needs_changes', 'rejected') then
    raise exception 'a review approves, asks for changes or rejects' using errcode = '22023';
  end if;
  update public.dwellings
  set status = p_decision, review_message = coalesce(p_message, ''), district_id = coalesce(p_district, district_id),
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
                         'url', p_origin || '/landlord/dwellings/' || d.id),
      'dwelling_reviewed:' || d.id || ':' || extract(epoch from d.reviewed_at)::bigint);
  end if;
end
$$;

-- withdrawing an offer ends any open proposal for it
create function public.withdraw_dwelling(p_dwelling uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.matches set status = 'cancelled', decided_at = now()
  where dwelling_id = p_dwelling and status in ('proposed', 'accepted_by_landlord');
  update public.dwellings set status = 'withdrawn' where id = p_dwelling;
end
$$;

-- the landlord answers a proposal: accepted waits for staff to confirm; declined frees the dwelling
create function public.answer_proposal(p_match uuid, p_landlord uuid, p_accept boolean, p_reason text, p_origin text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
  d public.dwellings;
begin
  select * into m from public.matches where id = p_match for update;
  select * into d from public.dwellings where id = m.dwelling_id;
  if m.id is null or d.landlord_id is distinct from p_landlord or m.status <> 'proposed' then
    return false;
  end if;
  update public.matches
  set status = case when p_accept then 'accepted_by_landlord'::public.match_status else 'declined' end,
      decline_reason = case when p_accept then '' else coalesce(p_reason, '') end,
      decided_at = now()
  where id = p_match;
  if not p_accept then
    update public.dwellings set status = 'approved' where id = d.id;
  end if;
  perform public.enqueue_to_staff('proposal_answered',
    jsonb_build_object('address', d.street || ', ' || d.place, 'accepted', p_accept,
                       'reason', coalesce(p_reason, ''), 'url', p_origin || '/staff/dwellings/' || d.id),
    'proposal_answered:' || p_match);
  return true;
end
$$;

-- the anonymised summary a landlord sees of a proposed household: counts and needs, never
-- names, references, notes or health; the contact person only once the match is confirmed
create function public.proposal_for_landlord(p_match uuid, p_landlord uuid)
returns table (
  match_id uuid, status public.match_status, dwelling_id uuid, address text,
  adults integer, elderly integer, children_ages integer[],
  needs_step_free boolean, has_pets boolean, expected_arrival date, languages text[],
  contact_name text, contact_phone text
)
language sql
stable
security definer
set search_path = ''
as $$
  select m.id, m.status, d.id, d.street || ', ' || d.place,
    (select count(*)::int from public.household_members x where x.household_id = h.id and x.age_band = 'adult'),
    (select count(*)::int from public.household_members x where x.household_id = h.id and x.age_band = 'elderly'),
    coalesce((select array_agg(x.age order by x.age) from public.household_members x
              where x.household_id = h.id and x.age_band = 'child'), '{}'),
    h.needs_step_free, h.has_pets, h.expected_arrival, h.languages,
    case when m.status = 'confirmed' then h.contact_name end,
    case when m.status = 'confirmed' then h.contact_phone end
  from public.matches m
  join public.dwellings d on d.id = m.dwelling_id
  join public.households h on h.id = m.household_id
  where m.id = p_match and d.landlord_id = p_landlord
    and m.status in ('proposed', 'accepted_by_landlord', 'confirmed', 'declined');
$$;

-- "still available?": a check of an approved, unmatched offer, and its mail
create function public.issue_availability_check(
  p_dwelling uuid, p_check_id text, p_secret_hash bytea, p_expires_at timestamptz, p_yes_url text, p_no_url text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
begin
  -- the row lock makes two app instances running the check at once send one mail
  select * into d from public.dwellings where id = p_dwelling and status = 'approved' for update;
  select * into l from public.dwelling_landlord(p_dwelling);
  if d.id is null or l.email is null or exists (
    select from public.availability_checks c where c.dwelling_id = p_dwelling and c.sent_at > now() - interval '30 days'
  ) then
    return;
  end if;
  insert into public.availability_checks (id, dwelling_id, secret_hash, expires_at)
  values (p_check_id, p_dwelling, p_secret_hash, p_expires_at);
  perform public.enqueue_notification(l.email, 'still_available', l.locale,
    jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                       'yes_url', p_yes_url, 'no_url', p_no_url),
    'still_available:' || p_check_id);
  update public.notifications set redact_on_send = true where idempotency_key = 'still_available:' || p_check_id;
end
$$;

-- the landlord's one-click answer: once only, before it expires. returns the dwelling, or
-- null when the check is unknown, answered or expired
create function public.answer_availability_check(p_check_id text, p_available boolean)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  c public.availability_checks;
begin
  update public.availability_checks set answered_at = now(), answer = p_available
  where id = p_check_id and answered_at is null and expires_at > now()
  returning * into c;
  if c.id is null then
    return null;
  end if;
  if p_available then
    update public.dwellings set confirmed_available_at = now() where id = c.dwelling_id;
  else
    perform public.withdraw_dwelling(c.dwelling_id);
  end if;
  return c.dwelling_id;
end
$$;

-- approved offers due for a check: nothing confirmed, and no check sent, in 30 days
create function public.dwellings_due_for_check(p_limit integer)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select d.id from public.dwellings d
  where d.status = 'approved' and d.landlord_id is not null
    and coalesce(d.confirmed_available_at, d.reviewed_at, d.updated_at) < now() - interval '30 days'
    and not exists (
      select from public.availability_checks c where c.dwelling_id = d.id and c.sent_at > now() - interval '30 days'
    )
  order by d.id
  limit p_limit;
$$;

-- stale: a check went out more than 14 days ago and has no answer, and nothing was confirmed since
create view public.dwelling_flags with (security_invoker = true) as
select d.id as dwelling_id,
  exists (
    select from public.availability_checks c
    where c.dwelling_id = d.id and c.answered_at is null and c.sent_at < now() - interval '14 days'
      and c.sent_at > coalesce(d.confirmed_available_at, '-infinity')
  ) as stale
from public.dwellings d;
