-- Staff accounts: an admin chooses the role of the person invited (staff or admin), and
-- deactivates a member of staff who leaves. Deactivating ends their sessions at once and
-- keeps them from logging in again, but keeps the account's row, so their name stays on
-- what they did (the audit log, the tasks they made, the matches they proposed).

-- when and by whom an account was deactivated (null: active)
alter table public.users
  add column deactivated_at timestamptz,
  add column deactivated_by uuid references public.users (id) on delete set null;

-- a deactivated account never gets a session, whatever path tries to make one (a login,
-- a new password, a confirmed address): the rule is here, not in each path
create function public.refuse_session_of_deactivated() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select from public.users u where u.id = new.user_id and u.deactivated_at is not null) then
    raise exception 'account % is deactivated', new.user_id using errcode = 'P0001', hint = 'deactivated';
  end if;
  return new;
end
$$;

create trigger sessions_not_deactivated before insert on public.sessions
  for each row execute function public.refuse_session_of_deactivated();

-- as before (20261202111000_mail_links_from_ids.sql), with the role the admin chose: staff
-- or admin, never a landlord's or a volunteer's role by this door
drop function public.invite_staff(text, text, public.app_locale, text, bytea, timestamptz, text, text);

create function public.invite_staff(
  p_email text,
  p_display_name text,
  p_locale public.app_locale,
  p_role public.app_role,
  p_token_id text,
  p_token_hash bytea,
  p_expires_at timestamptz,
  p_inviter text,
  p_token text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_user uuid;
begin
  if p_role not in ('staff', 'admin') then
    raise exception 'staff are invited as staff or admin, not %', p_role using errcode = '22023';
  end if;
  insert into public.users (email, display_name, locale)
  values (lower(p_email), p_display_name, p_locale)
  returning id into new_user;
  insert into public.user_roles (user_id, role) values (new_user, p_role);
  perform public.issue_email_token(
    new_user, 'staff_invite', p_token_id, p_token_hash, p_expires_at, null,
    lower(p_email), 'staff_invitation', p_locale, jsonb_build_object('inviter', p_inviter, 'token', p_token)
  );
  return new_user;
end
$$;

-- an admin deactivates a member of staff who leaves: their sessions end and their open links
-- (an invitation, a reset) stop working in the same transaction, and their password is
-- forgotten, so no path that goes by it (logging in, a reset, staff mail) reaches them
-- again. the row, the roles and the name stay. refused (P0001, with the reason as hint):
-- oneself ('self'), someone who is not staff ('not_staff'), and the last admin who can log
-- in ('last_admin'). the admins' role rows are locked first, so two admins deactivating
-- each other at once cannot leave none. false: already deactivated.
create function public.deactivate_staff(p_user uuid, p_admin uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.users;
begin
  perform 1 from public.user_roles where role = 'admin' for update;
  if p_user = p_admin then
    raise exception 'an admin does not deactivate themselves' using errcode = 'P0001', hint = 'self';
  end if;
  select * into target from public.users where id = p_user for update;
  if target.id is null
    or not exists (select from public.user_roles r where r.user_id = p_user and r.role in ('staff', 'admin')) then
    raise exception 'no member of staff %', p_user using errcode = 'P0001', hint = 'not_staff';
  end if;
  if target.deactivated_at is not null then
    return false;
  end if;
  if exists (select from public.user_roles r where r.user_id = p_user and r.role = 'admin')
    and not exists (
      select from public.user_roles r join public.users u on u.id = r.user_id
      where r.role = 'admin' and u.id <> p_user and u.deactivated_at is null and u.password_hash is not null
    ) then
    raise exception 'the last admin stays' using errcode = 'P0001', hint = 'last_admin';
  end if;
  update public.users set deactivated_at = now(), deactivated_by = p_admin, password_hash = null where id = p_user;
  delete from public.sessions where user_id = p_user;
  delete from public.email_tokens where user_id = p_user and used_at is null;
  return true;
end
$$;
