-- Offering a dwelling and signing up for a task wait for a verified e-mail address. The
-- app checks it too, but the rule belongs here, where no code path can skip it.

-- a landlord's offer is sent in (to review) only once the landlord's address is verified
create function public.require_verified_landlord() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'submitted' and (tg_op = 'INSERT' or new.status is distinct from old.status) and new.landlord_id is not null
     and not exists (select from public.users u where u.id = new.landlord_id and u.email_verified_at is not null) then
    raise exception 'the landlord has not verified their e-mail address'
      using errcode = 'P0001', hint = 'unverified';
  end if;
  return new;
end
$$;

create trigger dwellings_verified_landlord before insert or update of status on public.dwellings
  for each row execute function public.require_verified_landlord();

-- a volunteer takes a place or a waitlist spot only with a verified address
create function public.require_verified_volunteer() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status in ('confirmed', 'waitlisted')
     and not exists (select from public.users u where u.id = new.volunteer_id and u.email_verified_at is not null) then
    raise exception 'the volunteer has not verified their e-mail address'
      using errcode = 'P0001', hint = 'unverified';
  end if;
  return new;
end
$$;

create trigger signups_verified_volunteer before insert or update of status on public.signups
  for each row execute function public.require_verified_volunteer();
