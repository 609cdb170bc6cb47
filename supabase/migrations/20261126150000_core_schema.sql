-- busett core schema: the nouns of DESIGN.md and the invariants that must hold
-- whatever the application does. Row-level security is enabled on every table with
-- no policy for anon/authenticated: all access goes through the server's service role.

-- functions are for the server only: nobody but the service role may call them over the api
alter default privileges in schema public revoke execute on functions from public, anon, authenticated;
alter default privileges revoke execute on functions from public;

-- ---------------------------------------------------------------------------
-- enums: the words of the domain, with their states
-- ---------------------------------------------------------------------------

-- a person may hold several roles (landlord and volunteer at once)
create type public.app_role as enum ('landlord', 'volunteer', 'staff', 'admin');

-- the languages the interface and the mails are written in
create type public.app_locale as enum ('nn', 'nb', 'en', 'uk');

-- imdi's categories; family reunification is tracked but never counts toward the target
create type public.household_category as enum (
  'ukrainian_collective_protection', 'resettlement', 'other', 'family_reunification'
);

create type public.household_status as enum (
  'expected', 'matched', 'contract_signed', 'settled', 'cancelled'
);

-- one person in a household: the age band is enough, children carry their age
create type public.age_band as enum ('adult', 'elderly', 'child');

create type public.dwelling_status as enum (
  'draft', 'submitted', 'approved', 'needs_changes', 'rejected', 'proposed', 'let', 'withdrawn'
);

create type public.furnishing as enum ('no', 'partly', 'fully');

create type public.match_status as enum (
  'proposed', 'accepted_by_landlord', 'confirmed', 'declined', 'cancelled'
);

create type public.task_type as enum (
  'move_in', 'furniture', 'transport', 'guide', 'language_practice', 'interpreting', 'other'
);

create type public.task_status as enum ('open', 'cancelled', 'done');

create type public.signup_status as enum ('confirmed', 'waitlisted', 'withdrawn');

create type public.language_level as enum ('basic', 'conversational', 'fluent', 'native');

create type public.police_certificate_status as enum ('none', 'requested', 'valid', 'expired');

create type public.notification_status as enum ('queued', 'sending', 'sent', 'failed');

-- ---------------------------------------------------------------------------
-- municipality settings and the yearly target
-- ---------------------------------------------------------------------------

-- one row: the municipality this installation serves
create table public.municipality_settings (
  id boolean primary key default true check (id),
  name text not null check (length(name) between 1 and 200),
  -- how many more persons than max occupants an admin allows in a "crowded" placement
  crowded_margin integer not null default 0 check (crowded_margin between 0 and 3),
  -- offers above this monthly rent are flagged to staff (null: no cap)
  rent_cap_nok integer check (rent_cap_nok > 0),
  updated_at timestamptz not null default now()
);

-- persons imdi asks the municipality to settle per year (family reunification not counted)
create table public.yearly_targets (
  year integer primary key check (year between 2000 and 2100),
  persons integer not null check (persons between 0 and 100000),
  updated_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------
-- people, roles and sessions
-- ---------------------------------------------------------------------------

create table public.users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
  display_name text not null default '' check (length(display_name) <= 200),
  -- argon2id hash; null until the person has set a password (invited staff)
  password_hash text,
  locale public.app_locale not null default 'nn',
  email_verified_at timestamptz,
  created_at timestamptz not null default now()
);

-- e-mail addresses are unique regardless of case
create unique index users_email_unique on public.users (lower(email));

create table public.user_roles (
  user_id uuid not null references public.users (id) on delete cascade,
  role public.app_role not null,
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);

