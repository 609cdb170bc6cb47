-- the admin's settings page shows the contact details and every text of both pages: one read,
-- so that the page stays within its round trips to PostgREST
create function public.municipality_for_settings()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'contact', public.municipality_contact(),
    'texts', coalesce(
      (select jsonb_agg(jsonb_build_object('page', t.page, 'locale', t.locale, 'body', t.body) order by t.page, t.locale)
       from public.page_texts t),
      '[]'::jsonb));
$$;
