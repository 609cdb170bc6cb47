-- Demo data for a fictional municipality, Fjordvik kommune, modelled on the seed case:
-- a yearly target of 180, six school districts, about 40 dwellings in every state,
-- 30 households of every category (family reunification included, never counted),
-- 25 volunteers and 20 tasks. Every name is made up. Ids are md5 of a readable key,
-- so tests and the demo can point at a known row.

-- the municipality and this year's target
-- the contact details are examples: Fjordvik is made up, and so are its phone, mail and address
insert into public.municipality_settings (id, name, crowded_margin, rent_cap_nok, contact_phone, contact_email, contact_address)
values (true, 'Fjordvik kommune', 0, 16000, '+47 56 00 00 00', 'busetjing@fjordvik.kommune.no',
        'Fjordvik kommune, Flyktningtenesta, Postboks 1, 5999 Fjordvik (eksempel)');

insert into public.yearly_targets (year, persons)
select extract(year from now() at time zone 'Europe/Oslo')::int, 180
union all
select extract(year from now() at time zone 'Europe/Oslo')::int - 1, 180;

-- the rent the municipality accepts per household size (persons)
insert into public.rent_caps (persons, max_rent_nok)
values (1, 9500), (2, 11500), (3, 13000), (4, 14500), (5, 16000), (6, 17000);

-- six school districts with free places
insert into public.districts (id, name, primary_school_places, lower_secondary_places, kindergarten_places)
values
  (md5('district:straumvik')::uuid, 'Straumvik skulekrins', 14, 9, 6),
  (md5('district:lid')::uuid, 'Lid skulekrins', 4, 2, 0),
  (md5('district:nesheim')::uuid, 'Nesheim skulekrins', 9, 5, 4),
  (md5('district:haugland')::uuid, 'Haugland skulekrins', 2, 6, 3),
  (md5('district:saetre')::uuid, 'Sætre skulekrins', 0, 1, 1),
  (md5('district:vagoy')::uuid, 'Vågøy skulekrins', 6, 3, 8);

-- the localities with a health centre close by (staff mark them at /staff/districts);
-- the matching gives points for them to households that need one
insert into public.localities (name, near_health_centre)
values ('Straumvik', true), ('Nesheim', true), ('Lid', false);

-- people: one admin, one caseworker, twelve landlords, twenty-five volunteers.
-- every demo account's password is busett-demo-2026 (argon2id below); npm start prints the logins.
insert into public.users (id, email, display_name, locale, email_verified_at)
values
  (md5('user:admin')::uuid, 'admin@fjordvik.kommune.no', 'Solveig Admin', 'nn', now()),
  (md5('user:staff')::uuid, 'sakshandsamar@fjordvik.kommune.no', 'Torbjørn Sakshandsamar', 'nn', now());

insert into public.user_roles (user_id, role)
values
  (md5('user:admin')::uuid, 'admin'),
  (md5('user:admin')::uuid, 'staff'),
  (md5('user:staff')::uuid, 'staff');

-- landlords: utleigar01..12@example.no, the first is the demo login utleigar@example.no;
-- each with the phone staff call to book an inspection (no offer is sent in without one)
insert into public.users (id, email, display_name, locale, email_verified_at, phone)
select
  md5('user:landlord:' || n)::uuid,
  case when n = 1 then 'utleigar@example.no' else format('utleigar%s@example.no', lpad(n::text, 2, '0')) end,
  (array['Ingrid', 'Magnus', 'Randi', 'Olav', 'Gunvor', 'Per', 'Astrid', 'Knut', 'Sigrid', 'Halvor', 'Liv', 'Arne'])[n]
    || ' ' ||
  (array['Fjellstad', 'Brekke', 'Nesvik', 'Hovland', 'Sletten', 'Vågen', 'Lunde', 'Myklebust', 'Tveit', 'Aasen', 'Rønningen', 'Bakketun'])[n],
  case when n % 4 = 0 then 'en'::public.app_locale else 'nn'::public.app_locale end,
  now(),
  format('+47 9%s %s %s', n % 10, lpad((20 + n)::text, 2, '0'), lpad((100 + n * 7)::text, 3, '0'))
