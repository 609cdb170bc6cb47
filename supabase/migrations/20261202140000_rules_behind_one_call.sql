-- Two rules that sat in routes move behind one call each (issue 16, item 5): sending in an
-- offer saves and submits in one transaction, and which volunteer may read a task's exact
-- address is decided here, not in the page.

-- save an offer's terms and send it in, all or nothing: a refused submit (not verified, not
-- complete, a status that cannot be sent in, frozen terms) leaves the offer as it was, and
-- a new offer is not left behind as a draft. p_dwelling null makes a new offer; p_landlord
-- null is the municipality's own (staff). Returns the offer's id, or null when p_dwelling
-- is not this owner's. Only the form's fields are taken from p_fields: never the status,
-- the owner or what staff set.
create function public.save_and_submit_dwelling(p_dwelling uuid, p_landlord uuid, p_fields jsonb)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  v_id := p_dwelling;
  if v_id is null then
    -- a new offer starts as a draft of the columns' defaults; the update below fills it in
    insert into public.dwellings (landlord_id, status) values (p_landlord, 'draft') returning id into v_id;
  end if;
  -- the owner is named in the update itself, so another landlord's id finds nothing
  update public.dwellings d set (
    street, postcode, place, locality, bedrooms, beds, max_occupants, size_m2, rent_nok, deposit_nok,
    rent_includes_electricity, rent_includes_internet, furnished, step_free, pets_allowed,
    smoking_allowed, available_from, available_until, min_lease_months, bus_stop_distance_m,
    bus_departures_per_weekday, description, fire_safety_confirmed
  ) = (
    select f.street, f.postcode, f.place, f.locality, f.bedrooms, f.beds, f.max_occupants, f.size_m2,
      f.rent_nok, f.deposit_nok, f.rent_includes_electricity, f.rent_includes_internet, f.furnished,
      f.step_free, f.pets_allowed, f.smoking_allowed, f.available_from, f.available_until,
      f.min_lease_months, f.bus_stop_distance_m, f.bus_departures_per_weekday, f.description,
      f.fire_safety_confirmed
    from jsonb_populate_record(d, p_fields) f
  )
  where d.id = v_id and d.landlord_id is not distinct from p_landlord
  returning d.id into v_id;
  if v_id is null then
    return null;
  end if;
  -- raises on a refusal, which undoes the save above with it
  perform public.submit_dwelling(v_id);
  return v_id;
end
$$;

-- the exact address of a task, for one volunteer: only with a confirmed place, and only from
-- 48 hours before the start; null otherwise (also for an unknown task)
create function public.task_address_for(p_task uuid, p_volunteer uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select t.address
  from public.tasks t
  where t.id = p_task
    and now() >= t.starts_at - interval '48 hours'
    and exists (
      select from public.signups s
      where s.task_id = t.id and s.volunteer_id = p_volunteer and s.status = 'confirmed'
    );
$$;
