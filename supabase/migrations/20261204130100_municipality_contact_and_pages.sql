-- What the municipality offers landlords and volunteers, and whom to call (issue 17, item
-- 15): the municipality's contact details (shown on the about page, the "for landlords"
-- and "for volunteers" pages and in every mail's footer) and the two pages' texts, which an
-- admin edits per language (a language without a text of its own shows the catalogue's).

-- the contact details beside the municipality's name (one row, municipality_settings); the
-- same characters as the forms allow: a phone of digits, spaces, + ( ) -, one-line text
alter table public.municipality_settings
  add column contact_phone text check (length(contact_phone) between 1 and 40 and contact_phone ~ '^[+0-9 ()-]+$'),
  add column contact_email text check (length(contact_email) between 3 and 254 and contact_email ~ '^[^@\s]+@[^@\s]+$'),
  add column contact_address text check (length(contact_address) between 1 and 300
    and contact_address !~ '[\x01-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]');

-- one-line names only, as everywhere a name reaches other people's mail
alter table public.municipality_settings add constraint municipality_settings_name_one_line
  check (name !~ '[\x01-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]');

-- an admin's text of a public page in one language: plain text, paragraphs split by blank
-- lines (the page shows it as text, never as html)
create table public.page_texts (
  page text not null check (page in ('landlords', 'volunteers')),
  locale public.app_locale not null,
  body text not null check (length(body) between 1 and 20000
    and body !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]'),
  updated_at timestamptz not null default now(),
  primary key (page, locale)
);

alter table public.page_texts enable row level security;

-- the municipality's name and contact details, for pages and the mail footer
create function public.municipality_contact()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select jsonb_build_object('name', s.name, 'phone', s.contact_phone, 'email', s.contact_email, 'address', s.contact_address)
     from public.municipality_settings s limit 1),
    jsonb_build_object('name', null, 'phone', null, 'email', null, 'address', null));
$$;

-- the admin's contact form: the row is made if an installation has none yet
create function public.save_municipality_contact(p_name text, p_phone text, p_email text, p_address text)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.municipality_settings (id, name, contact_phone, contact_email, contact_address)
  values (true, p_name, p_phone, p_email, p_address)
  on conflict (id) do update
  set name = excluded.name, contact_phone = excluded.contact_phone, contact_email = excluded.contact_email,
      contact_address = excluded.contact_address, updated_at = now();
$$;

-- a page's texts in every language at once ({"nn": "…", "en": null, …}): a blank or
-- missing language goes back to the catalogue's text
create function public.save_page_texts(p_page text, p_texts jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  l public.app_locale;
  body text;
begin
  for l in select unnest(enum_range(null::public.app_locale)) loop
    body := nullif(btrim(p_texts ->> l::text), '');
    if body is null then
      delete from public.page_texts where page = p_page and locale = l;
    else
      insert into public.page_texts (page, locale, body) values (p_page, l, body)
      on conflict (page, locale) do update set body = excluded.body, updated_at = now();
    end if;
  end loop;
end
$$;
