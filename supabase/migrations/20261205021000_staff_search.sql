-- One search for staff (issue 18, item 3): a part of an IMDi reference, a contact's name or
-- phone, a dwelling's address, a landlord's or a volunteer's name or e-mail, in one call,
-- grouped by kind. Matching is a case-insensitive substring (what a caseworker types is a
-- part of a name), found through trigram indexes; the best matches come first. Every
-- household it answers is logged as a read of that household, as opening its page is.

-- trigrams, as on hosted supabase (the local stack makes the extensions schema too)
create extension if not exists pg_trgm with schema extensions;

-- the fields searched, each with a trigram index that serves ilike '%…%'
create index households_reference_trgm on public.households using gin (imdi_reference extensions.gin_trgm_ops);
create index households_contact_name_trgm on public.households using gin (contact_name extensions.gin_trgm_ops);
create index households_contact_phone_trgm on public.households using gin (contact_phone extensions.gin_trgm_ops);
create index dwellings_street_trgm on public.dwellings using gin (street extensions.gin_trgm_ops);
create index dwellings_place_trgm on public.dwellings using gin (place extensions.gin_trgm_ops);
create index users_display_name_trgm on public.users using gin (display_name extensions.gin_trgm_ops);
create index users_email_trgm on public.users using gin (email extensions.gin_trgm_ops);

-- a search's text as an ilike pattern for a substring: its own % _ and \ taken literally
create function public.substring_pattern(p_text text) returns text
language sql
immutable
set search_path = ''
as $$
  select '%' || replace(replace(replace(p_text, '\', '\\'), '%', '\%'), '_', '\_') || '%';
$$;

-- the hits of each kind, at most p_limit of each (1 to 50), best first; fewer than two
-- characters find nothing. p_reader is the member of staff searching: their household hits
-- go into the audit log as reads in this same transaction.
create function public.staff_search(p_q text, p_reader uuid, p_limit integer) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  q text := btrim(coalesce(p_q, ''));
  pattern text;
  lim integer := greatest(1, least(50, coalesce(p_limit, 10)));
  found_households jsonb;
begin
  if length(q) < 2 or length(q) > 200 then
    return jsonb_build_object('households', '[]'::jsonb, 'dwellings', '[]'::jsonb, 'landlords', '[]'::jsonb, 'volunteers', '[]'::jsonb);
  end if;
  pattern := public.substring_pattern(q);

  select coalesce(jsonb_agg(jsonb_build_object(
      'id', h.id, 'imdi_reference', h.imdi_reference, 'contact_name', h.contact_name, 'status', h.status,
      'expected_arrival', h.expected_arrival
    ) order by h.rank desc, h.imdi_reference), '[]')
  into found_households
  from (
    select h.*, greatest(extensions.similarity(h.imdi_reference, q), extensions.similarity(h.contact_name, q),
        extensions.similarity(h.contact_phone, q)) as rank
    from public.households h
    where h.imdi_reference ilike pattern or h.contact_name ilike pattern or h.contact_phone ilike pattern
    order by rank desc, h.imdi_reference
    limit lim
  ) h;

  insert into public.audit_log (actor_id, action, entity, entity_id)
  select p_reader, 'read', 'household', hit ->> 'id' from jsonb_array_elements(found_households) hit;

  return jsonb_build_object(
    'households', found_households,
    'dwellings', coalesce((
      select jsonb_agg(jsonb_build_object('id', d.id, 'street', d.street, 'place', d.place, 'locality', d.locality, 'status', d.status)
        order by d.rank desc, d.street, d.id)
      from (
        select d.*, greatest(extensions.similarity(coalesce(d.street, ''), q), extensions.similarity(coalesce(d.place, ''), q)) as rank
        from public.dwellings d
        where d.street ilike pattern or d.place ilike pattern
        order by rank desc, d.street, d.id
        limit lim
      ) d
    ), '[]'),
    'landlords', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name, 'email', u.email,
          'dwellings', coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'street', d.street, 'place', d.place) order by d.created_at desc)
                                 from (select * from public.dwellings d where d.landlord_id = u.id order by d.created_at desc limit 5) d), '[]'))
        order by u.rank desc, u.display_name, u.id)
      from (
        select u.*, greatest(extensions.similarity(u.display_name, q), extensions.similarity(u.email, q)) as rank
        from public.users u
        where (u.display_name ilike pattern or u.email ilike pattern)
          and exists (select from public.user_roles r where r.user_id = u.id and r.role = 'landlord')
        order by rank desc, u.display_name, u.id
        limit lim
      ) u
    ), '[]'),
    'volunteers', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name, 'email', u.email) order by u.rank desc, u.display_name, u.id)
      from (
        select u.*, greatest(extensions.similarity(u.display_name, q), extensions.similarity(u.email, q)) as rank
        from public.users u
        where (u.display_name ilike pattern or u.email ilike pattern)
          and exists (select from public.user_roles r where r.user_id = u.id and r.role = 'volunteer')
        order by rank desc, u.display_name, u.id
        limit lim
      ) u
    ), '[]')
  );
end;
$$;