from generate_series(1, 12) as n;

insert into public.user_roles (user_id, role)
select md5('user:landlord:' || n)::uuid, 'landlord' from generate_series(1, 12) as n;

-- volunteers: frivillig01..25@example.no, the first is the demo login frivillig@example.no
insert into public.users (id, email, display_name, locale, email_verified_at)
select
  md5('user:volunteer:' || n)::uuid,
  case when n = 1 then 'frivillig@example.no' else format('frivillig%s@example.no', lpad(n::text, 2, '0')) end,
  (array['Marte', 'Eirik', 'Nora', 'Jonas', 'Ida', 'Sander', 'Hanne', 'Tobias', 'Oksana', 'Emil', 'Kristin', 'Mats',
         'Tone', 'Vegard', 'Silje', 'Andreas', 'Iryna', 'Håkon', 'Lene', 'Bjørn', 'Maja', 'Rune', 'Vilde', 'Petter', 'Hilde'])[n]
    || ' ' ||
  (array['Solheim', 'Dale', 'Eide', 'Haugen', 'Lien', 'Moe', 'Berg', 'Strand', 'Kovalenko', 'Vik', 'Aune', 'Lie',
         'Nygård', 'Bakke', 'Fosse', 'Hauge', 'Melnyk', 'Sæther', 'Bø', 'Vold', 'Ness', 'Ulvik', 'Rød', 'Engen', 'Tangen'])[n],
  case when n in (9, 17) then 'uk'::public.app_locale else 'nn'::public.app_locale end,
  now()
from generate_series(1, 25) as n;

insert into public.user_roles (user_id, role)
select md5('user:volunteer:' || n)::uuid, 'volunteer' from generate_series(1, 25) as n;

-- one password for every demo account: busett-demo-2026
update public.users
set password_hash = '$argon2id$v=19$m=19456,t=2,p=1$8XlyFTGN2KUagpyTsr/qhA$U/qjBqhAsDvxZblW832g0gYcp49LZjyhOApgrvkiVHI';

-- the first landlord also volunteers: a person may hold both roles
insert into public.user_roles (user_id, role) values (md5('user:landlord:1')::uuid, 'volunteer');

insert into public.volunteer_profiles (
  user_id, phone, skills, localities, availability, max_tasks_per_month,
  police_certificate_status, police_certificate_expires_on
)
select
  md5('user:volunteer:' || n)::uuid,
  format('+47 4%s %s %s', n % 10, lpad((10 + n)::text, 2, '0'), lpad((30 + n * 2)::text, 3, '0')),
  -- postgres has no arrays of arrays of different lengths: pick a list, then split it
  string_to_array((array[
    'driving_licence,own_car', 'furniture_assembly,van_trailer,driving_licence',
    'homework_help,children_activities', 'it_help', 'cooking,children_activities',
    'driving_licence,own_car,furniture_assembly'
  ])[1 + n % 6], ','),
  string_to_array((array['Straumvik', 'Lid,Straumvik', 'Nesheim', 'Haugland,Nesheim', 'Sætre', 'Vågøy,Straumvik'])[1 + n % 6], ','),
  (array[
    '{"mon": ["evening"], "wed": ["evening"], "sat": ["morning", "afternoon"]}',
    '{"tue": ["morning", "afternoon"], "thu": ["morning"]}',
    '{"sat": ["morning"], "sun": ["afternoon"]}',
    '{"mon": ["morning", "afternoon"], "fri": ["afternoon", "evening"]}'
  ])[1 + n % 4]::jsonb,
  2 + n % 5,
  (array['valid', 'valid', 'none', 'requested', 'valid', 'expired'])[1 + n % 6]::public.police_certificate_status,
  case when n % 6 in (0, 1, 4) then (now() + make_interval(days => 30 * (n % 14) + 20))::date end
from generate_series(1, 25) as n;

