-- Staff book the inspection of an offer by phone (issue 17, item 2): a landlord has a phone
-- number, kept on their account (the account page is where it is entered and changed), and
-- no offer of a landlord is sent in without it. Staff's page of a dwelling names the
-- landlord with their e-mail and phone. The number is part of the users row: the data
-- download reads it (src/lib/server/db/privacy.ts) and erase_account deletes it with the row.

-- the landlord's phone: blank until given; digits, spaces, +, ( ) and - as on the volunteer's
-- profile. Volunteers keep theirs on their profile (volunteer_profiles.phone), as before.
alter table public.users
  add column phone text not null default ''
    check (length(phone) <= 40 and phone ~ '^[+0-9 ()-]*$');

-- as before (20261202111000_mail_links_from_ids.sql), and refused (hint
-- landlord_phone_missing) when the offer is a landlord's and they have given no phone:
-- staff could not book the inspection. save_and_submit_dwelling calls this, so a refused
-- send saves nothing there either. The municipality's own offers (no landlord) need none.
create or replace function public.submit_dwelling(p_dwelling uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
begin
  select * into d from public.dwellings where id = p_dwelling for update;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  if not 'submit' = any (public.dwelling_actions(d.status)) then
    raise exception 'a % offer cannot be sent in', d.status using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  if d.landlord_id is not null
    and (select btrim(u.phone) from public.users u where u.id = d.landlord_id) = '' then
    raise exception 'the landlord of % has given no phone number', p_dwelling
      using errcode = 'P0001', hint = 'landlord_phone_missing';
  end if;
  update public.dwellings set status = 'submitted', submitted_at = now()
  where id = p_dwelling
  returning * into d;
  select * into l from public.dwelling_landlord(p_dwelling);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'dwelling_received', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'dwelling_id', d.id),
      'dwelling_received:' || d.id || ':' || extract(epoch from d.submitted_at)::bigint);
  end if;
  perform public.enqueue_to_staff_about('dwelling_to_review',
    jsonb_build_object('address', d.street || ', ' || d.place, 'locality', d.locality,
                       'dwelling_id', d.id),
    'dwelling_to_review:' || d.id || ':' || extract(epoch from d.submitted_at)::bigint,
    d.landlord_id);
end
$$;

-- as before (20261127110000_page_reads.sql), with the landlord who offers it: name, e-mail
-- and phone, for booking the inspection (null for the municipality's own). The read is
-- logged as before.
create or replace function public.staff_dwelling_page(p_dwelling uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (select from public.dwellings d where d.id = p_dwelling) then
    return null;
  end if;
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'dwelling', p_dwelling::text);
  return public.dwelling_lookups() || jsonb_build_object(
    'dwelling', public.staff_dwelling_json(p_dwelling),
    'landlord', (
      select jsonb_build_object('display_name', u.display_name, 'email', u.email, 'phone', u.phone)
      from public.dwellings d join public.users u on u.id = d.landlord_id
      where d.id = p_dwelling
    )
  );
end
$$;
