-- Staff invite suggested volunteers to a task. Each invitation is a mail with accept and
-- decline links that work without logging in: a single-use token whose secret is stored
-- only as a hash, valid until the task starts. Accepting signs the volunteer up through
-- sign_up_for_task, so capacity, waitlist, overlap and the certificate gate still hold.

create type public.invitation_answer as enum ('accepted', 'declined');

-- one invitation per volunteer and task; the id is the public half of the link's token
create table public.task_invitations (
  id text primary key check (length(id) between 16 and 64),
  task_id uuid not null references public.tasks (id) on delete cascade,
  volunteer_id uuid not null references public.users (id) on delete cascade,
  invited_by uuid references public.users (id) on delete set null,
  secret_hash bytea not null check (length(secret_hash) = 32),
  sent_at timestamptz not null default now(),
  expires_at timestamptz not null,
  answered_at timestamptz,
  answer public.invitation_answer,
  -- what accepting gave: confirmed or waitlisted
  outcome public.signup_status,
  unique (task_id, volunteer_id),
  constraint task_invitations_answered check ((answer is null) = (answered_at is null))
);

-- "fewest recent requests" counts a volunteer's invitations of the last 30 days
create index task_invitations_volunteer_sent on public.task_invitations (volunteer_id, sent_at desc);

alter table public.task_invitations enable row level security;

-- invite several volunteers at once: the invitations and their mails in one transaction.
-- p_invitations: [{volunteer_id, token_id, secret_hash (hex), accept_url, decline_url}].
-- volunteers already invited or signed up are skipped; returns how many were invited.
create function public.invite_volunteers(p_task uuid, p_staff uuid, p_invitations jsonb)
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
                         'locality', t.locality, 'accept_url', i ->> 'accept_url', 'decline_url', i ->> 'decline_url'),
      'task_invitation:' || (i ->> 'token_id'));
    -- the links are keys: the sent mail keeps no copy of them
    update public.notifications set redact_on_send = true where idempotency_key = 'task_invitation:' || (i ->> 'token_id');
    invited := invited + 1;
  end loop;
  return invited;
end
$$;

-- the volunteer's answer from the mail link: once only, before the task starts. accepting
-- signs up (a refusal of sign_up_for_task raises and undoes everything, so the link stays
-- usable once the reason is gone). returns 'accepted'/'declined' with the sign-up's
-- outcome, or null when the invitation is unknown, answered or expired
create function public.answer_task_invitation(p_invitation text, p_accept boolean, p_origin text)
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
    result := public.sign_up_for_task(inv.task_id, inv.volunteer_id, p_origin);
    update public.task_invitations set outcome = result where id = inv.id;
  end if;
  return query select inv.answer, result;
end
$$;
