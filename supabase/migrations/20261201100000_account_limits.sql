-- Accounts, part two (issue 15): rate limits that decide and record in one serialised
-- step, a login limit a stranger cannot use to lock the owner out, registration and
-- address changes that do not tell whether an address has an account, and a password or
-- address change that ends every other session and every open link, and says so by mail.

-- ---------------------------------------------------------------------------
-- rate limits
-- ---------------------------------------------------------------------------

-- a transaction-scoped advisory lock per key: two requests for the same key queue behind
-- each other, so "count, then record" is one step. the keys are taken in one order, so
-- two requests sharing keys never deadlock.
create function public.rate_limit_lock(p_keys text[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  k text;
begin
  for k in select distinct u from unnest(p_keys) u order by 1 loop
    perform pg_advisory_xact_lock(hashtextextended('rate_limit:' || k, 0));
  end loop;
end
$$;

-- events of one key in the last p_window_seconds
create function public.rate_limit_events_in(p_key text, p_window_seconds integer) returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)::int from public.rate_limit_events
  where key = p_key and at > now() - make_interval(secs => p_window_seconds);
$$;

-- count one event for every key, unless one of them has used up its limit (p_maxes[i]
-- events in p_windows[i] seconds): true when counted, false when refused. a refused
-- request counts nothing, so hammering a limit does not prolong it. old events are
-- pruned as new ones come (the longest window is a day).
create function public.rate_limit_take(p_keys text[], p_maxes integer[], p_windows integer[]) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if cardinality(p_keys) <> cardinality(p_maxes) or cardinality(p_keys) <> cardinality(p_windows) then
    raise exception 'one limit and one window per key' using errcode = '22023';
  end if;
  perform public.rate_limit_lock(p_keys);
  if exists (
    select from unnest(p_keys, p_maxes, p_windows) as l (key, max, window_seconds)
    where public.rate_limit_events_in(l.key, l.window_seconds) >= l.max
  ) then
    return false;
  end if;
  insert into public.rate_limit_events (key) select distinct unnest(p_keys);
  delete from public.rate_limit_events where at < now() - interval '2 days';
  return true;
end
$$;

-- the old check-then-record counter (rate_limit_count) and the old signatures of
-- register_user and use_email_token stay for instances of the previous version during a
-- rolling upgrade (docs/operations.md: migrate first, then replace instances one by one);
-- this version never calls them, and a later migration drops them.

-- addresses a person has logged in from (the last 90 days), as a hash bound to the
-- person, so the table holds no addresses. from a known address the owner is neither
-- slowed by strangers' failures on their account nor stopped by the cap on reset mails.
create table public.known_addresses (
  user_id uuid not null references public.users (id) on delete cascade,
  address_hash bytea not null check (length(address_hash) = 32),
  last_login_at timestamptz not null default now(),
  primary key (user_id, address_hash)
);

alter table public.known_addresses enable row level security;

create function public.address_hash(p_user uuid, p_address text) returns bytea
language sql
immutable
set search_path = ''
as $$
  select sha256(convert_to(p_user::text || ' ' || p_address, 'UTF8'));
$$;

create function public.is_known_address(p_user uuid, p_address text) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select from public.known_addresses k
    where k.user_id = p_user and k.address_hash = public.address_hash(p_user, p_address)
      and k.last_login_at > now() - interval '90 days'
  );
$$;