insert into public.volunteer_languages (user_id, language, level, interpreting)
select md5('user:volunteer:' || n)::uuid, 'nn', 'native'::public.language_level, false from generate_series(1, 25) as n
union all
select md5('user:volunteer:' || n)::uuid, 'en', (array['conversational', 'fluent'])[1 + n % 2]::public.language_level, false
from generate_series(1, 25) as n where n % 3 <> 0
union all
select md5('user:volunteer:' || n)::uuid, 'uk', 'native', true from generate_series(1, 25) as n where n in (9, 17)
union all
select md5('user:volunteer:' || n)::uuid, 'ru', 'fluent', n = 9 from generate_series(1, 25) as n where n in (9, 17, 20)
union all
select md5('user:volunteer:' || n)::uuid, 'ar', 'native', true from generate_series(1, 25) as n where n = 12;

-- forty dwellings in every state; most from private landlords, two from the municipality.
-- the database only lets a dwelling move along its lifecycle, so each is created as a
-- draft or submitted and then taken step by step to the state it is shown in
create temporary table seed_dwelling_target as
select n, (array['draft', 'draft', 'draft',
       'submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted',
       'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved',
       'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved',
       'needs_changes', 'needs_changes', 'rejected', 'rejected',
       'proposed', 'proposed', 'proposed', 'proposed',
       'let', 'let', 'let', 'let', 'let', 'withdrawn', 'withdrawn'])[n]::public.dwelling_status as target
from generate_series(1, 40) as n;

insert into public.dwellings (
  id, landlord_id, status, street, postcode, place, locality, district_id,
  bedrooms, beds, max_occupants, size_m2, rent_nok, deposit_nok,
  rent_includes_electricity, rent_includes_internet, furnished, step_free, floor, lift, pets_allowed, smoking_allowed,
  available_from, available_until, min_lease_months, bus_stop_distance_m, bus_departures_per_weekday,
  description, fire_safety_confirmed
)
select
  md5('dwelling:' || n)::uuid,
  case when n in (39, 40) then null else md5('user:landlord:' || (1 + (n - 1) % 12))::uuid end,
  case when t.target = 'draft' then 'draft'::public.dwelling_status else 'submitted' end,
  (array['Fjordvegen', 'Skulevegen', 'Kyrkjevegen', 'Naustvegen', 'Bakkane', 'Hagevegen', 'Strandgata', 'Lia'])[1 + n % 8]
    || ' ' || (n * 3 % 47 + 1),
  (array['5914', '5915', '5916', '5917', '5918', '5919'])[1 + n % 6],
  (array['Straumvik', 'Lid', 'Nesheim', 'Haugland', 'Sætre', 'Vågøy'])[1 + n % 6],
  (array['Straumvik', 'Lid', 'Nesheim', 'Haugland', 'Sætre', 'Vågøy'])[1 + n % 6],
  -- the landlord of a fresh offer rarely knows the school district: staff set it on review
  case when n <= 9 then null
       else md5('district:' || (array['straumvik', 'lid', 'nesheim', 'haugland', 'saetre', 'vagoy'])[1 + n % 6])::uuid end,
  1 + n % 4,
  2 + n % 5,
  2 + n % 5 + (n % 2),
  35 + (n % 4) * 20,
  7500 + (n % 7) * 1400,
  15000 + (n % 5) * 5000,
  n % 3 = 0,
  n % 2 = 0,
  (array['no', 'partly', 'fully'])[1 + n % 3]::public.furnishing,
  n % 4 = 0,
  -- the floor, numbered as in Norway (1: "1. etasje", at street level): the flats (every
  -- third) on floors 2 to 4, every other one of them with a lift; the houses and the
  -- basement flats with their own entrance at street level. One flat's floor was never
  -- given: the matching says "floor unknown"
  case when n = 21 then null when n % 3 = 0 then 2 + (n / 3) % 3 else 1 end,
  n % 6 = 0,
  n % 5 = 0,
  false,
  (now() + make_interval(days => (n % 9) * 7 - 14))::date,
  case when n % 7 = 0 then (now() + make_interval(days => 400))::date end,
  12,
  (array[150, 400, 900, 1800, 3500])[1 + n % 5],
  (array[40, 24, 12, 6, 2])[1 + n % 5],
  case when n % 3 = 0 then 'Lys leilegheit med utsikt over fjorden. Kort veg til butikk.'
       when n % 3 = 1 then 'Sokkelhusvære med eigen inngang og hage.'
       else 'Einebustad i rolig nabolag, nær skule og barnehage.' end,
  true
