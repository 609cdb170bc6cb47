-- Every mail belongs to the person it was for, not to whoever holds its address today.
-- An address freed by a change of address can be registered by anyone; before this, the
-- data download and the erasure found mails by the account's current address, so the new
-- holder downloaded the previous owner's mails (a confirmed match's contact person among
-- them), and erasing an account deleted them. Now:
--   user_id             the account the mail was for, set when it is queued;
--   about_user_id       the other person whose data a mail carries (staff told about a
--                       volunteer's certificate, or about a landlord's offer or answer);
--   about_household_id  the household whose contact person a mail carries.
-- Export and erasure go by these keys, never by an address or a name found in the text.
-- When a person moves to a new address, what was sent to the old one keeps no content.

alter table public.notifications
  add column user_id uuid references public.users (id) on delete set null,
  add column about_user_id uuid references public.users (id) on delete set null,
  add column about_household_id uuid references public.households (id) on delete set null;

-- the download and the erasure read one person's mails; a change of address reads an address's
create index notifications_user_id on public.notifications (user_id);
create index notifications_recipient on public.notifications (recipient);
create index notifications_about_user_id on public.notifications (about_user_id) where about_user_id is not null;
create index notifications_about_household_id on public.notifications (about_household_id)
  where about_household_id is not null;

-- ---------------------------------------------------------------------------
-- whose mail it is, decided when it is queued
-- ---------------------------------------------------------------------------

-- a mail to a person's current address is theirs. every path that queues mail
-- (enqueue_notification from any sql function, or a direct insert) passes here; a mail
-- for an address that is not the person's yet (the confirmation of a new address) names
-- its person with enqueue_notification_for. an address with no account: null.
create function public.notification_owner() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.user_id is null then
    select u.id into new.user_id from public.users u where lower(u.email) = lower(new.recipient);
  end if;
  return new;
end
$$;

create trigger notifications_owner before insert on public.notifications
  for each row execute function public.notification_owner();

