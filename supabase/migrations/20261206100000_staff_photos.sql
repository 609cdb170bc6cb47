-- Issue 20, items 1 and 2: staff add the municipality's own photos of a dwelling — most of
-- them taken at an inspection, so a photo may belong to one visit. They are a set of their
-- own beside the landlord's: up to 12 each, each set in its own order, and a landlord neither
-- sees nor changes the municipality's (a photo of a defect, or of a home a family lives in).

-- which set a photo is in, and the visit it was taken at (only the municipality's are)
alter table public.dwelling_photos
  add column by_staff boolean not null default false,
  add column inspection_id uuid references public.inspections (id) on delete set null,
  add constraint dwelling_photos_visit_is_staffs check (inspection_id is null or by_staff);

-- each set has its own places 1 to 12 (still checked at commit, for the swaps)
alter table public.dwelling_photos drop constraint dwelling_photos_one_per_place;
alter table public.dwelling_photos
  add constraint dwelling_photos_one_per_place unique (dwelling_id, by_staff, position) deferrable initially deferred;
-- a visit's photos, for its list on the dwelling's page
create index dwelling_photos_inspection on public.dwelling_photos (inspection_id) where inspection_id is not null;

-- the functions take the set: the landlord's page passes false, so it cannot reach the
-- municipality's photos by their ids
drop function public.add_dwelling_photo(uuid, uuid, uuid, integer, integer, text);
drop function public.move_dwelling_photo(uuid, uuid, boolean);
drop function public.remove_dwelling_photo(uuid, uuid);

-- a photo stored: its row at the end of its set, unless the set has 12 already (hint
-- photo_limit), or the visit is not this dwelling's (hint photo_visit); the dwelling's row is
-- locked, so two uploads at once cannot both be the 12th
create function public.add_dwelling_photo(
  p_dwelling uuid, p_photo uuid, p_by uuid, p_width integer, p_height integer, p_caption text,
  p_by_staff boolean default false, p_inspection uuid default null
) returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  taken integer;
begin
  perform 1 from public.dwellings where id = p_dwelling for update;
  if not found then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  if p_inspection is not null
     and not exists (select 1 from public.inspections i where i.id = p_inspection and i.dwelling_id = p_dwelling) then
    raise exception 'no such inspection of this dwelling' using errcode = 'P0001', hint = 'photo_visit';
  end if;
  select count(*) into taken from public.dwelling_photos where dwelling_id = p_dwelling and by_staff = p_by_staff;
  if taken >= 12 then
    raise exception 'a dwelling has at most 12 photos in each set' using errcode = 'P0001', hint = 'photo_limit';
  end if;
  insert into public.dwelling_photos (id, dwelling_id, position, caption, width, height, added_by, by_staff, inspection_id)
  values (p_photo, p_dwelling, taken + 1, coalesce(btrim(p_caption), ''), p_width, p_height, p_by, p_by_staff,
          case when p_by_staff then p_inspection end);
  return taken + 1;
end
$$;

-- a photo one place earlier (p_up) or later in its set, swapping with its neighbour; false:
-- it is already first or last, or there is no such photo of that dwelling in that set
create function public.move_dwelling_photo(p_dwelling uuid, p_photo uuid, p_up boolean, p_by_staff boolean default false)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  here integer;
  there integer;
begin
  perform 1 from public.dwellings where id = p_dwelling for update;
  select position into here from public.dwelling_photos
  where id = p_photo and dwelling_id = p_dwelling and by_staff = p_by_staff;
  if here is null then
    return false;
  end if;
  there := case when p_up then here - 1 else here + 1 end;
  update public.dwelling_photos set position = here
  where dwelling_id = p_dwelling and by_staff = p_by_staff and position = there;
  if not found then
    return false;
  end if;
  update public.dwelling_photos set position = there where id = p_photo;
  return true;
end
$$;

-- a photo removed: the ones after it in its set move up a place; its objects are queued by
-- the trigger
create function public.remove_dwelling_photo(p_dwelling uuid, p_photo uuid, p_by_staff boolean default false)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  here integer;
begin
  perform 1 from public.dwellings where id = p_dwelling for update;
  delete from public.dwelling_photos
  where id = p_photo and dwelling_id = p_dwelling and by_staff = p_by_staff
  returning position into here;
  if here is null then
    return false;
  end if;
  update public.dwelling_photos set position = position - 1
  where dwelling_id = p_dwelling and by_staff = p_by_staff and position > here;
  return true;
end
$$;

-- the household's page shows, at each proposal, the photos of the dwelling as offered, so
-- staff (and the family, shown the page) can picture the home: the landlord's, or for the
-- municipality's own dwelling staff's photos that are not from an inspection; unchanged otherwise
create or replace function public.read_household(p_household uuid, p_reader uuid) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  found_household jsonb;
begin
  insert into public.audit_log (actor_id, action, entity, entity_id) values (p_reader, 'read', 'household', p_household::text);
  select to_jsonb(h) || jsonb_build_object(
      'household_members', coalesce((select jsonb_agg(to_jsonb(m)) from public.household_members m where m.household_id = h.id), '[]')
    )
  into found_household
  from public.households h where h.id = p_household;
  if found_household is null then
    return null;
  end if;
  return jsonb_build_object(
    'household', found_household,
    'history', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', m.id, 'status', m.status, 'score', m.score, 'created_at', m.created_at, 'decline_reason', m.decline_reason,
          'dwelling', (select jsonb_build_object(
                         'id', d.id, 'street', d.street, 'place', d.place, 'landlord_id', d.landlord_id,
                         'photos', coalesce((
                           select jsonb_agg(jsonb_build_object('id', p.id, 'caption', p.caption, 'width', p.width, 'height', p.height)
                                            order by p.by_staff, p.position)
                           from public.dwelling_photos p
                           where p.dwelling_id = d.id and (not p.by_staff or (d.landlord_id is null and p.inspection_id is null))
                         ), '[]'))
                       from public.dwellings d where d.id = m.dwelling_id)
        ) order by m.created_at desc)
      from public.matches m where m.household_id = p_household
    ), '[]'),
    'timeline', public.household_timeline(p_household),
    'checklist', public.household_checklist(p_household),
    'staff', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name, 'email', u.email) order by u.display_name, u.email)
      from public.users u
      where exists (select 1 from public.user_roles r where r.user_id = u.id and r.role in ('staff', 'admin'))
    ), '[]')
  );
end
$$;
