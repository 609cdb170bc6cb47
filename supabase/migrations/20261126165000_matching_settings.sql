-- The admin's matching settings: how much each part of the score weighs (null: the
-- documented defaults) next to the crowded margin already in municipality_settings.
alter table public.municipality_settings add column matching_weights jsonb;

-- the weights are numbers from 0 to 100, one per score part (a check constraint cannot
-- hold a subquery, so the test is a function)
create function public.valid_matching_weights(p_weights jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(p_weights) = 'object' and coalesce((
    select bool_and(jsonb_typeof(v) = 'number' and (v::text)::numeric between 0 and 100
                    and k in ('school', 'rent', 'bus', 'bedrooms', 'locality', 'language'))
    from jsonb_each(p_weights) as w (k, v)
  ), true)
$$;

alter table public.municipality_settings add constraint municipality_settings_weights
  check (matching_weights is null or public.valid_matching_weights(matching_weights));

create function public.save_matching_settings(p_crowded_margin integer, p_weights jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.municipality_settings
  set crowded_margin = p_crowded_margin, matching_weights = p_weights, updated_at = now()
  where id;
$$;
