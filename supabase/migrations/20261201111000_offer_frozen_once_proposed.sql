-- An offer's terms hold once it is proposed to a household: while the dwelling is
-- proposed (the landlord has not answered, or has accepted and staff have not confirmed)
-- and once it is let, nobody changes its rent, rooms, access, dates or address — the
-- landlord may withdraw, or ask staff. Confirming re-checks that the pair still fits (the
-- household may have grown since the proposal). Staff see what changed since they
-- approved an offer: the terms are kept as they were at approval.

-- ---------------------------------------------------------------------------
-- the terms of an offer
-- ---------------------------------------------------------------------------

-- what a match and the household's tenancy rest on: every field of the offer form but the
-- free-text description (which erasure blanks on a let dwelling)
create function public.dwelling_terms(d public.dwellings) returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'street', d.street, 'postcode', d.postcode, 'place', d.place, 'locality', d.locality,
    'bedrooms', d.bedrooms, 'beds', d.beds, 'max_occupants', d.max_occupants, 'size_m2', d.size_m2,
    'rent_nok', d.rent_nok, 'deposit_nok', d.deposit_nok,
    'rent_includes_electricity', d.rent_includes_electricity, 'rent_includes_internet', d.rent_includes_internet,
    'furnished', d.furnished, 'step_free', d.step_free, 'pets_allowed', d.pets_allowed,
    'smoking_allowed', d.smoking_allowed, 'available_from', d.available_from, 'available_until', d.available_until,
    'min_lease_months', d.min_lease_months, 'bus_stop_distance_m', d.bus_stop_distance_m,
    'bus_departures_per_weekday', d.bus_departures_per_weekday, 'fire_safety_confirmed', d.fire_safety_confirmed
  );
$$;

-- the terms as staff last approved them (null: never approved)
alter table public.dwellings add column approved_terms jsonb;

-- as before (20261126162000_dwelling_lifecycle.sql), and:
--   a proposed or let offer's terms are frozen, for every writer (the landlord's form,
--   staff's, a direct update): refused with hint dwelling_frozen, the fields in detail;
--   approval (submitted → approved) keeps the terms it approved in approved_terms.
create or replace function public.guard_dwelling_update() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  frozen text;
begin
  if old.status in ('proposed', 'let') then
    select string_agg(n.key, ',' order by n.key) into frozen
    from jsonb_each(public.dwelling_terms(new)) n
    where n.value is distinct from public.dwelling_terms(old) -> n.key;
    if frozen is not null then
      raise exception 'the terms of a % offer cannot change (%)', old.status, frozen
        using errcode = 'P0001', hint = 'dwelling_frozen', detail = frozen;
    end if;
  end if;
  if old.status = 'approved' and new.status = 'approved' and (
    new.bedrooms, new.beds, new.max_occupants, new.rent_nok, new.step_free, new.pets_allowed,
    new.available_from, new.available_until, new.locality, new.street, new.postcode, new.place
  ) is distinct from (
    old.bedrooms, old.beds, old.max_occupants, old.rent_nok, old.step_free, old.pets_allowed,
    old.available_from, old.available_until, old.locality, old.street, old.postcode, old.place
  ) then
    new.status := 'submitted';
    new.submitted_at := now();
  end if;
  if new.status is distinct from old.status and not public.dwelling_transition_allowed(old.status, new.status) then
    raise exception 'a dwelling cannot go from % to %', old.status, new.status
      using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  if old.status = 'submitted' and new.status = 'approved' then
    new.approved_terms := public.dwelling_terms(new);
  end if;
  new.updated_at := now();
  return new;
end
$$;

-- offers past approval today: their terms now are the best record of what was approved.
-- filling a derived column is no change of the offer: neither the guard (updated_at, the
-- "still available?" clock) nor the audit log sees it
alter table public.dwellings disable trigger dwellings_guard;
alter table public.dwellings disable trigger dwellings_audit;
update public.dwellings d set approved_terms = public.dwelling_terms(d) where d.status in ('approved', 'proposed', 'let');
alter table public.dwellings enable trigger dwellings_guard;
alter table public.dwellings enable trigger dwellings_audit;

-- ---------------------------------------------------------------------------
-- the hard constraints of a pair, as the matching engine has them
-- ---------------------------------------------------------------------------

-- the same rules as violations() in src/lib/server/matching/constraints.ts (but for
-- not_free, which is the state of the dwelling, not of the pair): too many persons for
-- the beds or the maximum occupants plus the admin's crowded margin, not free by the
-- expected arrival, free only until before it, not step-free when needed, no pets allowed
-- for a household with pets. tests/integration/constraints-parity.test.ts holds the two
-- to the same answers.
create function public.pair_violations(
  p_persons integer,
  p_needs_step_free boolean,
  p_has_pets boolean,
  p_expected_arrival date,
  p_beds integer,
  p_max_occupants integer,
  p_step_free boolean,
  p_pets_allowed boolean,
  p_available_from date,
  p_available_until date,
  p_crowded_margin integer
) returns text[]
language sql
immutable
set search_path = ''
as $$
  select array_remove(array[
    case when p_persons > coalesce(p_max_occupants, 0) + p_crowded_margin
           or p_persons > coalesce(p_beds, 0) + p_crowded_margin then 'too_small' end,
    case when p_expected_arrival is not null and coalesce(p_available_from, 'infinity'::date) > p_expected_arrival
      then 'not_available_in_time' end,
    case when p_expected_arrival is not null and p_available_until < p_expected_arrival then 'ends_before_arrival' end,
    case when p_needs_step_free and not p_step_free then 'not_step_free' end,
    case when p_has_pets and not p_pets_allowed then 'no_pets' end
  ], null);
$$;

-- the constraints a household and a dwelling break as they stand now
create function public.match_violations(p_household uuid, p_dwelling uuid) returns text[]
language sql
stable
security definer
set search_path = ''
as $$
  select public.pair_violations(
    (select count(*)::int from public.household_members x where x.household_id = h.id),
    h.needs_step_free, h.has_pets, h.expected_arrival,
    d.beds, d.max_occupants, d.step_free, d.pets_allowed, d.available_from, d.available_until,
    coalesce((select s.crowded_margin from public.municipality_settings s limit 1), 0)
  )
  from public.households h, public.dwellings d
  where h.id = p_household and d.id = p_dwelling;
$$;

-- as before (20261126164000_matching.sql), and:
--   the pair is checked again against the hard constraints, under locks on the match, the
--   dwelling and the household (a member added at the same moment waits: inserting one
--   takes a key-share lock on the household row): one that no longer fits is refused with
--   hint pair_infeasible and the broken constraints in detail, and nothing changes;
--   the landlord's mail is marked as carrying the household's contact person
--   (about_household_id, 20261201110000), so anonymisation finds it by that key.
create or replace function public.confirm_match(p_match uuid, p_staff uuid, p_origin text)
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
  broken text[];
begin
  select * into m from public.matches where id = p_match for update;
  select * into d from public.dwellings where id = m.dwelling_id for update;
  if m.id is null
     or not (m.status = 'accepted_by_landlord' or (m.status = 'proposed' and d.landlord_id is null)) then
    return false;
  end if;
  perform from public.households where id = m.household_id for update;
  broken := public.match_violations(m.household_id, m.dwelling_id);
  if cardinality(broken) > 0 then
    raise exception 'the household and the dwelling no longer fit: %', array_to_string(broken, ', ')
      using errcode = 'P0001', hint = 'pair_infeasible', detail = array_to_string(broken, ',');
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
    perform public.mark_mail_about(array['match_confirmed:' || p_match], null, h.id);
  end if;
  return true;
end
$$;
