-- Mail preferences (issue 17, item 21): a person chooses on the account page which mail
-- that is not essential they get, unsubscribes from one kind with one click in its footer
-- and subscribes again. The opt-outs stay where the one-click unsubscribe writes them
-- (mail_opt_outs, by address and category); what is new is that every non-essential
-- template has a category in sql too, so no caller can forget to pass it.

-- the category of each template one can opt out of (null: essential), as in
-- src/lib/server/mail/templates.ts (tests/integration/mail-preferences.test.ts compares them)
create function public.mail_category_of(p_template text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_template
    when 'task_reminder' then 'reminders'
    when 'still_available' then 'availability_checks'
    when 'task_invitation' then 'task_invitations'
  end;
$$;

-- the categories a person may choose (newsletters: none are sent yet; the choice is kept for when they are)
create function public.mail_categories()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['reminders', 'availability_checks', 'task_invitations', 'newsletters'];
$$;

-- as before (20261126153000_mail_outbox.sql), with the template's own category when the
-- caller names none: the "still available?" check and task invitations were queued without one
create or replace function public.enqueue_notification(
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
  kind text := coalesce(p_category, public.mail_category_of(p_template));
begin
  if kind is not null and exists (
    select from public.mail_opt_outs o where o.email = lower(p_recipient) and o.category = kind
  ) then
    return null;
  end if;
  insert into public.notifications (recipient, template, locale, payload, idempotency_key, category)
  values (lower(p_recipient), p_template, p_locale, coalesce(p_payload, '{}'), p_idempotency_key, kind)
  on conflict (idempotency_key) do nothing
  returning id into new_id;
  return new_id;
end
$$;

-- subscribe again to a category after an unsubscribe (idempotent)
create function public.opt_in_to_mail(p_email text, p_category text)
returns void
language sql
security definer
set search_path = ''
as $$
  delete from public.mail_opt_outs where email = lower(p_email) and category = p_category;
$$;

-- the account page's choices in one write: of the categories shown (p_shown), the person's
-- address is opted out of exactly those in p_opted_out. unknown categories are refused.
create function public.set_mail_preferences(p_user uuid, p_shown text[], p_opted_out text[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  address text;
begin
  if not (p_shown <@ public.mail_categories()) or not (p_opted_out <@ p_shown) then
    raise exception 'unknown mail category' using errcode = '22023', hint = 'mail_category_unknown';
  end if;
  select lower(u.email) into address from public.users u where u.id = p_user;
  if address is null then
    raise exception 'no such user' using errcode = 'P0002';
  end if;
  delete from public.mail_opt_outs
  where email = address and category = any (p_shown) and not (category = any (p_opted_out));
  insert into public.mail_opt_outs (email, category)
  select address, c from unnest(p_opted_out) c
  on conflict do nothing;
end
$$;

-- as before (20261202111000_mail_links_from_ids.sql), skipping volunteers who chose not to
-- get invitations: they would get no mail (enqueue_notification), and staff's count of
-- those invited should not include them
create or replace function public.invite_volunteers(p_task uuid, p_staff uuid, p_invitations jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
  i jsonb;
  u public.users;
  invited integer := 0;
begin
  -- the task row lock keeps invitations and sign-ups of this task in one order
  select * into t from public.tasks where id = p_task for update;
  if t.id is null or t.status <> 'open' or t.starts_at <= now() then
    raise exception 'task % is not open', p_task using errcode = 'P0001', hint = 'task_closed';
  end if;
  for i in select * from jsonb_array_elements(p_invitations) loop
    select u2.* into u from public.users u2
    join public.user_roles r on r.user_id = u2.id and r.role = 'volunteer'
    where u2.id = (i ->> 'volunteer_id')::uuid;
    continue when u.id is null;
    continue when exists (select from public.signups s where s.task_id = p_task and s.volunteer_id = u.id
                          and s.status in ('confirmed', 'waitlisted'));
    continue when exists (select from public.mail_opt_outs o
                          where o.email = lower(u.email) and o.category = 'task_invitations');
    insert into public.task_invitations (id, task_id, volunteer_id, invited_by, secret_hash, expires_at)
    values (i ->> 'token_id', p_task, u.id, p_staff, decode(i ->> 'secret_hash', 'hex'), t.starts_at)
    on conflict (task_id, volunteer_id) do nothing;
    continue when not found;
    perform public.enqueue_notification(u.email, 'task_invitation', u.locale,
      jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                         'locality', t.locality, 'token', i ->> 'token'),
      'task_invitation:' || (i ->> 'token_id'));
    -- the token is a key: the sent mail keeps no copy of it
    update public.notifications set redact_on_send = true where idempotency_key = 'task_invitation:' || (i ->> 'token_id');
    invited := invited + 1;
  end loop;
  return invited;
end
$$;
