-- the caseworker responsible for a household's case (issue 18): set and changed by staff, shown
-- in lists and used to filter "needs action" to "mine"; an erased staff account leaves the
-- household without one rather than blocking the erasure
alter table public.households
  add column caseworker_id uuid references public.users (id) on delete set null;

-- "mine" filters and the household list's caseworker column read by it
create index households_caseworker on public.households (caseworker_id) where caseworker_id is not null;
