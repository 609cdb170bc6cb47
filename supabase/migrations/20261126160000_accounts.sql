-- Accounts: single-use e-mail tokens (verify, reset, invite, change of address), rate
-- limits that hold across app instances, and the multi-step writes of registration and
-- token use as functions, so each happens whole or not at all.

-- what a link sent by e-mail lets its holder do
create type public.email_token_purpose as enum ('verify_email', 'password_reset', 'staff_invite', 'email_change');

-- like sessions: the id is public, only the sha-256 hash of the secret is stored
create table public.email_tokens (
  id text primary key check (length(id) between 16 and 64),
  user_id uuid not null references public.users (id) on delete cascade,
  purpose public.email_token_purpose not null,
  secret_hash bytea not null check (length(secret_hash) = 32),
  -- the address an email_change token confirms
  new_email text check (new_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create index email_tokens_user_id on public.email_tokens (user_id);

alter table public.email_tokens enable row level security;

-- one row per counted event (a failed login, a registration, a reset request); counting
-- the rows in the window gives a sliding window shared by every app instance
create table public.rate_limit_events (
  id bigint generated always as identity primary key,
  key text not null check (length(key) between 1 and 300),
  at timestamptz not null default now()
);

create index rate_limit_events_key_at on public.rate_limit_events (key, at);

alter table public.rate_limit_events enable row level security;

-- a mail whose payload carries a secret link is emptied once sent
alter table public.notifications add column redact_on_send boolean not null default false;

-- empty the payload of sent mail that carried a secret link
create or replace function public.complete_notifications(p_worker text, p_ids uuid[])
returns integer
language sql
security definer
set search_path = ''
as $$
  with done as (
    update public.notifications
    set status = 'sent', sent_at = now(), locked_by = null, locked_until = null, last_error = null,
        payload = case when redact_on_send then '{}'::jsonb else payload end
    where id = any (p_ids) and status = 'sending' and locked_by = p_worker
    returning 1
  )
  select count(*)::int from done;
$$;

-- events in the window for each key; with p_record, count this one first.
-- old events are pruned as new ones come, so the table stays small.
create function public.rate_limit_count(p_keys text[], p_window_seconds integer, p_record boolean)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  worst integer;
begin
  if p_record then
    insert into public.rate_limit_events (key) select unnest(p_keys);
    delete from public.rate_limit_events where at < now() - interval '1 day';
  end if;
  select coalesce(max(c), 0) into worst from (
    select count(*)::int as c from public.rate_limit_events
    where key = any (p_keys) and at > now() - make_interval(secs => p_window_seconds)
    group by key
  ) counts;
  return worst;
end
$$;

-- a new landlord or volunteer, the token of their verification link and the mail that
-- carries it, in one transaction. returns the user's id; raises unique_violation
-- (23505) when the address is taken.
create function public.register_user(
  p_email text,
  p_display_name text,
  p_password_hash text,
  p_role public.app_role,
  p_locale public.app_locale,
  p_token_id text,
  p_token_hash bytea,
  p_token_expires_at timestamptz,
  p_verify_url text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_user uuid;
begin
  if p_role not in ('landlord', 'volunteer') then
    raise exception 'only landlords and volunteers register themselves' using errcode = '22023';
  end if;
  insert into public.users (email, display_name, password_hash, locale)
  values (lower(p_email), p_display_name, p_password_hash, p_locale)
  returning id into new_user;
  insert into public.user_roles (user_id, role) values (new_user, p_role);
  insert into public.email_tokens (id, user_id, purpose, secret_hash, expires_at)
  values (p_token_id, new_user, 'verify_email', p_token_hash, p_token_expires_at);
  perform public.enqueue_notification(
    lower(p_email), 'verify_email', p_locale,
    jsonb_build_object('name', p_display_name, 'url', p_verify_url),
    'verify_email:' || p_token_id
  );
  update public.notifications set redact_on_send = true where idempotency_key = 'verify_email:' || p_token_id;
  return new_user;
end
$$;

-- a token for a link sent by e-mail and the mail itself, in one transaction (reset,
-- invitation, change of address, a new verification link)
create function public.issue_email_token(
  p_user_id uuid,
  p_purpose public.email_token_purpose,
  p_token_id text,
  p_token_hash bytea,
  p_expires_at timestamptz,
  p_new_email text,
  p_recipient text,
  p_template text,
  p_locale public.app_locale,
  p_payload jsonb
) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.email_tokens (id, user_id, purpose, secret_hash, expires_at, new_email)
  values (p_token_id, p_user_id, p_purpose, p_token_hash, p_expires_at, lower(p_new_email));
  perform public.enqueue_notification(p_recipient, p_template, p_locale, p_payload, p_template || ':' || p_token_id);
  update public.notifications set redact_on_send = true where idempotency_key = p_template || ':' || p_token_id;
end
$$;

-- use a token once: marks it used and applies what it stands for, all or nothing.
-- the caller has already compared the secret's hash in constant time. returns the
-- user's id, or null when the token is unknown, used, expired or of another purpose.
create function public.use_email_token(
  p_token_id text,
  p_purpose public.email_token_purpose,
  p_password_hash text default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  token public.email_tokens;
begin
  update public.email_tokens t set used_at = now()
  where t.id = p_token_id and t.purpose = p_purpose and t.used_at is null and t.expires_at > now()
  returning * into token;
  if token.id is null then
    return null;
  end if;

  if p_purpose = 'verify_email' then
    update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = token.user_id;
  elsif p_purpose in ('password_reset', 'staff_invite') then
    if p_password_hash is null then
      raise exception 'a new password is required' using errcode = '22023';
    end if;
    -- a new password ends every session; an invitation also proves the address
    update public.users
    set password_hash = p_password_hash,
        email_verified_at = case when p_purpose = 'staff_invite' then coalesce(email_verified_at, now()) else email_verified_at end
    where id = token.user_id;
    delete from public.sessions where user_id = token.user_id;
    -- any other reset link of this person dies with this one
    update public.email_tokens set used_at = now()
    where user_id = token.user_id and purpose = p_purpose and used_at is null;
  elsif p_purpose = 'email_change' then
    update public.users set email = token.new_email, email_verified_at = now() where id = token.user_id;
  end if;
  return token.user_id;
end
$$;

-- an invited member of staff: no password until they set one from the link
create function public.invite_staff(
  p_email text,
  p_display_name text,
  p_locale public.app_locale,
  p_token_id text,
  p_token_hash bytea,
  p_expires_at timestamptz,
  p_inviter text,
  p_url text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_user uuid;
begin
  insert into public.users (email, display_name, locale)
  values (lower(p_email), p_display_name, p_locale)
  returning id into new_user;
  insert into public.user_roles (user_id, role) values (new_user, 'staff');
  perform public.issue_email_token(
    new_user, 'staff_invite', p_token_id, p_token_hash, p_expires_at, null,
    lower(p_email), 'staff_invitation', p_locale, jsonb_build_object('inviter', p_inviter, 'url', p_url)
  );
  return new_user;
end
$$;
