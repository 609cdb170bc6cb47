-- Households, proposals and confirmed matches: each step is one function, so the match,
-- the dwelling's and household's states, the district's places and the mails change
-- together. Two staff proposing the same dwelling at once: the partial unique indexes on
-- matches let exactly one through; the other gets unique_violation (23505).

-- a household with its members, from one json object (the registration form)
create function public.create_household(p_household jsonb, p_members jsonb)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_id uuid;
begin
  insert into public.households (
    imdi_reference, category, contact_name, contact_phone, languages,
    needs_step_free, needs_near_health_centre, needs_ground_floor, has_pets,
    preferred_localities, expected_arrival, staff_note
  )
  select
    p_household ->> 'imdi_reference',
    (p_household ->> 'category')::public.household_category,
    coalesce(p_household ->> 'contact_name', ''),
    coalesce(p_household ->> 'contact_phone', ''),
    coalesce(array(select jsonb_array_elements_text(p_household -> 'languages')), '{}'),
    coalesce((p_household ->> 'needs_step_free')::boolean, false),
    coalesce((p_household ->> 'needs_near_health_centre')::boolean, false),
    coalesce((p_household ->> 'needs_ground_floor')::boolean, false),
    coalesce((p_household ->> 'has_pets')::boolean, false),
    coalesce(array(select jsonb_array_elements_text(p_household -> 'preferred_localities')), '{}'),
    (p_household ->> 'expected_arrival')::date,
    coalesce(p_household ->> 'staff_note', '')
  returning id into new_id;

  insert into public.household_members (household_id, age_band, age, relation)
  select new_id, (m ->> 'age_band')::public.age_band, (m ->> 'age')::int, coalesce(m ->> 'relation', '')
  from jsonb_array_elements(p_members) m;

  if not exists (select from public.household_members where household_id = new_id) then
    raise exception 'a household has at least one member' using errcode = '23514';
  end if;
  return new_id;
end
$$;

-- many households at once (a csv import): all of them, or none
create function public.import_households(p_households jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  h jsonb;
  n integer := 0;
begin
  for h in select * from jsonb_array_elements(p_households) loop
    perform public.create_household(h, h -> 'members');
    n := n + 1;
  end loop;
  return n;
end
$$;

-- staff propose a dwelling to a household; the landlord is asked by mail
create function public.propose_match(
  p_household uuid, p_dwelling uuid, p_staff uuid, p_score numeric, p_reasons jsonb, p_origin text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_id uuid;
  d public.dwellings;
  l record;
begin
  if not exists (select from public.households where id = p_household and status = 'expected') then
    raise exception 'household % is not waiting for a dwelling', p_household
      using errcode = 'P0001', hint = 'household_not_expected';
  end if;
  -- the trigger on matches checks (with a row lock) that the dwelling is approved
  insert into public.matches (household_id, dwelling_id, status, score, reasons, proposed_by)
  values (p_household, p_dwelling, 'proposed', p_score, coalesce(p_reasons, '[]'), p_staff)
  returning id into new_id;
  update public.dwellings set status = 'proposed' where id = p_dwelling returning * into d;

  select * into l from public.dwelling_landlord(p_dwelling);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'proposal_waiting', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'url', p_origin || '/landlord/proposals/' || new_id),
      'proposal_waiting:' || new_id);
  end if;
  return new_id;
end
$$;

-- staff confirm: the dwelling is let, the household matched, the district's places used,
-- and the landlord gets the household's contact person. a municipal dwelling (no landlord)
-- needs no acceptance first.
create function public.confirm_match(p_match uuid, p_staff uuid, p_origin text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
  d public.dwellings;
  h public.households;
  l record;
begin
  select * into m from public.matches where id = p_match for update;
  select * into d from public.dwellings where id = m.dwelling_id for update;
  if m.id is null
     or not (m.status = 'accepted_by_landlord' or (m.status = 'proposed' and d.landlord_id is null)) then
    return false;
  end if;
  update public.matches set status = 'confirmed', decided_at = now() where id = p_match;
  update public.dwellings set status = 'let' where id = d.id;
  update public.households set status = 'matched', updated_at = now() where id = m.household_id
  returning * into h;

  -- the children take their places in the district's schools and kindergartens
  if d.district_id is not null then
    update public.districts dist set
      kindergarten_places = greatest(0, dist.kindergarten_places - c.kindergarten),
      primary_school_places = greatest(0, dist.primary_school_places - c.primary_school),
      lower_secondary_places = greatest(0, dist.lower_secondary_places - c.lower_secondary),
      updated_at = now()
    from (
      select
        count(*) filter (where age between 1 and 5) as kindergarten,
        count(*) filter (where age between 6 and 12) as primary_school,
        count(*) filter (where age between 13 and 15) as lower_secondary
      from public.household_members where household_id = h.id and age_band = 'child'
    ) c
    where dist.id = d.district_id;
  end if;

  select * into l from public.dwelling_landlord(d.id);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'match_confirmed', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'contact_name', h.contact_name, 'contact_phone', h.contact_phone,
                         'url', p_origin || '/landlord/proposals/' || p_match),
      'match_confirmed:' || p_match);
  end if;
  return true;
end
$$;

-- staff withdraw a proposal that has not been confirmed: the dwelling is free again
create function public.cancel_match(p_match uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
begin
  update public.matches set status = 'cancelled', decided_at = now()
  where id = p_match and status in ('proposed', 'accepted_by_landlord')
  returning * into m;
  if m.id is null then
    return false;
  end if;
  update public.dwellings set status = 'approved' where id = m.dwelling_id and status = 'proposed';
  return true;
end
$$;

-- a household's later steps: contract signed, settled (with the date: it triggers the
-- state grant), or cancelled
create function public.set_household_status(p_household uuid, p_status public.household_status, p_settled_on date)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  h public.households;
begin
  select * into h from public.households where id = p_household for update;
  if h.id is null or not (
    (h.status, p_status) in (('matched', 'contract_signed'), ('contract_signed', 'settled'), ('matched', 'settled'),
                             ('expected', 'cancelled'), ('matched', 'cancelled'), ('contract_signed', 'cancelled'))
  ) then
    return false;
  end if;
  update public.households
  set status = p_status, settled_on = case when p_status = 'settled' then p_settled_on else settled_on end, updated_at = now()
  where id = p_household;
  if p_status = 'cancelled' then
    perform public.cancel_match(m.id) from public.matches m
    where m.household_id = p_household and m.status in ('proposed', 'accepted_by_landlord');
  end if;
  return true;
end
$$;
