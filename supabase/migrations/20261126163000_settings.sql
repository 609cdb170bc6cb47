-- Admin settings: the yearly target and the rent cap per household size, saved together
-- so a half-saved table of caps is never what matching and review see.
create function public.save_settings(p_year integer, p_target integer, p_rent_caps jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.yearly_targets (year, persons) values (p_year, p_target)
  on conflict (year) do update set persons = excluded.persons, updated_at = now();
  delete from public.rent_caps where true;
  insert into public.rent_caps (persons, max_rent_nok)
  select (c ->> 'persons')::int, (c ->> 'max_rent_nok')::int from jsonb_array_elements(p_rent_caps) c;
end
$$;
