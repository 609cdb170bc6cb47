-- Mail carries ids, not links (issue 16, item 4). The SQL functions that queue mail put
-- the ids a mail is about in its payload (dwelling_id, match_id, task_id, volunteer_id)
-- and, for a link that is a key, the token (redacted once the mail is sent, as the links
-- were); the mail renderer builds every link from ORIGIN in one place
-- (src/lib/server/mail/links.ts). So no function takes the app's origin any more: each is
-- redefined from its latest definition without p_origin (or without the ready-made
-- links it was handed), and its old signature is dropped so that nothing can call it and
-- queue a mail of the old shape. Callers inside SQL (answer_task_invitation →
-- sign_up_for_task, update_task and cancel_task → task_mail_payload, register_user and
-- request_email_change → mail_account_exists) are redefined here too: plpgsql finds the
-- functions it calls by signature when it runs.
-- Upgrading: mails still waiting in the outbox in the old shape are rewritten to the new
-- one at the end of this file. Instances of the previous version still running after this
-- migration fail on the dropped functions, and their mail worker cannot render the new
-- shape: stop the previous version before migrating (docs/operations.md).

-- ---------------------------------------------------------------------------
-- the old signatures
-- ---------------------------------------------------------------------------

drop function public.submit_dwelling(uuid, text);
drop function public.review_dwelling(uuid, uuid, public.dwelling_status, text, uuid, date, text, text);
drop function public.answer_proposal(uuid, uuid, boolean, text, text);
drop function public.issue_availability_check(uuid, text, bytea, timestamptz, text, text);
drop function public.propose_match(uuid, uuid, uuid, numeric, jsonb, text);
drop function public.confirm_match(uuid, uuid, text);
drop function public.sign_up_for_task(uuid, uuid, text);
drop function public.withdraw_signup(uuid, uuid, text);
drop function public.queue_task_reminders(text);
drop function public.answer_task_invitation(text, boolean, text);
drop function public.task_mail_payload(public.tasks, public.users, public.signup_status, text);
drop function public.update_task(uuid, jsonb, text);
drop function public.cancel_task(uuid, uuid, text, text);
drop function public.queue_short_staffed_alerts(text);
drop function public.queue_certificate_expiry_notices(text);
drop function public.begin_login(text, text, text);
drop function public.mail_account_exists(text, text);
drop function public.register_user(text, text, text, public.app_role, public.app_locale, text, bytea, timestamptz, text, text);
-- the first register_user (20261126160000_accounts.sql), left beside its successor: it
-- queued a verification mail with a link and told no owner of a taken address
drop function public.register_user(text, text, text, public.app_role, public.app_locale, text, bytea, timestamptz, text);
drop function public.request_email_change(uuid, text, text, bytea, timestamptz, text, text);
drop function public.change_password(uuid, text, text, bytea, timestamptz, text);
drop function public.use_email_token(text, public.email_token_purpose, text, text, text);
-- the first use_email_token (20261126160000_accounts.sql), left beside its successor: it
-- ended no open links and told no one of a new password
drop function public.use_email_token(text, public.email_token_purpose, text);
drop function public.invite_staff(text, text, public.app_locale, text, bytea, timestamptz, text, text);

-- ---------------------------------------------------------------------------
-- the functions, with ids in their mail
-- ---------------------------------------------------------------------------

-- as before (20261201110000_mail_belongs_to_a_person.sql), and sent in only from a status
-- where dwelling_actions (20261202110000) has 'submit': an approved offer goes back to
-- review by a change of its terms, not by this call
create function public.submit_dwelling(p_dwelling uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
begin
  select * into d from public.dwellings where id = p_dwelling for update;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  if not 'submit' = any (public.dwelling_actions(d.status)) then
    raise exception 'a % offer cannot be sent in', d.status using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  update public.dwellings set status = 'submitted', submitted_at = now()
  where id = p_dwelling
  returning * into d;
  select * into l from public.dwelling_landlord(p_dwelling);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'dwelling_received', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'dwelling_id', d.id),
      'dwelling_received:' || d.id || ':' || extract(epoch from d.submitted_at)::bigint);
  end if;
  perform public.enqueue_to_staff_about('dwelling_to_review',
    jsonb_build_object('address', d.street || ', ' || d.place, 'locality', d.locality,
                       'dwelling_id', d.id),
    'dwelling_to_review:' || d.id || ':' || extract(epoch from d.submitted_at)::bigint,
    d.landlord_id);
end
$$;