-- queue one mail for a named person, whatever address it goes to (see enqueue_notification)
create function public.enqueue_notification_for(
  p_user uuid,
  p_recipient text,
  p_template text,
  p_locale public.app_locale,
  p_payload jsonb,
  p_idempotency_key text,
  p_category text default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_id uuid;
begin
  new_id := public.enqueue_notification(p_recipient, p_template, p_locale, p_payload, p_idempotency_key, p_category);
  update public.notifications set user_id = p_user where id = new_id;
  return new_id;
end
$$;

-- the mails just queued under these keys carry this person's or household's data
create function public.mark_mail_about(p_keys text[], p_user uuid, p_household uuid default null)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.notifications
  set about_user_id = coalesce(p_user, about_user_id), about_household_id = coalesce(p_household, about_household_id)
  where idempotency_key = any (p_keys);
$$;

-- one mail to every member of staff (enqueue_to_staff) that carries another person's data
create function public.enqueue_to_staff_about(p_template text, p_payload jsonb, p_key text, p_about uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform public.enqueue_to_staff(p_template, p_payload, p_key);
  if p_about is not null then
    update public.notifications n set about_user_id = p_about
    from public.users u
    where n.idempotency_key = p_key || ':' || u.id
      and exists (select from public.user_roles r where r.user_id = u.id and r.role in ('staff', 'admin'));
  end if;
end
$$;

-- as before (20261126160000_accounts.sql), and the mail is the token's person's: the
-- confirmation of a new address goes to an address that is not theirs yet
create or replace function public.issue_email_token(
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
  perform public.enqueue_notification_for(p_user_id, p_recipient, p_template, p_locale, p_payload, p_template || ':' || p_token_id);
  update public.notifications set redact_on_send = true where idempotency_key = p_template || ':' || p_token_id;
end
$$;

-- ---------------------------------------------------------------------------
-- mails to others that carry a person's data say whose (for erasure)
-- ---------------------------------------------------------------------------

-- as before (20261126162000_dwelling_lifecycle.sql); staff's mail names the landlord's offer
create or replace function public.submit_dwelling(p_dwelling uuid, p_origin text)
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
  perform public.enqueue_to_staff_about('dwelling_to_review',
    jsonb_build_object('address', d.street || ', ' || d.place, 'locality', d.locality,
                       'url', p_origin || '/staff/dwellings/' || d.id),
    'dwelling_to_review:' || d.id || ':' || extract(epoch from d.submitted_at)::bigint,
    d.landlord_id);
end
$$;

-- as before (20261126162000_dwelling_lifecycle.sql); staff's mail carries the landlord's
-- offer and their words
create or replace function public.answer_proposal(p_match uuid, p_landlord uuid, p_accept boolean, p_reason text, p_origin text)
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
  perform public.enqueue_to_staff_about('proposal_answered',
    jsonb_build_object('address', d.street || ', ' || d.place, 'accepted', p_accept,
                       'reason', coalesce(p_reason, ''), 'url', p_origin || '/staff/dwellings/' || d.id),
    'proposal_answered:' || p_match,
    d.landlord_id);
  return true;
end
$$;

-- as before (20261126183000_task_changes.sql); staff's mail names the volunteer
create or replace function public.queue_certificate_expiry_notices(p_origin text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  c record;
  today date := (now() at time zone 'Europe/Oslo')::date;
  n integer := 0;
begin
  for c in
    select u.id, u.email, u.locale, u.display_name, p.police_certificate_expires_on as expires_on
    from public.volunteer_profiles p join public.users u on u.id = p.user_id
    where p.police_certificate_status = 'valid' and p.police_certificate_expires_on between today and today + 30
  loop
    perform public.enqueue_notification(c.email, 'certificate_expiring', c.locale,
      jsonb_build_object('name', c.display_name, 'expires_on', c.expires_on, 'url', p_origin || '/volunteer/profile'),
      'certificate_expiring:' || c.id || ':' || c.expires_on);
    perform public.enqueue_to_staff_about('certificate_expiring_staff',
      jsonb_build_object('volunteer', c.display_name, 'expires_on', c.expires_on, 'url', p_origin || '/staff/volunteers/' || c.id),
      'certificate_expiring_staff:' || c.id || ':' || c.expires_on,
      c.id);
    n := n + 1;
  end loop;
  return n;
end
$$;

-- confirm_match, whose mail to the landlord carries the household's contact person, marks
-- it about_household_id in 20261201111000 (where it also re-checks the pair)

-- ---------------------------------------------------------------------------
-- moving to a new address
-- ---------------------------------------------------------------------------

-- whoever registers the old address next must find nothing of the person who left it.
-- sent and failed mails to it keep no content. a mail in a worker's hands at this moment
-- goes out as it is (it was the person's address until now) and is emptied once sent.
-- a mail still waiting follows the person to the new address — except one queued in this
-- very transaction (created_at = now()): that one was written for the old address as it
-- was, e.g. to tell it of the change. a person's opt-outs are their choice, not the
-- address's: they move along. for every writer of users.email, not only use_email_token.
create function public.mail_follows_address_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_address text := lower(old.email);
  new_address text := lower(new.email);
begin
  if old_address = new_address then
    return null;
  end if;
  update public.notifications set payload = '{}'
  where recipient = old_address and (user_id = new.id or user_id is null)
    and status in ('sent', 'failed') and payload <> '{}';
  update public.notifications set redact_on_send = true
  where recipient = old_address and (user_id = new.id or user_id is null) and status = 'sending';
  update public.notifications set recipient = new_address
  where recipient = old_address and user_id = new.id and status = 'queued' and created_at < now();
  insert into public.mail_opt_outs (email, category, created_at)
  select new_address, o.category, o.created_at from public.mail_opt_outs o where o.email = old_address
  on conflict do nothing;
  delete from public.mail_opt_outs where email = old_address;
  return null;
end
$$;

create trigger users_email_changed after update of email on public.users
  for each row execute function public.mail_follows_address_change();

-- ---------------------------------------------------------------------------
-- erasing an account: the person's own rows, found by their keys
-- ---------------------------------------------------------------------------

-- an e-mail address named as a whole in a text: "a@b.no" is in "mail a@b.no." but not in
-- "anna@b.no" or "a@b.no.example" (the address is matched literally, case-insensitively)
create function public.mentions_address(p_text text, p_email text) returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(p_text ~* ('(^|[^a-z0-9._%+-])' || regexp_replace(p_email, '([^a-zA-Z0-9])', '\\\1', 'g')
                             || '($|[^a-z0-9.-]|\.($|[^a-z0-9]))'), false);
$$;

-- as before (20261127100000_audit_privacy.sql), but precise: their own mails by user_id,
-- whichever address they went to; mails to others that carry their data by about_user_id
-- (not sent yet: not sent; sent: emptied); never by a name found in a text, which would
-- wipe any mail to or about someone else whose text holds the name ("Anna" in "Annabel").
-- mails that went to their address while no account held it are not theirs and stay.
-- rate-limit rows keyed by their address (the address as a whole part of the key) go.
create or replace function public.erase_account(p_user uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
  their_dwellings uuid[];
begin
  select * into person from public.users where id = p_user for update;
  if person.id is null then
    return;
  end if;
  perform set_config('busett.erasing', 'on', true);

  -- offers that never housed anyone go with their proposals; a dwelling with a confirmed
  -- match stays (the settlement happened there) without its landlord or their words
  select coalesce(array_agg(d.id), '{}') into their_dwellings from public.dwellings d where d.landlord_id = p_user;
  delete from public.dwellings d where d.id = any (their_dwellings)
    and not exists (select from public.matches m where m.dwelling_id = d.id and m.status = 'confirmed');
  update public.dwellings set status = 'withdrawn'
    where id = any (their_dwellings) and status in ('draft', 'submitted', 'approved', 'needs_changes');
  update public.dwellings set landlord_id = null, description = '', review_message = ''
    where id = any (their_dwellings);

  delete from public.notifications where user_id = p_user;
  delete from public.notifications where about_user_id = p_user and status in ('queued', 'sending');
  update public.notifications set payload = '{}', about_user_id = null where about_user_id = p_user;
  delete from public.mail_opt_outs where email = lower(person.email);
  delete from public.rate_limit_events where strpos(':' || key || ':', ':' || lower(person.email) || ':') > 0;

  -- what the log held of their profile and their dwellings, and rows naming their address
  update public.audit_log a set before = public.audit_redact(a.before), after = public.audit_redact(a.after)
    where a.entity_id = p_user::text or a.entity_id = any (their_dwellings::text[])
      or public.mentions_address(coalesce(a.before::text, '') || ' ' || coalesce(a.after::text, ''), person.email);

  -- the rest follows the foreign keys: roles, sessions, tokens, profile and languages,
  -- sign-ups (cascade); their id in the log and on others' rows becomes null
  delete from public.users where id = p_user;
  perform set_config('busett.erasing', 'off', true);
end
$$;

-- as before (20261127100000_audit_privacy.sql), but the landlord's "match confirmed"
-- mail is found by the household it carries, not by searching every mail's text for the
-- contact's name or phone (a phone number or a short name shared with another household
-- would have emptied that household's mail too)
create or replace function public.anonymise_settled_households() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  ids uuid[];
begin
  with due as (
    select h.id from public.households h
    where h.status = 'settled' and h.anonymised_at is null
      and public.retention_due_on(h.settled_on, public.retention_months()) <= current_date
    for update skip locked
  )
  select coalesce(array_agg(id), '{}') into ids from due;
  if cardinality(ids) = 0 then
    return 0;
  end if;
  perform set_config('busett.erasing', 'on', true);

  update public.households set
    imdi_reference = 'anonymisert-' || id, contact_name = '', contact_phone = '', staff_note = '',
    languages = '{}', preferred_localities = '{}', anonymised_at = now(), updated_at = now()
  where id = any (ids);
  update public.household_members set first_name = '', relation = '' where household_id = any (ids);
  update public.tasks set address = '', description = '' where household_id = any (ids);
  update public.matches set decline_reason = '' where household_id = any (ids);
  update public.audit_log a set before = public.audit_redact(a.before), after = public.audit_redact(a.after)
    where a.entity in ('household', 'household_member') and a.entity_id = any (ids::text[]);
  update public.notifications n set payload = '{}'
    where n.status in ('sent', 'failed') and n.about_household_id = any (ids);

  perform set_config('busett.erasing', 'off', true);
  return cardinality(ids);
end
$$;

-- ---------------------------------------------------------------------------
-- the mails already in the outbox
-- ---------------------------------------------------------------------------

-- 1. a mail of a link (verification, reset, invitation, new address) is its token's person's
update public.notifications n set user_id = t.user_id
from public.email_tokens t
where n.user_id is null and starts_with(n.idempotency_key, n.template || ':')
  and t.id = substr(n.idempotency_key, length(n.template) + 2);

-- 2. every other mail is the person's who held its address when it was queued. the
-- address history: each used change of address starts a span; before the first, the
-- address the account was created with (its current one if it never changed, else the
-- one its first link mail went to; unknown without one). never the address's holder of
-- today by default: that may be someone who registered it after its owner left.
with changes as (
  select t.user_id, lower(t.new_email) as address, t.used_at as from_at,
    lead(t.used_at) over (partition by t.user_id order by t.used_at) as to_at,
    row_number() over (partition by t.user_id order by t.used_at) as n
  from public.email_tokens t
  where t.purpose = 'email_change' and t.used_at is not null and t.new_email is not null
),
first_spans as (
  select u.id as user_id,
    case when c.user_id is null then lower(u.email)
      else (select lower(x.recipient) from public.notifications x
            where x.user_id = u.id and x.template in ('verify_email', 'password_reset', 'staff_invitation')
              and x.created_at < c.from_at
            order by x.created_at limit 1) end as address,
    u.created_at as from_at,
    c.from_at as to_at
  from public.users u
  left join changes c on c.user_id = u.id and c.n = 1
),
spans as (
  select user_id, address, from_at, to_at from changes
  union all
  select user_id, address, from_at, to_at from first_spans where address is not null
)
update public.notifications n set user_id = s.user_id
from spans s
where n.user_id is null and n.recipient = s.address
  and n.created_at >= s.from_at and (s.to_at is null or n.created_at < s.to_at);

-- 3. mails to an address its person has since left: sent ones keep no content, waiting
-- ones follow the person (a waiting confirmation of a new address stays where it is going)
update public.notifications n set payload = '{}'
from public.users u
where n.user_id = u.id and n.recipient <> lower(u.email) and n.status in ('sent', 'failed') and n.payload <> '{}';
update public.notifications n set redact_on_send = true
from public.users u
where n.user_id = u.id and n.recipient <> lower(u.email) and n.status = 'sending';
update public.notifications n set recipient = lower(u.email)
from public.users u
where n.user_id = u.id and n.recipient <> lower(u.email) and n.status = 'queued' and n.template <> 'email_change';

-- 4. sent mail that cannot be tied to whoever held its address then keeps no content
update public.notifications set payload = '{}'
where user_id is null and status in ('sent', 'failed') and payload <> '{}';

-- 5. whose data the mails to others carry, from the keys their functions gave them
update public.notifications n set about_household_id = m.household_id
from public.matches m
where n.template = 'match_confirmed' and n.idempotency_key = 'match_confirmed:' || m.id;
update public.notifications n set about_user_id = d.landlord_id
from public.dwellings d
where n.template = 'dwelling_to_review' and split_part(n.idempotency_key, ':', 2) = d.id::text;
update public.notifications n set about_user_id = d.landlord_id
from public.matches m join public.dwellings d on d.id = m.dwelling_id
where n.template = 'proposal_answered' and split_part(n.idempotency_key, ':', 2) = m.id::text;
update public.notifications n set about_user_id = u.id
from public.users u
where n.template = 'certificate_expiring_staff' and split_part(n.idempotency_key, ':', 2) = u.id::text;
