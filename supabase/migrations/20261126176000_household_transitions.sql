-- A household's status moves only along expected → matched → contract_signed → settled,
-- or to cancelled. The functions already keep to it; the trigger keeps every other path
-- (a direct update, a later function) to it too.
create function public.guard_household_status() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and (old.status, new.status) not in (
    ('expected', 'matched'), ('expected', 'cancelled'),
    ('matched', 'contract_signed'), ('matched', 'settled'), ('matched', 'cancelled'),
    ('contract_signed', 'settled'), ('contract_signed', 'cancelled')
  ) then
    raise exception 'a household cannot go from % to %', old.status, new.status
      using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  return new;
end
$$;

create trigger households_status_guard before update of status on public.households
  for each row execute function public.guard_household_status();