from seed_dwelling_target as t (n, target);

-- drafts are unfinished: one lacks the rent and the fire-safety confirmation
update public.dwellings set rent_nok = null, fire_safety_confirmed = false, description = ''
where id = md5('dwelling:1')::uuid;

-- the two offers proposed below to households they would not fit as generated (five
-- persons; step-free, a ground floor or a lift, and pets) fit them: confirming re-checks the pair
update public.dwellings set bedrooms = 3, beds = 5, max_occupants = 5 where id = md5('dwelling:30')::uuid;
update public.dwellings set step_free = true, lift = true, pets_allowed = true where id = md5('dwelling:33')::uuid;

-- staff reviewed the offers that are past review: approved ones, some weeks or months ago
-- (so some are due for a "still available?" check), and the ones sent back or turned down
update public.dwellings d
set status = case when t.target in ('approved', 'proposed', 'let') then 'approved'::public.dwelling_status else t.target end,
    district_id = coalesce(d.district_id, md5('district:straumvik')::uuid),
    reviewed_by = md5('user:staff')::uuid,
    review_message = case when t.target = 'needs_changes' then 'Kan du leggje ved kor mange senger det er i kvart rom?'
                          when t.target = 'rejected' then 'Bustaden manglar godkjend rømmingsveg frå soverommet.' else '' end
from seed_dwelling_target t
where d.id = md5('dwelling:' || t.n)::uuid and t.target in ('approved', 'proposed', 'let', 'needs_changes', 'rejected', 'withdrawn')
  and t.target <> 'withdrawn';

update public.dwellings d set status = 'withdrawn'
from seed_dwelling_target t
where d.id = md5('dwelling:' || t.n)::uuid and t.target = 'withdrawn';

-- when staff last heard that an approved offer stands: from a few days to two months ago
update public.dwellings d
set reviewed_at = now() - make_interval(days => 5 + (t.n * 7) % 60),
    submitted_at = now() - make_interval(days => 8 + (t.n * 7) % 60),
    confirmed_available_at = now() - make_interval(days => 5 + (t.n * 7) % 60)
from seed_dwelling_target t
where d.id = md5('dwelling:' || t.n)::uuid and t.target not in ('draft');

-- the municipality inspected every offer it approved (issue 20) a couple of days before the
-- approval, and all passed; one offer sent back failed its inspection on the smoke alarms.
-- step-free access and furniture are checked only where the offer claims them
insert into public.inspections (id, dwelling_id, inspected_on, inspector_id, remarks, passed)
select md5('inspection:' || t.n)::uuid, d.id, (d.reviewed_at - interval '2 days')::date, md5('user:staff')::uuid,
  case when t.target = 'needs_changes' then 'Ring oss når varslarane er på plass, så kjem vi att.' else '' end,
  t.target <> 'needs_changes'
from seed_dwelling_target t join public.dwellings d on d.id = md5('dwelling:' || t.n)::uuid
where t.target in ('approved', 'proposed', 'let') or (t.target = 'needs_changes' and t.n = (select min(x.n) from seed_dwelling_target x where x.target = 'needs_changes'));

insert into public.inspection_findings (inspection_id, item, result, note)
select i.id, item,
  case when item = 'smoke_alarms' and not i.passed then 'failed'::public.inspection_result
       when item = 'step_free' and not d.step_free then 'not_applicable'
       when item = 'furniture' and d.furnished = 'no' then 'not_applicable'
       else 'ok' end,
  case when item = 'smoke_alarms' and not i.passed then 'Ingen røykvarslar i andre etasje.' else '' end
