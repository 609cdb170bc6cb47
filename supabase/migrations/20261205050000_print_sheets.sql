-- issue 18: a household's move-in sheet to print: its contact and arrival, the home it was
-- confirmed for with the landlord's contact, and its tasks with the volunteers signed up.
-- It reads personal data, so the read is logged, in the same transaction, as
-- read_household logs it. null: no such household.
create function public.household_sheet(p_household uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  sheet jsonb;
begin
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'household', p_household::text);
  select jsonb_build_object(
      'id', h.id, 'imdi_reference', h.imdi_reference, 'contact_name', h.contact_name, 'contact_phone', h.contact_phone,
      'expected_arrival', h.expected_arrival, 'status', h.status,
      'persons', (select count(*) from public.household_members m where m.household_id = h.id),
      'dwelling', (
        select jsonb_build_object('street', d.street, 'postcode', d.postcode, 'place', d.place,
                                  'landlord_name', u.display_name, 'landlord_email', u.email, 'landlord_phone', u.phone)
        from public.matches m join public.dwellings d on d.id = m.dwelling_id left join public.users u on u.id = d.landlord_id
        where m.household_id = h.id and m.status = 'confirmed'
        order by m.created_at desc limit 1
      ),
      'tasks', coalesce((
        select jsonb_agg(jsonb_build_object('id', t.id, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                                            'address', t.address, 'status', t.status,
                                            'volunteers', public.task_sheet_volunteers(t.id)) order by t.starts_at)
        from public.tasks t where t.household_id = h.id and t.status <> 'cancelled'
      ), '[]')
    )
  into sheet
  from public.households h where h.id = p_household;
  return sheet;
end
$$;

-- the volunteers signed up for a task, with a phone to reach them, for the printed sheets
create function public.task_sheet_volunteers(p_task uuid) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('name', u.display_name, 'phone', p.phone, 'email', u.email) order by s.joined_at), '[]')
  from public.signups s join public.users u on u.id = s.volunteer_id
  left join public.volunteer_profiles p on p.user_id = s.volunteer_id
  where s.task_id = p_task and s.status = 'confirmed';
$$;

-- a task's sheet to print: when, where, what, the volunteers, and the household's contact
-- when the task is for a household (then the read of the household is logged). null: no
-- such task.
create function public.task_sheet(p_task uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  sheet jsonb;
  for_household uuid;
begin
  select t.household_id into for_household from public.tasks t where t.id = p_task;
  if for_household is not null then
    insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'household', for_household::text);
  end if;
  select jsonb_build_object(
      'id', t.id, 'title', t.title, 'type', t.type, 'description', t.description, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
      'address', t.address, 'locality', t.locality, 'volunteers_needed', t.volunteers_needed, 'status', t.status,
      'volunteers', public.task_sheet_volunteers(t.id),
      'household', (select jsonb_build_object('id', h.id, 'contact_name', h.contact_name, 'contact_phone', h.contact_phone)
                    from public.households h where h.id = t.household_id)
    )
  into sheet
  from public.tasks t where t.id = p_task;
  return sheet;
end
$$;
