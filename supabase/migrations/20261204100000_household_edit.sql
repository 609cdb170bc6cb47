-- Staff put a household's record right (issue 17, item 1): a household could only be
-- cancelled after registration, and its IMDi reference is unique, so a wrong record could
-- not be corrected. Every field of the registration form and its members change in one
-- transaction; the audit triggers on households and household_members
-- (20261127100000_audit_privacy.sql) log each change with before, after and who made it.
-- Whether an open proposal still fits after the change is match_violations' answer (the
-- same check confirm_match makes), which the household's page asks.

-- a member's key in a comparison of two lists of members: its age band, and a child's age
-- (an adult's or an elderly person's age is not asked for by the form)
create function public.member_key(p_age_band public.age_band, p_age integer) returns text
language sql
immutable
set search_path = ''
as $$
  select p_age_band::text || ':' || coalesce(case when p_age_band = 'child' then p_age end::text, '');
$$;

-- staff change a household, from the registration form's json (as create_household reads
-- it) and its members ({age_band, age}, as on registration). false, and nothing changes,
-- when there is no such household or it is cancelled or anonymised: such a record is not
-- put right but left as it is. a reference another household has fails the unique index
-- (23505) and a household left without members fails as on registration (23514); either
-- way nothing changes. a member the new list still has (an adult, an elderly person, a
-- child of the same age) stays as it is, with its name and relation; only the others are
-- removed or added, so the log shows who left the record and who came into it. the row
-- lock makes a confirmation at the same moment (confirm_match locks the household too)
-- wait and check the pair against the household as it is now.
create function public.update_household(p_household uuid, p_fields jsonb, p_members jsonb)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  h public.households;
begin
  select * into h from public.households where id = p_household for update;
  if h.id is null or h.status = 'cancelled' or h.anonymised_at is not null then
    return false;
  end if;

  update public.households set
    imdi_reference = p_fields ->> 'imdi_reference',
    category = (p_fields ->> 'category')::public.household_category,
    contact_name = coalesce(p_fields ->> 'contact_name', ''),
    contact_phone = coalesce(p_fields ->> 'contact_phone', ''),
    languages = coalesce(array(select jsonb_array_elements_text(p_fields -> 'languages')), '{}'),
    needs_step_free = coalesce((p_fields ->> 'needs_step_free')::boolean, false),
    needs_near_health_centre = coalesce((p_fields ->> 'needs_near_health_centre')::boolean, false),
    needs_ground_floor = coalesce((p_fields ->> 'needs_ground_floor')::boolean, false),
    has_pets = coalesce((p_fields ->> 'has_pets')::boolean, false),
    preferred_localities = coalesce(array(select jsonb_array_elements_text(p_fields -> 'preferred_localities')), '{}'),
    expected_arrival = (p_fields ->> 'expected_arrival')::date,
    staff_note = coalesce(p_fields ->> 'staff_note', ''),
    updated_at = now()
  where id = p_household;

  -- the members the new list no longer has: of each key, those beyond the new count
  delete from public.household_members x
  using (
    select y.id, row_number() over (partition by public.member_key(y.age_band, y.age) order by y.id) as n,
      public.member_key(y.age_band, y.age) as k
    from public.household_members y where y.household_id = p_household
  ) have
  where x.id = have.id
    and have.n > (select count(*) from jsonb_array_elements(p_members) w
                  where public.member_key((w ->> 'age_band')::public.age_band, (w ->> 'age')::int) = have.k);

  -- the members the record lacks: of each key, those beyond the count it still has
  insert into public.household_members (household_id, age_band, age, relation)
  select p_household, want.age_band, want.age, coalesce(want.relation, '')
  from (
    select (w ->> 'age_band')::public.age_band as age_band,
      case when w ->> 'age_band' = 'child' then (w ->> 'age')::int end as age,
      w ->> 'relation' as relation,
      row_number() over (partition by public.member_key((w ->> 'age_band')::public.age_band, (w ->> 'age')::int)) as n
    from jsonb_array_elements(p_members) w
  ) want
  where want.n > (select count(*) from public.household_members x
                  where x.household_id = p_household and public.member_key(x.age_band, x.age) = public.member_key(want.age_band, want.age));

  if not exists (select from public.household_members where household_id = p_household) then
    raise exception 'a household has at least one member' using errcode = '23514';
  end if;
  return true;
end
$$;
