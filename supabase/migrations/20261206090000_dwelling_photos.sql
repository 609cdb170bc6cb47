-- Issue 20, item 1: a dwelling's photos. The pictures themselves are objects in a private
-- bucket (Supabase Storage over S3; the local stack's S3 server here), named by the photo's id
-- (photos/<id>/web.webp and thumb.webp); a row here says whose dwelling, where in the order,
-- the caption and the size. Up to 12 a dwelling, in the order the landlord gives them.

create table public.dwelling_photos (
  id uuid primary key,
  dwelling_id uuid not null references public.dwellings (id) on delete cascade,
  position integer not null check (position between 1 and 12),
  caption text not null default '' check (length(caption) <= 200 and caption !~ '[\r\n]'),
  width integer not null check (width between 1 and 10000),
  height integer not null check (height between 1 and 10000),
  -- a person's photos go with their account (erase_account deletes the user): the objects
  -- are queued by the trigger below
  added_by uuid references public.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  -- checked at commit, so two photos can swap places in one transaction
  constraint dwelling_photos_one_per_place unique (dwelling_id, position) deferrable initially deferred
);
-- who added what, for erasure (on delete cascade)
create index dwelling_photos_added_by on public.dwelling_photos (added_by);

-- the objects whose rows are gone (a photo removed, its dwelling deleted, the account erased
-- with its dwellings): the app deletes them from the bucket and then the row here
create table public.storage_deletions (
  key text primary key,
  queued_at timestamptz not null default now()
);

alter table public.dwelling_photos enable row level security;
alter table public.storage_deletions enable row level security;
-- only the server (service role) reads and writes them; no policy for anon or authenticated

-- every way a photo's row goes (removed, cascaded from its dwelling) queues its objects
create function public.queue_photo_objects() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.storage_deletions (key)
  select 'photos/' || o.id || '/' || s.name from old_rows o cross join (values ('web.webp'), ('thumb.webp')) as s (name)
  on conflict do nothing;
  return null;
end
$$;

create trigger dwelling_photos_queue_objects after delete on public.dwelling_photos
  referencing old table as old_rows for each statement execute function public.queue_photo_objects();

-- a photo stored: its row at the end of the order, unless the dwelling has 12 already (hint
-- photo_limit); the dwelling's row is locked, so two uploads at once cannot both be the 12th
create function public.add_dwelling_photo(
  p_dwelling uuid, p_photo uuid, p_by uuid, p_width integer, p_height integer, p_caption text
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
  select count(*) into taken from public.dwelling_photos where dwelling_id = p_dwelling;
  if taken >= 12 then
    raise exception 'a dwelling has at most 12 photos' using errcode = 'P0001', hint = 'photo_limit';
  end if;
  insert into public.dwelling_photos (id, dwelling_id, position, caption, width, height, added_by)
  values (p_photo, p_dwelling, taken + 1, coalesce(btrim(p_caption), ''), p_width, p_height, p_by);
  return taken + 1;
end
$$;

-- a photo one place earlier (p_up) or later, swapping with its neighbour; false: it is
-- already first or last, or there is no such photo of that dwelling
create function public.move_dwelling_photo(p_dwelling uuid, p_photo uuid, p_up boolean) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  here integer;
  there integer;
begin
  perform 1 from public.dwellings where id = p_dwelling for update;
  select position into here from public.dwelling_photos where id = p_photo and dwelling_id = p_dwelling;
  if here is null then
    return false;
  end if;
  there := case when p_up then here - 1 else here + 1 end;
  update public.dwelling_photos set position = here where dwelling_id = p_dwelling and position = there;
  if not found then
    return false;
  end if;
  update public.dwelling_photos set position = there where id = p_photo;
  return true;
end
$$;

-- a photo removed: the ones after it move up a place; its objects are queued by the trigger
create function public.remove_dwelling_photo(p_dwelling uuid, p_photo uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  here integer;
begin
  perform 1 from public.dwellings where id = p_dwelling for update;
  delete from public.dwelling_photos where id = p_photo and dwelling_id = p_dwelling returning position into here;
  if here is null then
    return false;
  end if;
  update public.dwelling_photos set position = position - 1 where dwelling_id = p_dwelling and position > here;
  return true;
end
$$;