-- as before (20261126162000_dwelling_lifecycle.sql)
create function public.review_dwelling(
  p_dwelling uuid,
  p_staff uuid,
  p_decision public.dwelling_status,
  p_message text,
  p_district uuid,
  p_inspection_date date,
  p_staff_note text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
begin
  if p_decision not in ('approved', 'needs_changes', 'rejected') then
    raise exception 'a review approves, asks for changes or rejects' using errcode = '22023';
  end if;
  update public.dwellings
  set status = p_decision, review_message = coalesce(p_message, ''), district_id = coalesce(p_district, district_id),
      inspection_date = p_inspection_date, staff_note = coalesce(p_staff_note, ''),
      reviewed_at = now(), reviewed_by = p_staff,
      confirmed_available_at = case when p_decision = 'approved' then now() else confirmed_available_at end
  where id = p_dwelling
  returning * into d;
  if d.id is null then
    raise exception 'no dwelling %', p_dwelling using errcode = 'P0002';
  end if;
  select * into l from public.dwelling_landlord(p_dwelling);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'dwelling_reviewed', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'decision', p_decision, 'message', coalesce(p_message, ''),
                         'dwelling_id', d.id),
      'dwelling_reviewed:' || d.id || ':' || extract(epoch from d.reviewed_at)::bigint);
  end if;
end
$$;

-- as before (20261201110000_mail_belongs_to_a_person.sql)
create function public.answer_proposal(p_match uuid, p_landlord uuid, p_accept boolean, p_reason text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
  d public.dwellings;
begin
  select * into m from public.matches where id = p_match for update;
  select * into d from public.dwellings where id = m.dwelling_id;
  if m.id is null or d.landlord_id is distinct from p_landlord or m.status <> 'proposed' then
    return false;
  end if;
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
                       'reason', coalesce(p_reason, ''), 'dwelling_id', d.id),
    'proposal_answered:' || p_match,
    d.landlord_id);
  return true;
end
$$;

-- as before (20261126162000_dwelling_lifecycle.sql); the mail carries the link's token
-- (redacted once sent), the renderer makes the yes and no links of it
create function public.issue_availability_check(
  p_dwelling uuid, p_check_id text, p_secret_hash bytea, p_expires_at timestamptz, p_token text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  d public.dwellings;
  l record;
begin
  -- the row lock makes two app instances running the check at once send one mail
  select * into d from public.dwellings where id = p_dwelling and status = 'approved' for update;
  select * into l from public.dwelling_landlord(p_dwelling);
  if d.id is null or l.email is null or exists (
    select from public.availability_checks c where c.dwelling_id = p_dwelling and c.sent_at > now() - interval '30 days'
  ) then
    return;
  end if;
  insert into public.availability_checks (id, dwelling_id, secret_hash, expires_at)
  values (p_check_id, p_dwelling, p_secret_hash, p_expires_at);
  perform public.enqueue_notification(l.email, 'still_available', l.locale,
    jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                       'token', p_token),
    'still_available:' || p_check_id);
  update public.notifications set redact_on_send = true where idempotency_key = 'still_available:' || p_check_id;
end
$$;

-- as before (20261126164000_matching.sql)
create function public.propose_match(
  p_household uuid, p_dwelling uuid, p_staff uuid, p_score numeric, p_reasons jsonb
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_id uuid;
  d public.dwellings;
  l record;
begin
  if not exists (select from public.households where id = p_household and status = 'expected') then
    raise exception 'household % is not waiting for a dwelling', p_household
      using errcode = 'P0001', hint = 'household_not_expected';
  end if;
  -- the trigger on matches checks (with a row lock) that the dwelling is approved
  insert into public.matches (household_id, dwelling_id, status, score, reasons, proposed_by)
  values (p_household, p_dwelling, 'proposed', p_score, coalesce(p_reasons, '[]'), p_staff)
  returning id into new_id;
  update public.dwellings set status = 'proposed' where id = p_dwelling returning * into d;

  select * into l from public.dwelling_landlord(p_dwelling);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'proposal_waiting', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'match_id', new_id),
      'proposal_waiting:' || new_id);
  end if;
  return new_id;
end
$$;