-- lucia's design: the id is public, only the sha-256 hash of the secret is stored
create table public.sessions (
  id text primary key check (length(id) between 16 and 64),
  user_id uuid not null references public.users (id) on delete cascade,
  secret_hash bytea not null check (length(secret_hash) = 32),
  created_at timestamptz not null default now(),
  last_verified_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create index sessions_user_id on public.sessions (user_id);

-- ---------------------------------------------------------------------------
-- districts: school districts with free places, kept up to date by staff
-- ---------------------------------------------------------------------------

create table public.districts (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(name) between 1 and 100),
  primary_school_places integer not null default 0 check (primary_school_places >= 0),
  lower_secondary_places integer not null default 0 check (lower_secondary_places >= 0),
  kindergarten_places integer not null default 0 check (kindergarten_places >= 0),
  updated_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------
-- dwellings offered by landlords (or by the municipality itself: landlord_id null)
-- ---------------------------------------------------------------------------

create table public.dwellings (
  id uuid primary key default gen_random_uuid(),
  landlord_id uuid references public.users (id) on delete set null,
  status public.dwelling_status not null default 'draft',
  street text check (length(street) <= 200),
  postcode text check (postcode ~ '^[0-9]{4}$'),
  place text check (length(place) <= 100),
  locality text check (length(locality) <= 100),
  district_id uuid references public.districts (id) on delete set null,
  bedrooms integer check (bedrooms between 0 and 20),
  beds integer check (beds between 1 and 40),
  max_occupants integer check (max_occupants between 1 and 40),
  size_m2 integer check (size_m2 between 5 and 1000),
  rent_nok integer check (rent_nok between 0 and 100000),
  deposit_nok integer check (deposit_nok between 0 and 500000),
  rent_includes_electricity boolean not null default false,
  rent_includes_internet boolean not null default false,
  furnished public.furnishing not null default 'no',
  step_free boolean not null default false,
  pets_allowed boolean not null default false,
  smoking_allowed boolean not null default false,
  available_from date,
  available_until date,
  min_lease_months integer check (min_lease_months between 0 and 120),
  bus_stop_distance_m integer check (bus_stop_distance_m between 0 and 100000),
  bus_departures_per_weekday integer check (bus_departures_per_weekday between 0 and 500),
  description text not null default '' check (length(description) <= 4000),
  fire_safety_confirmed boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- an open-ended offer has no end date; a dated one cannot end before it starts
  constraint dwellings_period check (available_until is null or available_until >= available_from),
  -- a draft may be incomplete; anything offered must be complete and fire-safety confirmed
  constraint dwellings_complete_unless_draft check (
    status = 'draft' or (
      street is not null and postcode is not null and place is not null and locality is not null
      and bedrooms is not null and beds is not null and max_occupants is not null
      and rent_nok is not null and available_from is not null and fire_safety_confirmed
    )
  )
);

create index dwellings_landlord_id on public.dwellings (landlord_id);
create index dwellings_status on public.dwellings (status);

-- ---------------------------------------------------------------------------
-- households announced by imdi
-- ---------------------------------------------------------------------------

create table public.households (
  id uuid primary key default gen_random_uuid(),
  imdi_reference text not null unique check (length(imdi_reference) between 1 and 50),
  category public.household_category not null,
  status public.household_status not null default 'expected',
  -- the person staff talk to; personal data shown to a landlord only after a confirmed match
  contact_name text not null default '' check (length(contact_name) <= 200),
  contact_phone text not null default '' check (length(contact_phone) <= 40),
  languages text[] not null default '{}',
  needs_step_free boolean not null default false,
  needs_near_health_centre boolean not null default false,
  needs_ground_floor boolean not null default false,
  has_pets boolean not null default false,
  preferred_localities text[] not null default '{}',
  expected_arrival date,
  settled_on date,
  -- staff only, never shown to landlords or volunteers
  staff_note text not null default '' check (length(staff_note) <= 4000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- the settlement date triggers the state grant, so a settled household always has one
  constraint households_settled_has_date check (status <> 'settled' or settled_on is not null)
);

create index households_status on public.households (status);

create table public.household_members (
  id uuid primary key default gen_random_uuid(),
  household_id uuid not null references public.households (id) on delete cascade,
  first_name text not null default '' check (length(first_name) <= 100),
  age_band public.age_band not null,
  -- children carry their age, which decides school or kindergarten
  age integer check (age between 0 and 120),
  relation text not null default '' check (length(relation) <= 50),
  constraint household_members_child_age check (
    (age_band = 'child' and age between 0 and 17) or (age_band <> 'child')
  )
);

create index household_members_household_id on public.household_members (household_id);

-- ---------------------------------------------------------------------------
-- matches: one dwelling proposed for one household
-- ---------------------------------------------------------------------------

create table public.matches (
  id uuid primary key default gen_random_uuid(),
  household_id uuid not null references public.households (id) on delete cascade,
  dwelling_id uuid not null references public.dwellings (id) on delete cascade,
  status public.match_status not null default 'proposed',
  score numeric(6, 2) not null default 0,
  -- the engine's explanation: a list of reasons with their weights
  reasons jsonb not null default '[]',
  proposed_by uuid references public.users (id) on delete set null,
  decline_reason text not null default '' check (length(decline_reason) <= 1000),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);

-- a dwelling is never promised to two households at once
create unique index matches_one_active_per_dwelling on public.matches (dwelling_id)
  where status in ('proposed', 'accepted_by_landlord', 'confirmed');

-- a household is never promised two dwellings at once
create unique index matches_one_active_per_household on public.matches (household_id)
  where status in ('proposed', 'accepted_by_landlord', 'confirmed');

-- ---------------------------------------------------------------------------
-- volunteers, tasks and signups
-- ---------------------------------------------------------------------------

create table public.volunteer_profiles (
  user_id uuid primary key references public.users (id) on delete cascade,
  phone text not null default '' check (length(phone) <= 40),
  skills text[] not null default '{}',
  localities text[] not null default '{}',
  -- weekday × part of day, e.g. {"mon": ["morning", "evening"]}
  availability jsonb not null default '{}',
  max_tasks_per_month integer not null default 4 check (max_tasks_per_month between 0 and 100),
  police_certificate_status public.police_certificate_status not null default 'none',
  police_certificate_expires_on date,
  updated_at timestamptz not null default now()
);

create table public.volunteer_languages (
  user_id uuid not null references public.volunteer_profiles (user_id) on delete cascade,
  language text not null check (length(language) between 2 and 50),
  level public.language_level not null,
  interpreting boolean not null default false,
  primary key (user_id, language)
);

create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  type public.task_type not null,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  locality text not null check (length(locality) between 1 and 100),
  -- the exact address is shown only to confirmed volunteers, shortly before the task
  address text not null default '' check (length(address) <= 300),
  household_id uuid references public.households (id) on delete set null,
  needed_languages text[] not null default '{}',
  needed_skills text[] not null default '{}',
  volunteers_needed integer not null check (volunteers_needed between 1 and 100),
  requires_police_certificate boolean not null default false,
  status public.task_status not null default 'open',
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint tasks_window check (ends_at > starts_at)
);

create index tasks_starts_at on public.tasks (starts_at);

create table public.signups (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references public.tasks (id) on delete cascade,
  volunteer_id uuid not null references public.users (id) on delete cascade,
  status public.signup_status not null default 'confirmed',
  created_at timestamptz not null default now(),
  hours numeric(5, 2) check (hours between 0 and 24),
  hours_approved_at timestamptz,
  unique (task_id, volunteer_id)
);

create index signups_volunteer_id on public.signups (volunteer_id);

-- signups never exceed the number needed: the task row is locked while counting,
-- so two concurrent signups for the last place cannot both pass
create function public.enforce_signup_capacity() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  needed integer;
  taken integer;
begin
  if new.status <> 'confirmed' or (tg_op = 'UPDATE' and old.status = 'confirmed') then
    return new;
  end if;
  select t.volunteers_needed into needed from public.tasks t where t.id = new.task_id for update;
  select count(*) into taken from public.signups s
    where s.task_id = new.task_id and s.status = 'confirmed' and s.id <> new.id;
  if taken >= needed then
    raise exception 'task % is full', new.task_id using errcode = 'P0001', hint = 'task_full';
  end if;
  return new;
end
$$;

create trigger signups_capacity before insert or update of status on public.signups
  for each row execute function public.enforce_signup_capacity();

-- ---------------------------------------------------------------------------
-- notifications: the e-mail outbox, filled in the same transaction as the event
-- ---------------------------------------------------------------------------

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient text not null check (recipient ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(recipient) <= 254),
  template text not null check (length(template) between 1 and 100),
  locale public.app_locale not null default 'nn',
  payload jsonb not null default '{}',
  status public.notification_status not null default 'queued',
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  -- the same event never queues the same mail twice
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 300),
  created_at timestamptz not null default now(),
  sent_at timestamptz
);

