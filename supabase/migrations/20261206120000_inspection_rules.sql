-- Found in the review of issue 20. A failed inspection of an *approved* offer sends it back
-- to the landlord (record_inspection), but set it straight from approved to needs_changes,
-- which the lifecycle has no step for (dwelling_transition_allowed, and its test): the
-- dwelling's guard refused it and the whole visit was lost (a 500). The visit now takes the
-- offer back to review first, then to needs changes, by the steps the lifecycle has;
-- otherwise record_inspection is as it was (20261206070000_inspections.sql).
create or replace function public.record_inspection(
  p_dwelling uuid,
  p_staff uuid,
  p_inspected_on date,
  p_findings jsonb,
  p_remarks text
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
  new_id uuid;
  failed text[];
  sent_back boolean := false;
begin
  select * into d from public.dwellings where id = p_dwelling for update;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  if d.status = 'draft' then
    raise exception 'a draft is not inspected' using errcode = 'P0001', hint = 'inspection_draft';
  end if;
  if (select count(distinct f ->> 'item') from jsonb_array_elements(p_findings) f) <> cardinality(enum_range(null::public.inspection_item))
     or jsonb_array_length(p_findings) <> cardinality(enum_range(null::public.inspection_item)) then
    raise exception 'every item has one finding' using errcode = '22023';
  end if;
  select coalesce(array_agg(f ->> 'item' order by (f ->> 'item')::public.inspection_item), '{}') into failed
  from jsonb_array_elements(p_findings) f where f ->> 'result' = 'failed';

  insert into public.inspections (dwelling_id, inspected_on, inspector_id, remarks, passed)
  values (p_dwelling, p_inspected_on, p_staff, coalesce(btrim(p_remarks), ''), cardinality(failed) = 0)
  returning id into new_id;
  insert into public.inspection_findings (inspection_id, item, result, note)
  select new_id, (f ->> 'item')::public.inspection_item, (f ->> 'result')::public.inspection_result, coalesce(btrim(f ->> 'note'), '')
  from jsonb_array_elements(p_findings) f;

  if cardinality(failed) > 0 and d.status in ('submitted', 'approved') then
    -- an approved offer goes back to review first: the lifecycle has no step straight from
    -- approved to needs_changes (a landlord's changed offer goes the same way)
    if d.status = 'approved' then
      update public.dwellings set status = 'submitted' where id = p_dwelling;
    end if;
    update public.dwellings
    set status = 'needs_changes', review_message = coalesce(btrim(p_remarks), ''), reviewed_at = now(), reviewed_by = p_staff
    where id = p_dwelling
    returning * into d;
    sent_back := true;
    select * into l from public.dwelling_landlord(p_dwelling);
    if l.email is not null then
      -- the items go as keys: the mail names them in the landlord's language, with staff's notes
      perform public.enqueue_notification(l.email, 'dwelling_reviewed', l.locale,
        jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                           'decision', 'needs_changes', 'message', coalesce(btrim(p_remarks), ''),
                           'dwelling_id', d.id,
                           'failed', (select coalesce(jsonb_agg(jsonb_build_object('item', f ->> 'item', 'note', coalesce(btrim(f ->> 'note'), ''))
                                                                order by (f ->> 'item')::public.inspection_item), '[]')
                                      from jsonb_array_elements(p_findings) f where f ->> 'result' = 'failed')),
        'dwelling_reviewed:' || d.id || ':' || extract(epoch from d.reviewed_at)::bigint);
    end if;
  end if;
  return jsonb_build_object('id', new_id, 'sent_back', sent_back);
end
$$;

-- a failed item says what to mend: the landlord's mail and page name it with its note (the
-- form asked for one; now the database does too)
alter table public.inspection_findings
  add constraint inspection_findings_failed_has_note check (result <> 'failed' or btrim(note) <> '');