from public.inspections i join public.dwellings d on d.id = i.dwelling_id
cross join unnest(enum_range(null::public.inspection_item)) as item;

-- the offers still waiting for staff (their "needs action"): four sent in and not looked at
-- yet, and two sent back for changes three days before the landlord changed and sent them again
update public.dwellings d
set reviewed_at = case when t.n >= 8 then d.submitted_at - interval '3 days' end,
    reviewed_by = case when t.n >= 8 then md5('user:staff')::uuid end,
    review_message = case when t.n >= 8 then 'Kan du skrive kor langt det er til næraste busstopp?' else '' end
from seed_dwelling_target t
where d.id = md5('dwelling:' || t.n)::uuid and t.target = 'submitted';

-- thirty households announced by imdi, in every category and state
insert into public.households (
  id, imdi_reference, category, status, contact_name, contact_phone, languages,
  needs_step_free, needs_near_health_centre, needs_ground_floor, has_pets, preferred_localities,
  expected_arrival, settled_on, staff_note
)
select
  md5('household:' || n)::uuid,
  format('IMDI-%s-%s', extract(year from now())::int, lpad((1040 + n * 7)::text, 5, '0')),
  (array['ukrainian_collective_protection', 'ukrainian_collective_protection', 'ukrainian_collective_protection',
         'resettlement', 'ukrainian_collective_protection', 'family_reunification',
         'ukrainian_collective_protection', 'resettlement', 'ukrainian_collective_protection', 'other'])[1 + n % 10]::public.household_category,
  (array['expected', 'expected', 'expected', 'expected', 'expected', 'expected', 'expected',
         'expected', 'expected', 'expected', 'expected', 'expected', 'expected', 'expected',
         'matched', 'matched', 'matched', 'matched',
         'contract_signed', 'contract_signed',
         'settled', 'settled', 'settled', 'settled', 'settled', 'settled', 'settled', 'settled',
         'cancelled', 'cancelled'])[n]::public.household_status,
  (array['Olena', 'Andrii', 'Tetiana', 'Amina', 'Yurii', 'Nadia', 'Svitlana', 'Hassan', 'Mykola', 'Daria'])[1 + n % 10]
    || ' ' ||
  (array['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Oliinyk', 'Lysenko', 'Marchenko'])[1 + n % 8],
  format('+47 9%s %s %s', n % 10, lpad((20 + n)::text, 2, '0'), lpad((100 + n * 3)::text, 3, '0')),
  case when n % 10 in (3, 7) then array['ar', 'en'] when n % 10 = 9 then array['fa'] else array['uk', 'ru'] end,
  n % 6 = 0,
  n % 5 = 0,
  n % 6 = 0,
  n % 9 = 0,
  case when n % 4 = 0 then array['Straumvik'] else '{}' end,
  (now() + make_interval(days => (n % 12) * 9 - 20))::date,
  case when n between 21 and 28 then (now() - make_interval(days => (n - 20) * 25))::date end,
  case when n % 5 = 0 then 'Treng oppfølging frå helsestasjonen første veka.' else '' end
from generate_series(1, 30) as n;

-- members: age band per person; children carry their age
insert into public.household_members (household_id, first_name, age_band, age, relation)
select md5('household:' || n)::uuid, '', 'adult'::public.age_band, null::int, 'parent' from generate_series(1, 30) as n
union all
select md5('household:' || n)::uuid, '', 'adult', null, 'parent' from generate_series(1, 30) as n where n % 3 <> 0
union all
select md5('household:' || n)::uuid, '', 'child', (n * 5 + c * 4) % 17, 'child'
from generate_series(1, 30) as n, generate_series(1, 3) as c where c <= n % 4
union all
select md5('household:' || n)::uuid, '', 'elderly', null, 'grandparent' from generate_series(1, 30) as n where n % 7 = 0;

