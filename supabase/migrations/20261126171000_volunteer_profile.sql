-- A volunteer's profile and languages saved together, so a half-saved language list is
-- never what task suggestions see.
alter table public.volunteer_profiles
  add column dates_away text not null default '' check (length(dates_away) <= 500),
  add column contact_by_sms boolean not null default false;

create function public.save_volunteer_profile(p_user uuid, p_profile jsonb, p_languages jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.volunteer_profiles (user_id, phone, skills, localities, availability, max_tasks_per_month, dates_away, contact_by_sms)
  values (
    p_user,
    coalesce(p_profile ->> 'phone', ''),
    coalesce(array(select jsonb_array_elements_text(p_profile -> 'skills')), '{}'),
    coalesce(array(select jsonb_array_elements_text(p_profile -> 'localities')), '{}'),
    coalesce(p_profile -> 'availability', '{}'),
    coalesce((p_profile ->> 'max_tasks_per_month')::int, 4),
    coalesce(p_profile ->> 'dates_away', ''),
    coalesce((p_profile ->> 'contact_by_sms')::boolean, false)
  )
  on conflict (user_id) do update set
    phone = excluded.phone, skills = excluded.skills, localities = excluded.localities,
    availability = excluded.availability, max_tasks_per_month = excluded.max_tasks_per_month,
    dates_away = excluded.dates_away, contact_by_sms = excluded.contact_by_sms, updated_at = now();
  delete from public.volunteer_languages where user_id = p_user;
  insert into public.volunteer_languages (user_id, language, level, interpreting)
  select p_user, l ->> 'language', (l ->> 'level')::public.language_level, coalesce((l ->> 'interpreting')::boolean, false)
  from jsonb_array_elements(p_languages) l;
end
$$;