-- as before (20261201111000_offer_frozen_once_proposed.sql), with the children's stages
-- from public.school_stage (20261202110000), the one definition the dashboard and the
-- matching engine's score (a mirror under a parity test) use too
create function public.confirm_match(p_match uuid, p_staff uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.matches;
  d public.dwellings;
  h public.households;
  l record;
  broken text[];
begin
  select * into m from public.matches where id = p_match for update;
  select * into d from public.dwellings where id = m.dwelling_id for update;
  if m.id is null
     or not (m.status = 'accepted_by_landlord' or (m.status = 'proposed' and d.landlord_id is null)) then
    return false;
  end if;
  perform from public.households where id = m.household_id for update;
  broken := public.match_violations(m.household_id, m.dwelling_id);
  if cardinality(broken) > 0 then
    raise exception 'the household and the dwelling no longer fit: %', array_to_string(broken, ', ')
      using errcode = 'P0001', hint = 'pair_infeasible', detail = array_to_string(broken, ',');
  end if;

  update public.matches set status = 'confirmed', decided_at = now() where id = p_match;
  update public.dwellings set status = 'let' where id = d.id;
  update public.households set status = 'matched', updated_at = now() where id = m.household_id
  returning * into h;

  -- the children take their places in the district's schools and kindergartens
  if d.district_id is not null then
    update public.districts dist set
      kindergarten_places = greatest(0, dist.kindergarten_places - c.kindergarten),
      primary_school_places = greatest(0, dist.primary_school_places - c.primary_school),
      lower_secondary_places = greatest(0, dist.lower_secondary_places - c.lower_secondary),
      updated_at = now()
    from (
      select
        count(*) filter (where public.school_stage(age) = 'kindergarten') as kindergarten,
        count(*) filter (where public.school_stage(age) = 'primary') as primary_school,
        count(*) filter (where public.school_stage(age) = 'lower_secondary') as lower_secondary
      from public.household_members where household_id = h.id and age_band = 'child'
    ) c
    where dist.id = d.district_id;
  end if;

  select * into l from public.dwelling_landlord(d.id);
  if l.email is not null then
    perform public.enqueue_notification(l.email, 'match_confirmed', l.locale,
      jsonb_build_object('name', l.display_name, 'address', d.street || ', ' || d.place,
                         'contact_name', h.contact_name, 'contact_phone', h.contact_phone,
                         'match_id', p_match),
      'match_confirmed:' || p_match);
    perform public.mark_mail_about(array['match_confirmed:' || p_match], null, h.id);
  end if;
  return true;
end
$$;

-- as before (20261201112000_one_signup_at_a_time.sql), with the certificate judged by
-- public.certificate_valid_on for the Norwegian date the task ends (it compared with the
-- server's UTC date: a task ending after midnight in Norway, before it in UTC, let a
-- certificate run out a day early)
create function public.sign_up_for_task(p_task uuid, p_volunteer uuid)
returns public.signup_status
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
  p public.volunteer_profiles;
  u public.users;
  taken integer;
  outcome public.signup_status;
  other uuid;
begin
  -- one sign-up at a time per volunteer
  perform from public.users where id = p_volunteer for no key update;
  -- the task (for update: it also serialises sign-ups for this task, for capacity) and the
  -- volunteer's other open tasks (for share: their times hold still until we are done,
  -- while other volunteers on them may sign up elsewhere at once), in the order of their ids
  for other in
    select k.id from public.tasks k
    where k.id = p_task or (k.status = 'open' and k.id in (
      select s.task_id from public.signups s where s.volunteer_id = p_volunteer and s.status in ('confirmed', 'waitlisted')))
    order by k.id
  loop
    if other = p_task then
      perform from public.tasks where id = other for update;
    else
      perform from public.tasks where id = other for share;
    end if;
  end loop;
  select * into t from public.tasks where id = p_task for update;
  if t.id is null or t.status <> 'open' or t.ends_at < now() then
    raise exception 'task % is not open', p_task using errcode = 'P0001', hint = 'task_closed';
  end if;
  if exists (select from public.signups s where s.task_id = p_task and s.volunteer_id = p_volunteer
             and s.status in ('confirmed', 'waitlisted')) then
    raise exception 'already signed up' using errcode = 'P0001', hint = 'already_signed_up';
  end if;
  if t.requires_police_certificate then
    select * into p from public.volunteer_profiles where user_id = p_volunteer;
    if not public.certificate_valid_on(p.police_certificate_status, p.police_certificate_seen_on,
                                       p.police_certificate_expires_on, public.oslo_date(t.ends_at)) then
      raise exception 'a valid police certificate is required' using errcode = 'P0001', hint = 'certificate_required';
    end if;
  end if;
  if exists (
    select from public.signups s join public.tasks o on o.id = s.task_id
    where s.volunteer_id = p_volunteer and s.status in ('confirmed', 'waitlisted') and o.id <> p_task
      and o.status = 'open' and tstzrange(o.starts_at, o.ends_at) && tstzrange(t.starts_at, t.ends_at)
  ) then
    raise exception 'overlaps another task' using errcode = 'P0001', hint = 'overlap';
  end if;

  select count(*) into taken from public.signups where task_id = p_task and status = 'confirmed';
  outcome := case when taken < t.volunteers_needed then 'confirmed'::public.signup_status else 'waitlisted' end;
  insert into public.signups (task_id, volunteer_id, status, joined_at)
  values (p_task, p_volunteer, outcome, clock_timestamp())
  on conflict (task_id, volunteer_id) do update set status = excluded.status, joined_at = excluded.joined_at;

  select * into u from public.users where id = p_volunteer;
  perform public.enqueue_notification(u.email,
    case when outcome = 'confirmed' then 'signup_confirmed' else 'signup_waitlisted' end, u.locale,
    jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                       'locality', t.locality, 'task_id', t.id),
    'signup:' || t.id || ':' || p_volunteer || ':' || extract(epoch from clock_timestamp())::text);
  return outcome;
end
$$;