-- the case after the move (issue 18): a responsible caseworker on about half the households,
-- an interpreter need on two (household 9 needs a professional interpreter in Persian, household 3
-- a volunteer in Arabic is enough), and the follow-up checklist of household 21 (settled 25 days
-- ago) with four steps done and the bank account overdue
update public.households set caseworker_id = case when n % 4 = 0 then md5('user:admin')::uuid else md5('user:staff')::uuid end
from generate_series(1, 30) as n
where id = md5('household:' || n)::uuid and n % 2 = 0;

update public.households set interpreter_need = 'professional', interpreter_language = 'fa' where id = md5('household:9')::uuid;
update public.households set interpreter_need = 'volunteer', interpreter_language = 'ar' where id = md5('household:3')::uuid;

insert into public.household_follow_ups (household_id, step_id, done_on, done_by, note)
select md5('household:21')::uuid, s.id, h.settled_on + least(s.due_days, 20), md5('user:staff')::uuid,
  case when s.position = 2 then 'Fastlege ved Straumvik legekontor.' else '' end
from public.follow_up_steps s, public.households h
where h.id = md5('household:21')::uuid
  and s.name in ('NAV-konto og ytingar', 'Introduksjonsprogrammet startar', 'Fastlege tildelt', 'Skulestart');

-- matches: proposed dwellings wait for matched households; let dwellings house the
-- households with a signed contract or settled
insert into public.matches (household_id, dwelling_id, status, score, reasons, proposed_by, created_at, decided_at)
select
  md5('household:' || (14 + k))::uuid,
  md5('dwelling:' || (29 + k))::uuid,
  (case when k <= 2 then 'proposed' else 'accepted_by_landlord' end)::public.match_status,
  70 + k * 3,
  '[{"reason": "beds", "points": 30}, {"reason": "school_places", "points": 25}]'::jsonb,
  md5('user:staff')::uuid,
  -- the two proposals have waited longer than the days the settings allow (5), so "needs
  -- action" shows them as unanswered
  now() - make_interval(days => case when k <= 2 then 10 - k * 2 else k end),
  case when k > 2 then now() - make_interval(hours => k) end
from generate_series(1, 4) as k
union all
select
  md5('household:' || (18 + k))::uuid,
  md5('dwelling:' || (33 + k))::uuid,
  'confirmed',
  80 + k,
  '[{"reason": "beds", "points": 30}, {"reason": "bus", "points": 15}]'::jsonb,
  md5('user:staff')::uuid,
  now() - make_interval(days => 60 + k),
  now() - make_interval(days => 50 + k)
from generate_series(1, 5) as k;

-- the proposed dwellings now wait for their landlord's answer; the let ones house a family
update public.dwellings d set status = 'proposed'
from seed_dwelling_target t
where d.id = md5('dwelling:' || t.n)::uuid and t.target in ('proposed', 'let');

update public.dwellings d set status = 'let'
from seed_dwelling_target t
where d.id = md5('dwelling:' || t.n)::uuid and t.target = 'let';

-- the leases of the five confirmed matches (issue 20): the family moved in on the day it was
-- settled (or moves in ten days from now), on the offer's terms but one rent agreed higher;
-- one lease ends within 90 days and one deposit guarantee runs out within 60, so "needs
-- action" reminds staff of both
insert into public.leases (match_id, starts_on, ends_on, rent_nok, deposit_nok, deposit_payer, guarantee_until, move_in_on, recorded_by)
select m.id, x.move_in - 3,
  case when k = 4 then current_date + 60 end,
  coalesce(d.rent_nok, 9000) + case when k = 2 then 500 else 0 end,
  coalesce(d.deposit_nok, 0),
  (case k when 1 then 'municipality_guarantee' when 3 then 'nav_guarantee' when 5 then 'none' else 'household' end)::public.deposit_payer,
  case k when 1 then current_date + 40 when 3 then current_date + 400 end,
  x.move_in, md5('user:staff')::uuid
from generate_series(1, 5) as k
join public.matches m on m.household_id = md5('household:' || (18 + k))::uuid and m.status = 'confirmed'
join public.dwellings d on d.id = m.dwelling_id
join public.households h on h.id = m.household_id
cross join lateral (select coalesce(h.settled_on, current_date + 10) as move_in) x;

