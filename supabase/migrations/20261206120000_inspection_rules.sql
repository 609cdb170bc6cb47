-- Found in the review of issue 20. A failed inspection of an *approved* offer sends it back
-- to the landlord (record_inspection), but the lifecycle had no step from approved to
-- needs_changes: the dwelling's guard refused it and the whole visit was lost (a 500). The
-- step is added; nothing else changes.
create or replace function public.dwelling_transition_allowed(p_from public.dwelling_status, p_to public.dwelling_status)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select (p_from, p_to) in (
    ('draft', 'submitted'), ('draft', 'withdrawn'),
    ('submitted', 'approved'), ('submitted', 'needs_changes'), ('submitted', 'rejected'), ('submitted', 'withdrawn'),
    ('needs_changes', 'submitted'), ('needs_changes', 'withdrawn'),
    -- an approved offer goes back to review when a field that matters for matching changes,
    -- and back to the landlord when the municipality's inspection finds something to mend
    ('approved', 'proposed'), ('approved', 'submitted'), ('approved', 'needs_changes'), ('approved', 'withdrawn'),
    -- a declined or cancelled proposal frees the dwelling again
    ('proposed', 'approved'), ('proposed', 'let'), ('proposed', 'withdrawn'),
    -- re-offer: after a tenancy, or after withdrawing
    ('let', 'submitted'), ('withdrawn', 'submitted'), ('withdrawn', 'draft')
  )
$$;

-- a failed item says what to mend: the landlord's mail and page name it with its note (the
-- form asked for one; now the database does too)
alter table public.inspection_findings
  add constraint inspection_findings_failed_has_note check (result <> 'failed' or btrim(note) <> '');