-- as before (20261126170000_signups.sql)
create function public.withdraw_signup(p_task uuid, p_volunteer uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
  was public.signup_status;
  next_one public.signups;
  u public.users;
begin
  select * into t from public.tasks where id = p_task for update;
  select status into was from public.signups where task_id = p_task and volunteer_id = p_volunteer;
  if was is null or was = 'withdrawn' then
    return false;
  end if;
  update public.signups set status = 'withdrawn' where task_id = p_task and volunteer_id = p_volunteer;
  if was = 'confirmed' and t.status = 'open' then
    select * into next_one from public.signups
    where task_id = p_task and status = 'waitlisted'
    order by joined_at, id
    limit 1;
    if next_one.id is not null then
      update public.signups set status = 'confirmed' where id = next_one.id;
      select * into u from public.users where id = next_one.volunteer_id;
      perform public.enqueue_notification(u.email, 'signup_promoted', u.locale,
        jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                           'locality', t.locality, 'task_id', t.id),
        'promoted:' || next_one.id || ':' || extract(epoch from clock_timestamp())::text);
    end if;
  end if;
  return true;
end
$$;

-- as before (20261126172000_reminders_certificates.sql)
create function public.queue_task_reminders()
returns integer
language sql
security definer
set search_path = ''
as $$
  select count(public.enqueue_notification(
    u.email, 'task_reminder', u.locale,
    jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at,
                       'locality', t.locality, 'task_id', t.id),
    'task_reminder:' || s.id,
    'reminders'
  ))::int
  from public.signups s
  join public.tasks t on t.id = s.task_id
  join public.users u on u.id = s.volunteer_id
  where s.status = 'confirmed' and t.status = 'open'
    and t.starts_at > now() and t.starts_at <= now() + interval '24 hours';
$$;

-- as before (20261126180000_task_invitations.sql)
create function public.answer_task_invitation(p_invitation text, p_accept boolean)
returns table (answer public.invitation_answer, outcome public.signup_status)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  inv public.task_invitations;
  result public.signup_status;
begin
  update public.task_invitations ti
  set answered_at = now(), answer = case when p_accept then 'accepted'::public.invitation_answer else 'declined' end
  where ti.id = p_invitation and ti.answered_at is null and ti.expires_at > now()
    and exists (select from public.tasks t where t.id = ti.task_id and t.starts_at > now())
  returning * into inv;
  if inv.id is null then
    return;
  end if;
  if p_accept then
    -- the link came to the volunteer's address: following it proves they receive mail there
    update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = inv.volunteer_id;
    result := public.sign_up_for_task(inv.task_id, inv.volunteer_id);
    update public.task_invitations set outcome = result where id = inv.id;
  end if;
  return query select inv.answer, result;
end
$$;

-- as before (20261126180000_task_invitations.sql), and p_invitations carries each link's
-- token ({volunteer_id, token_id, secret_hash (hex), token}) instead of two links: the
-- renderer makes the accept and decline links of it
create or replace function public.invite_volunteers(p_task uuid, p_staff uuid, p_invitations jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
  i jsonb;
  u public.users;
  invited integer := 0;
begin
  -- the task row lock keeps invitations and sign-ups of this task in one order
  select * into t from public.tasks where id = p_task for update;
  if t.id is null or t.status <> 'open' or t.starts_at <= now() then
    raise exception 'task % is not open', p_task using errcode = 'P0001', hint = 'task_closed';
  end if;
  for i in select * from jsonb_array_elements(p_invitations) loop
    select u2.* into u from public.users u2
    join public.user_roles r on r.user_id = u2.id and r.role = 'volunteer'
    where u2.id = (i ->> 'volunteer_id')::uuid;
    continue when u.id is null;
    continue when exists (select from public.signups s where s.task_id = p_task and s.volunteer_id = u.id
                          and s.status in ('confirmed', 'waitlisted'));
    insert into public.task_invitations (id, task_id, volunteer_id, invited_by, secret_hash, expires_at)
    values (i ->> 'token_id', p_task, u.id, p_staff, decode(i ->> 'secret_hash', 'hex'), t.starts_at)
    on conflict (task_id, volunteer_id) do nothing;
    continue when not found;
    perform public.enqueue_notification(u.email, 'task_invitation', u.locale,
      jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                         'locality', t.locality, 'token', i ->> 'token'),
      'task_invitation:' || (i ->> 'token_id'));
    -- the token is a key: the sent mail keeps no copy of it
    update public.notifications set redact_on_send = true where idempotency_key = 'task_invitation:' || (i ->> 'token_id');
    invited := invited + 1;
  end loop;
  return invited;
end
$$;

-- as before (20261126183000_task_changes.sql)
create function public.task_mail_payload(t public.tasks, u public.users, p_signup public.signup_status)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('name', u.display_name, 'title', t.title, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
                            'locality', t.locality, 'confirmed', p_signup = 'confirmed',
                            'task_id', t.id);
$$;

