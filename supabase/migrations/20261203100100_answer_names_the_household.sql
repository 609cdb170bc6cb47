-- The landlord's answer to a proposal, as staff hear of it, names the household and leads
-- to where staff confirm (issue 17, item 6): the mail "the landlord said yes — please
-- confirm" linked to the dwelling's page, which has no confirm button and does not say
-- which household. Its payload now carries the household and the household's IMDi
-- reference; the renderer links to the household's page (src/lib/server/mail/links.ts).

-- as before (20261202111000_mail_links_from_ids.sql), with the household and its reference
-- in the mail; the mail carries the household's reference, so it is marked as
-- about the household (about_household_id), which anonymisation empties it by
create or replace function public.answer_proposal(p_match uuid, p_landlord uuid, p_accept boolean, p_reason text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
  d public.dwellings;
  h public.households;
begin
  select * into m from public.matches where id = p_match for update;
  select * into d from public.dwellings where id = m.dwelling_id;
  if m.id is null or d.landlord_id is distinct from p_landlord or m.status <> 'proposed' then
    return false;
  end if;
  select * into h from public.households where id = m.household_id;
  update public.matches
  set status = case when p_accept then 'accepted_by_landlord'::public.match_status else 'declined' end,
      decline_reason = case when p_accept then '' else coalesce(p_reason, '') end,
      decided_at = now()
  where id = p_match;
  if not p_accept then
    update public.dwellings set status = 'approved' where id = d.id;
  end if;
  perform public.enqueue_to_staff_about('proposal_answered',
    jsonb_build_object('address', d.street || ', ' || d.place, 'accepted', p_accept,
                       'reason', coalesce(p_reason, ''), 'dwelling_id', d.id,
                       'household_id', h.id, 'reference', h.imdi_reference),
    'proposal_answered:' || p_match,
    d.landlord_id);
  -- enqueue_to_staff keys each member of staff's copy as '<key>:<their id>'
  update public.notifications set about_household_id = h.id
  where starts_with(idempotency_key, 'proposal_answered:' || p_match || ':');
  return true;
end
$$;

-- answers waiting in the outbox (not sent, not emptied) get the new shape: their key names the match
update public.notifications n
set payload = n.payload || jsonb_build_object('household_id', h.id, 'reference', h.imdi_reference),
    about_household_id = h.id
from public.matches m
join public.households h on h.id = m.household_id
where n.template = 'proposal_answered' and n.status <> 'sent' and n.payload <> '{}'
  and split_part(n.idempotency_key, ':', 2) = m.id::text;

