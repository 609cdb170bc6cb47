-- Withdrawing a proposal tells the landlord (issue 17, item 5): staff's withdrawal, also
-- after the landlord said yes, queues a mail in the landlord's language, and the landlord's
-- link to the proposal shows that it was withdrawn instead of "page not found".

-- as before (20261126164000_matching.sql), and the landlord is mailed (proposal_withdrawn)
-- in the same transaction; a household cancelled by staff (set_household_status) withdraws
-- its proposals through this function, so that landlord hears of it too
create or replace function public.cancel_match(p_match uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
  d public.dwellings;
  l record;
begin
  update public.matches set status = 'cancelled', decided_at = now()
  where id = p_match and status in ('proposed', 'accepted_by_landlord')
  returning * into m;
  if m.id is null then
    return false;
  end if;
  update public.dwellings set status = 'approved' where id = m.dwelling_id and status = 'proposed';
  select * into d from public.dwellings where id = m.dwelling_id;
  select * into l from public.dwelling_landlord(m.dwelling_id);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'proposal_withdrawn', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'match_id', m.id),
      'proposal_withdrawn:' || m.id);
  end if;
  return true;
end
$$;

-- the return type changes (one more column), so the function is made anew
drop function public.proposal_for_landlord(uuid, uuid);

-- as before (20261126162000_dwelling_lifecycle.sql), and also a withdrawn (cancelled)
-- proposal, so the landlord's link says what happened; offer_withdrawn tells whether the
-- landlord's own withdrawal of the offer ended it (withdraw_dwelling) rather than staff
create function public.proposal_for_landlord(p_match uuid, p_landlord uuid)
returns table (
  match_id uuid, status public.match_status, dwelling_id uuid, address text,
  adults integer, elderly integer, children_ages integer[],
  needs_step_free boolean, has_pets boolean, expected_arrival date, languages text[],
  contact_name text, contact_phone text, offer_withdrawn boolean
)
language sql
stable
security definer
set search_path = ''
as $$
  select m.id, m.status, d.id, d.street || ', ' || d.place,
    (select count(*)::int from public.household_members x where x.household_id = h.id and x.age_band = 'adult'),
    (select count(*)::int from public.household_members x where x.household_id = h.id and x.age_band = 'elderly'),
    coalesce((select array_agg(x.age order by x.age) from public.household_members x
              where x.household_id = h.id and x.age_band = 'child'), '{}'),
    h.needs_step_free, h.has_pets, h.expected_arrival, h.languages,
    case when m.status = 'confirmed' then h.contact_name end,
    case when m.status = 'confirmed' then h.contact_phone end,
    d.status = 'withdrawn'
  from public.matches m
  join public.dwellings d on d.id = m.dwelling_id
  join public.households h on h.id = m.household_id
  where m.id = p_match and d.landlord_id = p_landlord
    and m.status in ('proposed', 'accepted_by_landlord', 'confirmed', 'declined', 'cancelled');
$$;
