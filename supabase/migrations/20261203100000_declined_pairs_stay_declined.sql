-- A pair the landlord declined is not suggested or proposed again (issue 17, item 4).
-- When a landlord says no to a household for a dwelling, that pair (household, dwelling)
-- stays closed: the matching engine gets the closed pairs with its input
-- (declined_pairs(), read by src/lib/server/db/matching.ts), and a proposal of a closed
-- pair is refused here, whichever path makes it. Staff may reopen a declined pair from the
-- household's page (reopen_declined_pair); it is then suggested and proposed as any other.

-- who reopened a declined pair and when; a declined match without it keeps its pair closed.
-- only a declined match is reopened (a proposal that is still open has nothing to reopen)
alter table public.matches
  add column reopened_at timestamptz,
  add column reopened_by uuid references public.users (id) on delete set null,
  add constraint matches_reopened_when_declined check (reopened_at is null or status = 'declined');

-- the closed pairs, found by pair (the trigger below) and by household (the page)
create index matches_closed_pairs on public.matches (household_id, dwelling_id)
  where status = 'declined' and reopened_at is null;

-- whether the landlord declined this household for this dwelling and staff have not
-- reopened the pair since
create function public.pair_declined(p_household uuid, p_dwelling uuid) returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select from public.matches m
    where m.household_id = p_household and m.dwelling_id = p_dwelling
      and m.status = 'declined' and m.reopened_at is null
  );
$$;

-- a closed pair is never proposed again, by the household page, the batch page or any
-- other caller of propose_match: the proposal is refused with its own hint
create function public.guard_match_declined() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if public.pair_declined(new.household_id, new.dwelling_id) then
    raise exception 'the landlord declined dwelling % for household %; staff must reopen the pair first', new.dwelling_id, new.household_id
      using errcode = 'P0001', hint = 'pair_declined';
  end if;
  return new;
end
$$;

create trigger matches_guard_declined before insert on public.matches
  for each row when (new.status = 'proposed') execute function public.guard_match_declined();

-- staff reopen a declined pair: every declined match of the pair is marked reopened (by
-- whom, when), so the pair may be suggested and proposed again. false when the match is
-- not a declined one of this household (the page it was asked from)
create function public.reopen_declined_pair(p_household uuid, p_match uuid, p_staff uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
begin
  select * into m from public.matches
  where id = p_match and household_id = p_household and status = 'declined'
  for update;
  if m.id is null then
    return false;
  end if;
  update public.matches set reopened_at = now(), reopened_by = p_staff
  where household_id = m.household_id and dwelling_id = m.dwelling_id
    and status = 'declined' and reopened_at is null;
  return true;
end
$$;

-- the closed pairs of the households still waiting (all of them, for the matching pages),
-- or of one household (its page, with the reopen buttons): the matching engine's input
create function public.declined_pairs(p_household uuid default null) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(distinct jsonb_build_object('household_id', m.household_id, 'dwelling_id', m.dwelling_id)), '[]')
  from public.matches m
  join public.households h on h.id = m.household_id
  where m.status = 'declined' and m.reopened_at is null
    and case when p_household is null then h.status = 'expected' else m.household_id = p_household end;
$$;
