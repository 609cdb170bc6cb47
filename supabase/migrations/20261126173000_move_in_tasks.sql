-- From a confirmed match, the usual move-in tasks in one click: furniture the day before,
-- move-in help on the day, a guide for the first week. Pre-filled with the date, the place
-- and the household's languages; created once per match (a second click does nothing).
alter table public.tasks add column match_id uuid references public.matches (id) on delete set null;
create unique index tasks_one_of_each_kind_per_match on public.tasks (match_id, type) where match_id is not null;

create function public.create_move_in_tasks(p_match uuid, p_staff uuid)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
  h public.households;
  d public.dwellings;
  arrival date;
  at_ten timestamptz;
  created integer;
begin
  select * into m from public.matches where id = p_match and status = 'confirmed';
  if m.id is null then
    return 0;
  end if;
  select * into h from public.households where id = m.household_id;
  select * into d from public.dwellings where id = m.dwelling_id;
  arrival := greatest(coalesce(h.expected_arrival, current_date + 7), current_date + 2);
  -- 10:00 Norwegian time on the day of arrival
  at_ten := (arrival::timestamp + time '10:00') at time zone 'Europe/Oslo';
  insert into public.tasks (type, title, description, starts_at, ends_at, locality, address, household_id,
                            needed_languages, needed_skills, volunteers_needed, created_by, match_id)
  values
    ('furniture', 'Hente møblar', 'Hente og bere inn møblar før familien kjem.',
     at_ten - interval '1 day', at_ten - interval '1 day' + interval '4 hours', d.locality, d.street || ', ' || d.place,
     h.id, '{}', array['van_trailer', 'driving_licence'], 2, p_staff, p_match),
    ('move_in', 'Hjelp til innflytting', 'Ta imot familien og hjelpe dei å kome i orden.',
     at_ten, at_ten + interval '4 hours', d.locality, d.street || ', ' || d.place,
     h.id, h.languages, '{}', 2, p_staff, p_match),
    ('guide', 'Vegvisar første veka', 'Vise veg til butikk, buss, skule og helsestasjon.',
     at_ten + interval '2 days', at_ten + interval '2 days' + interval '3 hours', d.locality, d.street || ', ' || d.place,
     h.id, h.languages, '{}', 1, p_staff, p_match)
  on conflict do nothing;
  get diagnostics created = row_count;
  return created;
end
$$;