-- as before (20261126183000_task_changes.sql), with the certificate rule of sign-up
-- (public.certificate_valid_on on the Norwegian date the task ends)
create function public.update_task(p_task uuid, p_changes jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_t public.tasks;
  t public.tasks;
  taken integer;
  clash text;
  changed text[] := '{}';
  promoted record;
  told integer := 0;
begin
  select * into old_t from public.tasks where id = p_task for update;
  if old_t.id is null or old_t.status <> 'open' then
    raise exception 'task % is not open', p_task using errcode = 'P0001', hint = 'task_not_open';
  end if;
  -- only the fields a form edits; id, status, creator and the like are not for changing here
  t := jsonb_populate_record(old_t, p_changes - array['id', 'status', 'created_by', 'created_at', 'match_id',
                                                     'cancelled_at', 'cancelled_by', 'cancel_reason']);
  -- the form gives times to the minute: the same minute is no change of time
  if date_trunc('minute', t.starts_at) = date_trunc('minute', old_t.starts_at) then t.starts_at := old_t.starts_at; end if;
  if date_trunc('minute', t.ends_at) = date_trunc('minute', old_t.ends_at) then t.ends_at := old_t.ends_at; end if;

  select count(*) into taken from public.signups where task_id = p_task and status = 'confirmed';
  if t.volunteers_needed < taken then
    raise exception 'places below the % confirmed', taken using errcode = 'P0001', hint = 'places_below_confirmed',
      detail = taken::text;
  end if;

  if (t.starts_at, t.ends_at) is distinct from (old_t.starts_at, old_t.ends_at) then
    select string_agg(distinct u.display_name, ', ') into clash
    from public.signups s
    join public.users u on u.id = s.volunteer_id
    join public.signups os on os.volunteer_id = s.volunteer_id and os.task_id <> p_task and os.status in ('confirmed', 'waitlisted')
    join public.tasks o on o.id = os.task_id and o.status = 'open'
    where s.task_id = p_task and s.status in ('confirmed', 'waitlisted')
      and tstzrange(o.starts_at, o.ends_at) && tstzrange(t.starts_at, t.ends_at);
    if clash is not null then
      raise exception 'the new time overlaps other tasks of %', clash using errcode = 'P0001', hint = 'overlap', detail = clash;
    end if;
  end if;

  if t.requires_police_certificate then
    select string_agg(u.display_name, ', ') into clash
    from public.signups s
    join public.users u on u.id = s.volunteer_id
    left join public.volunteer_profiles p on p.user_id = s.volunteer_id
    where s.task_id = p_task and s.status in ('confirmed', 'waitlisted')
      and not public.certificate_valid_on(p.police_certificate_status, p.police_certificate_seen_on,
                                          p.police_certificate_expires_on, public.oslo_date(t.ends_at));
    if clash is not null then
      raise exception 'no valid police certificate: %', clash using errcode = 'P0001', hint = 'certificate_required', detail = clash;
    end if;
  end if;

  update public.tasks set
    type = t.type, title = t.title, description = t.description, starts_at = t.starts_at, ends_at = t.ends_at,
    locality = t.locality, address = t.address, volunteers_needed = t.volunteers_needed,
    needed_languages = t.needed_languages, needed_skills = t.needed_skills,
    requires_police_certificate = t.requires_police_certificate, household_id = t.household_id
  where id = p_task;

  -- more places: the first on the waitlist move up, in order, and are told
  for promoted in
    select w.id, w.volunteer_id from public.signups w
    where w.task_id = p_task and w.status = 'waitlisted'
    order by w.joined_at, w.id
    limit greatest(t.volunteers_needed - taken, 0)
  loop
    update public.signups set status = 'confirmed' where id = promoted.id;
    perform public.enqueue_notification(u.email, 'signup_promoted', u.locale,
      public.task_mail_payload(t, u, 'confirmed') - 'confirmed',
      'promoted:' || promoted.id || ':' || extract(epoch from clock_timestamp())::text)
    from public.users u where u.id = promoted.volunteer_id;
  end loop;

  if (t.starts_at, t.ends_at) is distinct from (old_t.starts_at, old_t.ends_at) then changed := array_append(changed, 'time'); end if;
  if t.locality is distinct from old_t.locality then changed := array_append(changed, 'place'); end if;
  if t.address is distinct from old_t.address then changed := array_append(changed, 'address'); end if;
  if cardinality(changed) = 0 then
    return 0;
  end if;

  select count(public.enqueue_notification(u.email, 'task_changed', u.locale,
           public.task_mail_payload(t, u, sg.status) || jsonb_build_object('changed', to_jsonb(changed)),
           'task_changed:' || t.id || ':' || sg.volunteer_id || ':' || extract(epoch from clock_timestamp())::text))::int
  into told
  from public.signups sg join public.users u on u.id = sg.volunteer_id
  where sg.task_id = p_task and sg.status in ('confirmed', 'waitlisted');
  return told;
end
$$;

-- as before (20261126183000_task_changes.sql)
create function public.cancel_task(p_task uuid, p_staff uuid, p_reason text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  t public.tasks;
begin
  select * into t from public.tasks where id = p_task for update;
  if t.id is null or t.status <> 'open' then
    return false;
  end if;
  update public.tasks set status = 'cancelled', cancelled_at = now(), cancelled_by = p_staff, cancel_reason = p_reason
  where id = p_task;
  perform public.enqueue_notification(u.email, 'task_cancelled', u.locale,
    public.task_mail_payload(t, u, s.status) || jsonb_build_object('reason', p_reason),
    'task_cancelled:' || t.id || ':' || s.volunteer_id)
  from public.signups s join public.users u on u.id = s.volunteer_id
  where s.task_id = p_task and s.status in ('confirmed', 'waitlisted');
  return true;
end
$$;

-- as before (20261126183000_task_changes.sql)
create function public.queue_short_staffed_alerts()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  t record;
  n integer := 0;
begin
  for t in
    select k.id, k.title, k.starts_at, k.locality, k.volunteers_needed,
           (select count(*) from public.signups s where s.task_id = k.id and s.status = 'confirmed')::int as confirmed
    from public.tasks k
    where k.status = 'open' and k.starts_at > now() and k.starts_at <= now() + interval '48 hours'
  loop
    continue when t.confirmed >= t.volunteers_needed;
    perform public.enqueue_to_staff('task_short_of_volunteers',
      jsonb_build_object('title', t.title, 'starts_at', t.starts_at, 'locality', t.locality,
                         'confirmed', t.confirmed, 'needed', t.volunteers_needed,
                         'task_id', t.id),
      'task_short:' || t.id);
    n := n + 1;
  end loop;
  return n;
end
$$;

-- as before (20261201110000_mail_belongs_to_a_person.sql), with "runs out soon" from
-- public.certificate_expiring_soon (20261202110000), as the dashboard and the staff's list count it
create function public.queue_certificate_expiry_notices()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  c record;
  n integer := 0;
begin
  for c in
    select u.id, u.email, u.locale, u.display_name, p.police_certificate_expires_on as expires_on
    from public.volunteer_profiles p join public.users u on u.id = p.user_id
    where public.certificate_expiring_soon(p)
  loop
    perform public.enqueue_notification(c.email, 'certificate_expiring', c.locale,
      jsonb_build_object('name', c.display_name, 'expires_on', c.expires_on),
      'certificate_expiring:' || c.id || ':' || c.expires_on);
    perform public.enqueue_to_staff_about('certificate_expiring_staff',
      jsonb_build_object('volunteer', c.display_name, 'expires_on', c.expires_on, 'volunteer_id', c.id),
      'certificate_expiring_staff:' || c.id || ':' || c.expires_on,
      c.id);
    n := n + 1;
  end loop;
  return n;
end
$$;

-- as before (20261201100000_account_limits.sql)
create function public.begin_login(p_email text, p_address text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_email text := lower(p_email);
  -- an address is always a whole ':'-separated part of a key, so erasing its person
  -- finds every key that names it (erase_account)
  k_pair text := 'login:pair:' || v_email || ':' || p_address;
  k_address text := 'login:address:' || p_address;
  k_account text := 'login:account:' || v_email;
  soft constant integer := 20;
  person public.users;
  failures integer;
  attempt bigint[];
  delay integer := 0;
begin
  perform public.rate_limit_lock(array[k_pair, k_address, k_account]);
  if public.rate_limit_events_in(k_pair, 900) >= 10 or public.rate_limit_events_in(k_address, 900) >= 20 then
    return jsonb_build_object('allowed', false);
  end if;
  with counted as (
    insert into public.rate_limit_events (key) values (k_pair), (k_address), (k_account) returning id
  )
  select array_agg(id) into attempt from counted;
  delete from public.rate_limit_events where at < now() - interval '2 days';

  failures := public.rate_limit_events_in(k_account, 900);
  if failures > soft then
    select * into person from public.users u where lower(u.email) = v_email;
    if person.id is not null and not exists (
      select from public.notifications n
      where n.template = 'login_throttled' and n.recipient = lower(person.email) and n.created_at > now() - interval '1 day'
    ) then
      perform public.enqueue_notification(
        person.email, 'login_throttled', person.locale,
        jsonb_build_object('name', person.display_name),
        'login_throttled:' || person.id || ':' || extract(epoch from now())::bigint
      );
    end if;
    if person.id is null or not public.is_known_address(person.id, p_address) then
      delay := least(10000, 1000 * power(2, (failures - soft - 1) / 10))::integer;
    end if;
  end if;
  return jsonb_build_object('allowed', true, 'attempt', to_jsonb(attempt), 'delay_ms', delay);
end
$$;

-- as before (20261201100000_account_limits.sql)
create function public.mail_account_exists(p_email text) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
begin
  select * into person from public.users where lower(email) = lower(p_email);
  if person.id is null or not public.rate_limit_take(array['account_exists:' || lower(person.email)], array[3], array[86400]) then
    return;
  end if;
  perform public.enqueue_notification(
    person.email, 'account_exists', person.locale,
    jsonb_build_object('name', person.display_name),
    'account_exists:' || person.id || ':' || gen_random_uuid()
  );
end
$$;

-- as before (20261201100000_account_limits.sql); the mail carries the verification link's
-- token (redacted once sent)
create function public.register_user(
  p_email text,
  p_display_name text,
  p_password_hash text,
  p_role public.app_role,
  p_locale public.app_locale,
  p_token_id text,
  p_token_hash bytea,
  p_token_expires_at timestamptz,
  p_token text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_user uuid;
begin
  if p_role not in ('landlord', 'volunteer') then
    raise exception 'only landlords and volunteers register themselves' using errcode = '22023';
  end if;
  insert into public.users (email, display_name, password_hash, locale)
  values (lower(p_email), p_display_name, p_password_hash, p_locale)
  on conflict ((lower(email))) do nothing
  returning id into new_user;
  if new_user is null then
    perform public.mail_account_exists(p_email);
    return null;
  end if;
  insert into public.user_roles (user_id, role) values (new_user, p_role);
  insert into public.email_tokens (id, user_id, purpose, secret_hash, expires_at)
  values (p_token_id, new_user, 'verify_email', p_token_hash, p_token_expires_at);
  perform public.enqueue_notification(
    lower(p_email), 'verify_email', p_locale,
    jsonb_build_object('name', p_display_name, 'token', p_token),
    'verify_email:' || p_token_id
  );
  update public.notifications set redact_on_send = true where idempotency_key = 'verify_email:' || p_token_id;
  return new_user;
end
$$;

-- as before (20261201100000_account_limits.sql); the mail carries the link's token
create function public.request_email_change(
  p_user uuid,
  p_new_email text,
  p_token_id text,
  p_token_hash bytea,
  p_expires_at timestamptz,
  p_token text
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
  holder uuid;
begin
  select * into person from public.users where id = p_user;
  if person.id is null then
    raise exception 'no such account' using errcode = 'P0002';
  end if;
  select id into holder from public.users where lower(email) = lower(p_new_email);
  if holder = p_user then
    return;
  elsif holder is not null then
    perform public.mail_account_exists(p_new_email);
    return;
  end if;
  perform public.issue_email_token(
    p_user, 'email_change', p_token_id, p_token_hash, p_expires_at, p_new_email,
    lower(p_new_email), 'email_change', person.locale, jsonb_build_object('name', person.display_name, 'token', p_token)
  );
end
$$;

-- as before (20261201100000_account_limits.sql)
create function public.change_password(
  p_user uuid,
  p_password_hash text,
  p_session_id text,
  p_session_hash bytea,
  p_session_expires_at timestamptz
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  person public.users;
begin
  update public.users set password_hash = p_password_hash where id = p_user returning * into person;
  if person.id is null then
    raise exception 'no such account' using errcode = 'P0002';
  end if;
  delete from public.sessions where user_id = p_user;
  insert into public.sessions (id, user_id, secret_hash, expires_at)
  values (p_session_id, p_user, p_session_hash, p_session_expires_at);
  perform public.end_account_links(p_user);
  perform public.enqueue_notification(
    person.email, 'password_changed', person.locale,
    jsonb_build_object('name', person.display_name),
    'password_changed:' || p_session_id
  );
end
$$;

-- as before (20261201100000_account_limits.sql)
create function public.use_email_token(
  p_token_id text,
  p_purpose public.email_token_purpose,
  p_password_hash text,
  p_keep_session text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  token public.email_tokens;
  person public.users;
begin
  update public.email_tokens t set used_at = now()
  where t.id = p_token_id and t.purpose = p_purpose and t.used_at is null and t.expires_at > now()
  returning * into token;
  if token.id is null then
    return null;
  end if;
  select * into person from public.users where id = token.user_id;

  if p_purpose = 'verify_email' then
    update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = token.user_id;
  elsif p_purpose in ('password_reset', 'staff_invite') then
    if p_password_hash is null then
      raise exception 'a new password is required' using errcode = '22023';
    end if;
    -- an invitation also proves the address
    update public.users
    set password_hash = p_password_hash,
        email_verified_at = case when p_purpose = 'staff_invite' then coalesce(email_verified_at, now()) else email_verified_at end
    where id = token.user_id;
    delete from public.sessions where user_id = token.user_id;
    perform public.end_account_links(token.user_id);
    update public.email_tokens set used_at = now()
    where user_id = token.user_id and purpose = p_purpose and used_at is null;
    -- an invited person chose their first password: nothing changed that they must hear of
    if p_purpose = 'password_reset' then
      perform public.enqueue_notification(
        person.email, 'password_changed', person.locale,
        jsonb_build_object('name', person.display_name),
        'password_changed:' || token.id
      );
    end if;
  elsif p_purpose = 'email_change' then
    -- queued while the old address is still theirs, so the mail is theirs (and stays
    -- addressed to the old address when the change moves their waiting mail along)
    perform public.enqueue_notification(
      person.email, 'email_changed', person.locale,
      jsonb_build_object('name', person.display_name, 'new_email', token.new_email),
      'email_changed:' || token.id
    );
    update public.users set email = token.new_email, email_verified_at = now() where id = token.user_id;
    delete from public.sessions where user_id = token.user_id and id is distinct from p_keep_session;
    perform public.end_account_links(token.user_id);
  end if;
  return token.user_id;
end
$$;

-- as before (20261126160000_accounts.sql); the mail carries the invitation link's token
create function public.invite_staff(
  p_email text,
  p_display_name text,
  p_locale public.app_locale,
  p_token_id text,
  p_token_hash bytea,
  p_expires_at timestamptz,
  p_inviter text,
  p_token text
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_user uuid;
begin
  insert into public.users (email, display_name, locale)
  values (lower(p_email), p_display_name, p_locale)
  returning id into new_user;
  insert into public.user_roles (user_id, role) values (new_user, 'staff');
  perform public.issue_email_token(
    new_user, 'staff_invite', p_token_id, p_token_hash, p_expires_at, null,
    lower(p_email), 'staff_invitation', p_locale, jsonb_build_object('inviter', p_inviter, 'token', p_token)
  );
  return new_user;
end
$$;

-- ---------------------------------------------------------------------------
-- mail already waiting in the outbox
-- ---------------------------------------------------------------------------

-- a payload of the old shape in the new one: the id or token its link ended in, and no
-- link; a payload without links is returned as it is. Kept as a function so that a test
-- can give it every old shape and render what comes out (tests/integration/mail-payloads.test.ts).
create function public.mail_payload_without_links(p_template text, p_payload jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select case
    when not p_payload ?| array['url', 'yes_url', 'accept_url'] then p_payload
    else (p_payload - array['url', 'yes_url', 'no_url', 'accept_url', 'decline_url'])
      || coalesce((
        select jsonb_build_object(m.field, substring(coalesce(p_payload ->> 'url', p_payload ->> 'yes_url', p_payload ->> 'accept_url') from m.pattern))
        from (values
          ('verify_email', 'token', '/verify/([^/?#]+)$'),
          ('email_change', 'token', '/verify/([^/?#]+)$'),
          ('password_reset', 'token', '/reset/([^/?#]+)$'),
          ('staff_invitation', 'token', '/invite/([^/?#]+)$'),
          ('dwelling_received', 'dwelling_id', '/landlord/dwellings/([^/?#]+)$'),
          ('dwelling_reviewed', 'dwelling_id', '/landlord/dwellings/([^/?#]+)$'),
          ('dwelling_to_review', 'dwelling_id', '/staff/dwellings/([^/?#]+)$'),
          ('proposal_answered', 'dwelling_id', '/staff/dwellings/([^/?#]+)$'),
          ('proposal_waiting', 'match_id', '/landlord/proposals/([^/?#]+)$'),
          ('match_confirmed', 'match_id', '/landlord/proposals/([^/?#]+)$'),
          ('still_available', 'token', '/availability/([^/?#]+)/yes$'),
          ('task_invitation', 'token', '/task-invitation/([^/?#]+)/accept$'),
          ('signup_confirmed', 'task_id', '/volunteer/tasks/([^/?#]+)$'),
          ('signup_waitlisted', 'task_id', '/volunteer/tasks/([^/?#]+)$'),
          ('signup_promoted', 'task_id', '/volunteer/tasks/([^/?#]+)$'),
          ('task_reminder', 'task_id', '/volunteer/tasks/([^/?#]+)$'),
          ('task_changed', 'task_id', '/volunteer/tasks/([^/?#]+)$'),
          ('task_cancelled', 'task_id', '/volunteer/tasks/([^/?#]+)$'),
          ('task_short_of_volunteers', 'task_id', '/staff/tasks/([^/?#]+)$'),
          ('certificate_expiring_staff', 'volunteer_id', '/staff/volunteers/([^/?#]+)$')
        ) as m (template, field, pattern)
        where m.template = p_template
      ), '{}')
    -- account_exists, password_changed, login_throttled and certificate_expiring link to a
    -- fixed page: they only lose the link
  end;
$$;

-- every mail queued before this migration and not yet sent (queued, being sent, or failed
-- and perhaps retried later) gets the new shape. A sent mail is never rendered again.
update public.notifications
set payload = public.mail_payload_without_links(template, payload)
where status <> 'sent' and payload ?| array['url', 'yes_url', 'accept_url'];