-- one earlier proposal that a landlord declined, kept as history
insert into public.matches (household_id, dwelling_id, status, score, reasons, proposed_by, decline_reason, decided_at)
values (md5('household:1')::uuid, md5('dwelling:12')::uuid, 'declined', 55, '[]', md5('user:staff')::uuid,
        'Bustaden er ikkje ledig likevel i mars.', now() - interval '10 days');

-- twenty tasks around the settlements, from three weeks ago to six weeks ahead, on the
-- days and at the hours such tasks happen in a municipality (Norwegian time): moving,
-- driving to the doctor, showing the way and interpreting at school on weekday daytime; the
-- language café on Tuesday and Thursday evenings; fetching furniture and the working bee
-- (dugnad) on Saturdays. A task is moved from its place in the spread to the nearest such
-- day, back in time for the past ones (done, or cancelled) and ahead for the open ones.
-- tests/integration/demo-data.test.ts holds the demo to this.
create temporary table seed_task_kind (kind integer primary key, type public.task_type, title text, description text,
  days integer[], starts time, hours numeric);
insert into seed_task_kind values
  (1, 'move_in', 'Hjelp til innflytting', 'Familien flyttar inn. Vi ber kassar og set saman møblar saman med dei.',
   '{1,2,3,4,5}', '10:00', 4),
  (2, 'furniture', 'Hente møblar', 'Vi hentar gåvemøblar hos givarar i kommunen og ber dei inn i bustaden. Bil med tilhengar er fint.',
   '{6}', '11:00', 3),
  (3, 'transport', 'Køyring til legekontoret', 'Køyr familien til den første legetimen og heim att.',
   '{1,2,3,4,5}', '09:00', 2),
  (4, 'guide', 'Vise veg i sentrum', 'Vis familien butikken, biblioteket, busshaldeplassen og servicetorget.',
   '{1,2,3,4,5}', '13:00', 2),
  (5, 'language_practice', 'Språkkafé', 'Prat norsk over ein kopp kaffi med nye innbyggjarar på biblioteket. Born er velkomne.',
   '{2,4}', '18:00', 2),
  (6, 'interpreting', 'Tolking ved skulestart', 'Tolk for foreldra på det første møtet med kontaktlæraren når borna byrjar på skulen.',
   '{1,2,3,4,5}', '08:30', 1.5),
  (7, 'other', 'Dugnad på bustaden', 'Vi ryddar hagen og vaskar bustaden før familien kjem.',
   '{6}', '10:00', 4);

create temporary table seed_task_day as
select n, k.kind,
  (select d from (
     select public.oslo_today() + (n * 3 - 20) + (case when n * 3 - 20 < 0 then -shift else shift end) as d, shift
     from generate_series(0, 6) as shift
   ) c
   where extract(isodow from c.d)::int = any (k.days)
   order by c.shift limit 1) as on_day
from generate_series(1, 20) as n
join seed_task_kind k on k.kind = 1 + n % 7;

insert into public.tasks (
  id, type, title, description, starts_at, ends_at, locality, address, household_id,
  needed_languages, needed_skills, volunteers_needed, requires_police_certificate, status, created_by
)
select
  md5('task:' || n)::uuid,
  k.type,
  k.title,
  k.description,
  (t.on_day + k.starts) at time zone 'Europe/Oslo',
  (t.on_day + k.starts + make_interval(mins => (k.hours * 60)::int)) at time zone 'Europe/Oslo',
  (array['Straumvik', 'Lid', 'Nesheim', 'Haugland', 'Sætre', 'Vågøy'])[1 + n % 6],
  case when k.type = 'language_practice' then 'Straumvik bibliotek, Torget 2'
       when k.type = 'interpreting' then (array['Straumvik', 'Lid', 'Nesheim', 'Haugland', 'Sætre', 'Vågøy'])[1 + n % 6] || ' skule'
       else (array['Fjordvegen', 'Skulevegen', 'Kyrkjevegen', 'Naustvegen'])[1 + n % 4] || ' ' || (n + 2) end,
  case when n % 2 = 0 then md5('household:' || (14 + n % 10))::uuid end,
  case when n % 7 = 5 then array['uk'] else '{}' end,
  case when n % 7 = 1 then array['van_trailer'] when n % 7 = 2 then array['driving_licence'] else '{}' end,
  1 + n % 4,
  n % 7 in (4, 5),
  (case when n <= 5 then 'done' when n = 6 then 'cancelled' else 'open' end)::public.task_status,
  md5('user:staff')::uuid