-- a login attempt, decided before its password is checked, in one serialised step.
-- refused: this address has failed 10 times in 15 minutes on this account (the strict
-- limit is per account AND address, so a stranger locks out only themselves), or 20
-- times on any accounts (credential stuffing). allowed: the attempt is counted as a
-- failure now, and finish_login takes it back when the password was right, so a burst
-- of concurrent guesses gets exactly the limit checked. across all addresses an account
-- is only slowed, never blocked: past 20 failures in 15 minutes every attempt from an
-- address the owner has not logged in from waits (delay_ms, 1 s doubling every 10
-- failures, at most 10 s), and the owner gets one mail a day about it.
create function public.begin_login(p_email text, p_address text, p_origin text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_email text := lower(p_email);
  -- an address is always a whole ':'-separated part of a key, so erasing its person
  -- finds every key that names it (erase_account)
  k_pair text := 'login:pair:' || v_email || ':' || p_address;
  k_address text := 'login:address:' || p_address;
  k_account text := 'login:account:' || v_email;
  soft constant integer := 20;
  person public.users;
  failures integer;
  attempt bigint[];
  delay integer := 0;
begin
  perform public.rate_limit_lock(array[k_pair, k_address, k_account]);
  if public.rate_limit_events_in(k_pair, 900) >= 10 or public.rate_limit_events_in(k_address, 900) >= 20 then
    return jsonb_build_object('allowed', false);
  end if;
  with counted as (
    insert into public.rate_limit_events (key) values (k_pair), (k_address), (k_account) returning id
  )
  select array_agg(id) into attempt from counted;
  delete from public.rate_limit_events where at < now() - interval '2 days';

  failures := public.rate_limit_events_in(k_account, 900);
  if failures > soft then
    select * into person from public.users u where lower(u.email) = v_email;
    if person.id is not null and not exists (
      select from public.notifications n
      where n.template = 'login_throttled' and n.recipient = lower(person.email) and n.created_at > now() - interval '1 day'
    ) then
      perform public.enqueue_notification(
        person.email, 'login_throttled', person.locale,
        jsonb_build_object('name', person.display_name, 'url', p_origin || '/account'),
        'login_throttled:' || person.id || ':' || extract(epoch from now())::bigint
      );
    end if;
    if person.id is null or not public.is_known_address(person.id, p_address) then
      delay := least(10000, 1000 * power(2, (failures - soft - 1) / 10))::integer;
    end if;
  end if;
  return jsonb_build_object('allowed', true, 'attempt', to_jsonb(attempt), 'delay_ms', delay);
end
$$;

-- the password was right: the attempt was no failure, and the address becomes known
create function public.finish_login(p_attempt bigint[], p_user uuid, p_address text) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.rate_limit_events where id = any (p_attempt);
  insert into public.known_addresses (user_id, address_hash) values (p_user, public.address_hash(p_user, p_address))
  on conflict (user_id, address_hash) do update set last_login_at = now();
  delete from public.known_addresses where last_login_at < now() - interval '90 days';
end
$$;

-- may this address ask for a reset link for this address, now? at most 3 an hour for
-- one account from one address, 20 an hour from one address, and 3 mails a day to one
-- account asked for from addresses its owner has not logged in from: strangers cannot
-- flood the owner, nor use up the owner's own requests from home.
create function public.take_reset_request(p_email text, p_address text) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_email text := lower(p_email);
  person uuid;
  keys text[] := array['reset:pair:' || v_email || ':' || p_address, 'reset:address:' || p_address];
  maxes integer[] := array[3, 20];
  windows integer[] := array[3600, 3600];
begin
  select id into person from public.users where lower(email) = v_email;
  if person is null or not public.is_known_address(person, p_address) then
    keys := keys || ('reset:account:' || v_email);
    maxes := maxes || 3;
    windows := windows || 86400;
  end if;
  return public.rate_limit_take(keys, maxes, windows);
end
$$;

-- ---------------------------------------------------------------------------
-- registration and change of address without telling who has an account
-- ---------------------------------------------------------------------------

-- "someone tried to use your address": to the owner of an address that already has an
-- account, at most 3 a day, so nobody can flood an inbox through the forms
create function public.mail_account_exists(p_email text, p_login_url text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
begin
  select * into person from public.users where lower(email) = lower(p_email);
  if person.id is null or not public.rate_limit_take(array['account_exists:' || lower(person.email)], array[3], array[86400]) then
    return;
  end if;
  perform public.enqueue_notification(
    person.email, 'account_exists', person.locale,
    jsonb_build_object('name', person.display_name, 'url', p_login_url),
    'account_exists:' || person.id || ':' || gen_random_uuid()
  );
end
$$;

-- a new landlord or volunteer, the token of their verification link and the mail that
-- carries it, in one transaction. an address that already has an account creates
-- nothing: its owner gets a mail instead, and the caller gets null, so the person
-- registering sees the same "check your mail" either way.
create function public.register_user(
  p_email text,
  p_display_name text,
  p_password_hash text,
  p_role public.app_role,
  p_locale public.app_locale,
  p_token_id text,
  p_token_hash bytea,
  p_token_expires_at timestamptz,
  p_verify_url text,
  p_login_url text
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
  on conflict ((lower(email))) do nothing
  returning id into new_user;
  if new_user is null then
    perform public.mail_account_exists(p_email, p_login_url);
    return null;
  end if;
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

-- a change of address asked for on the account page: the link to the new address, or,
-- when the new address already has an account, a mail to its owner and no link. the
-- person asking gets the same answer either way.
create function public.request_email_change(
  p_user uuid,
  p_new_email text,
  p_token_id text,
  p_token_hash bytea,
  p_expires_at timestamptz,
  p_url text,
  p_login_url text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
  holder uuid;
begin
  select * into person from public.users where id = p_user;
  if person.id is null then
    raise exception 'no such account' using errcode = 'P0002';
  end if;
  select id into holder from public.users where lower(email) = lower(p_new_email);
  if holder = p_user then
    return;
  elsif holder is not null then
    perform public.mail_account_exists(p_new_email, p_login_url);
    return;
  end if;
  perform public.issue_email_token(
    p_user, 'email_change', p_token_id, p_token_hash, p_expires_at, p_new_email,
    lower(p_new_email), 'email_change', person.locale, jsonb_build_object('name', person.display_name, 'url', p_url)
  );
end
$$;

-- ---------------------------------------------------------------------------
-- a new password or address ends every other session and every open link
-- ---------------------------------------------------------------------------

-- every open reset and change-of-address link of a person dies (used now)
create function public.end_account_links(p_user uuid) returns void
language sql
security definer
set search_path = ''
as $$
  update public.email_tokens set used_at = now()
  where user_id = p_user and used_at is null and purpose in ('password_reset', 'email_change');
$$;

-- a password chosen on the account page: the new hash, every session of the person ended
-- but the fresh one this browser gets, every open link dead, and a mail to the owner
create function public.change_password(
  p_user uuid,
  p_password_hash text,
  p_session_id text,
  p_session_hash bytea,
  p_session_expires_at timestamptz,
  p_reset_url text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
begin
  update public.users set password_hash = p_password_hash where id = p_user returning * into person;
  if person.id is null then
    raise exception 'no such account' using errcode = 'P0002';
  end if;
  delete from public.sessions where user_id = p_user;
  insert into public.sessions (id, user_id, secret_hash, expires_at)
  values (p_session_id, p_user, p_session_hash, p_session_expires_at);
  perform public.end_account_links(p_user);
  perform public.enqueue_notification(
    person.email, 'password_changed', person.locale,
    jsonb_build_object('name', person.display_name, 'url', p_reset_url),
    'password_changed:' || p_session_id
  );
end
$$;

-- use a token once: marks it used and applies what it stands for, all or nothing.
-- the caller has already compared the secret's hash in constant time. returns the
-- user's id, or null when the token is unknown, used, expired or of another purpose.
-- a new password (reset) ends every session, every open link, and tells the owner; a
-- new address ends every session but p_keep_session (the browser confirming it, if it
-- is the person's own), every open link, and tells the old address.
create function public.use_email_token(
  p_token_id text,
  p_purpose public.email_token_purpose,
  p_password_hash text,
  p_keep_session text,
  p_origin text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  token public.email_tokens;
  person public.users;
begin
  update public.email_tokens t set used_at = now()
  where t.id = p_token_id and t.purpose = p_purpose and t.used_at is null and t.expires_at > now()
  returning * into token;
  if token.id is null then
    return null;
  end if;
  select * into person from public.users where id = token.user_id;

  if p_purpose = 'verify_email' then
    update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = token.user_id;
  elsif p_purpose in ('password_reset', 'staff_invite') then
    if p_password_hash is null then
      raise exception 'a new password is required' using errcode = '22023';
    end if;
    -- an invitation also proves the address
    update public.users
    set password_hash = p_password_hash,
        email_verified_at = case when p_purpose = 'staff_invite' then coalesce(email_verified_at, now()) else email_verified_at end
    where id = token.user_id;
    delete from public.sessions where user_id = token.user_id;
    perform public.end_account_links(token.user_id);
    update public.email_tokens set used_at = now()
    where user_id = token.user_id and purpose = p_purpose and used_at is null;
    -- an invited person chose their first password: nothing changed that they must hear of
    if p_purpose = 'password_reset' then
      perform public.enqueue_notification(
        person.email, 'password_changed', person.locale,
        jsonb_build_object('name', person.display_name, 'url', p_origin || '/reset'),
        'password_changed:' || token.id
      );
    end if;
  elsif p_purpose = 'email_change' then
    -- queued while the old address is still theirs, so the mail is theirs (and stays
    -- addressed to the old address when the change moves their waiting mail along)
    perform public.enqueue_notification(
      person.email, 'email_changed', person.locale,
      jsonb_build_object('name', person.display_name, 'new_email', token.new_email),
      'email_changed:' || token.id
    );
    update public.users set email = token.new_email, email_verified_at = now() where id = token.user_id;
    delete from public.sessions where user_id = token.user_id and id is distinct from p_keep_session;
    perform public.end_account_links(token.user_id);
  end if;
  return token.user_id;
end
$$;

-- ---------------------------------------------------------------------------
-- free text that reaches other people's mail stays on one line
-- ---------------------------------------------------------------------------

-- names and addresses go into mails to others: no control characters (line breaks, tabs),
-- no unicode line or paragraph separators, no bidi embeddings, overrides or isolates that
-- make a text read otherwise than it is. rows from before are cleaned first: each run of
-- such characters becomes one space.
update public.users
set display_name = btrim(regexp_replace(display_name, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g'))
where display_name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';
alter table public.users add constraint users_display_name_single_line
  check (display_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');

-- only the street, place and locality of an offer appear in mails
update public.dwellings
set street = btrim(regexp_replace(street, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')),
    place = btrim(regexp_replace(place, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')),
    locality = btrim(regexp_replace(locality, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g'))
where street ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
   or place ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
   or locality ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';
alter table public.dwellings add constraint dwellings_address_single_line check (
  street !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
  and place !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
  and locality !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
);

-- the household's contact person reaches the landlord's mail once a match is confirmed
update public.households
set contact_name = btrim(regexp_replace(contact_name, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g'))
where contact_name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';
alter table public.households add constraint households_contact_name_single_line
  check (contact_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');

-- a task's title and locality go into every mail about it, subjects included
update public.tasks
set title = btrim(regexp_replace(title, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')),
    locality = btrim(regexp_replace(locality, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g'))
where title ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
   or locality ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';
alter table public.tasks add constraint tasks_title_single_line check (
  title !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
  and locality !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
);