-- the worker looks for due rows
create index notifications_due on public.notifications (next_attempt_at)
  where status in ('queued', 'sending');

-- ---------------------------------------------------------------------------
-- audit log: who read or changed what; append-only
-- ---------------------------------------------------------------------------

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid references public.users (id) on delete set null,
  action text not null check (action in ('read', 'create', 'update', 'delete')),
  entity text not null check (length(entity) between 1 and 50),
  entity_id text not null,
  before jsonb,
  after jsonb
);

create index audit_log_entity on public.audit_log (entity, entity_id);
create index audit_log_actor on public.audit_log (actor_id);

-- the log cannot be edited or deleted, not even by the service role
create function public.reject_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'the audit log is append-only' using errcode = 'P0001';
end
$$;

create trigger audit_log_append_only before update or delete on public.audit_log
  for each statement execute function public.reject_audit_change();

-- ---------------------------------------------------------------------------
-- row-level security: enabled everywhere, no policies for anon or authenticated
-- ---------------------------------------------------------------------------

alter table public.municipality_settings enable row level security;
alter table public.yearly_targets enable row level security;
alter table public.users enable row level security;
alter table public.user_roles enable row level security;
alter table public.sessions enable row level security;
alter table public.districts enable row level security;
alter table public.dwellings enable row level security;
alter table public.households enable row level security;
alter table public.household_members enable row level security;
alter table public.matches enable row level security;
alter table public.volunteer_profiles enable row level security;
alter table public.volunteer_languages enable row level security;
alter table public.tasks enable row level security;
alter table public.signups enable row level security;
alter table public.notifications enable row level security;
alter table public.audit_log enable row level security;