from seed_task_day t
join seed_task_kind k on k.kind = t.kind;

-- signups: never more than a task needs (the database enforces it)
insert into public.signups (task_id, volunteer_id, status, hours, hours_reported, hours_approved_at, hours_review)
select
  md5('task:' || n)::uuid,
  md5('user:volunteer:' || (1 + (n * 7 + s * 3) % 25))::uuid,
  'confirmed',
  case when n <= 5 then k.hours end,
  case when n <= 5 then k.hours end,
  case when n <= 3 then now() - interval '2 days' end,
  case when n <= 3 then 'approved'::public.hours_review end
from generate_series(1, 20) as n
join seed_task_kind k on k.kind = 1 + n % 7,
generate_series(1, 2) as s
where s <= 1 + n % 4 and n <> 6 and n % 3 <> 0;

-- staff have seen the police certificates marked valid (the documents are never stored)
update public.volunteer_profiles
set police_certificate_seen_on = current_date - 30, police_certificate_seen_by = md5('user:staff')::uuid
where police_certificate_status = 'valid';

-- two volunteers' police certificates run out within the month (in three weeks and in nine
-- days): the dashboard and "needs action" warn about them
update public.volunteer_profiles set police_certificate_expires_on = current_date + 20
where user_id = md5('user:volunteer:7')::uuid and police_certificate_status = 'valid';
update public.volunteer_profiles set police_certificate_expires_on = current_date + 9
where user_id = md5('user:volunteer:13')::uuid and police_certificate_status = 'valid';

-- two mails the landlords' mail servers refused, given up on after their tries: staff see
-- them in "needs action" and the outbox, and can send them again once the address is right
insert into public.notifications (recipient, template, payload, idempotency_key, status, attempts, last_error, created_at)
select u.email, 'dwelling_received',
       jsonb_build_object('name', u.display_name, 'address', d.street || ', ' || d.place, 'dwelling_id', d.id),
       'seed:failed:' || d.id, 'failed', 5, '550 5.1.1 mailbox unavailable', d.submitted_at
from public.dwellings d join public.users u on u.id = d.landlord_id
where d.id in (md5('dwelling:4')::uuid, md5('dwelling:6')::uuid);

-- integration grant rates for this year and the next: EXAMPLES (labelled so on the pages),
-- round figures near IMDi's; an admin replaces them with the year's real rates
insert into public.grant_rates (year, year_1, year_2, year_3, year_4, year_5, child_extra, elderly_extra, unaccompanied_extra, example)
select extract(year from now() at time zone 'Europe/Oslo')::int + g, 250000, 260000, 190000, 95000, 80000, 30000, 180000, 250000, true
from generate_series(0, 1) g;

-- staff's "needs action" in the demo holds something of every kind (issue 18): a change to
-- the data above that loses a kind stops the seed here rather than showing an empty list
do $$
declare
  missing text[];
begin
  select array_agg(k) into missing
  from unnest(array['offer_review', 'offer_changed', 'proposal_unanswered', 'proposal_accepted', 'arrival_without_dwelling',
                    'task_short', 'certificate_expiring', 'hours_to_approve', 'mail_failed', 'lease_ending',
                    'deposit_guarantee']) as k
  where not exists (select 1 from public.needs_action() n where n.kind = k);
  if missing is not null then
    raise exception 'the demo''s needs action has nothing of: %', array_to_string(missing, ', ');
  end if;
end
$$;
